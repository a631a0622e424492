import type { CountedLine, PromptTokenCounter } from '../contract';

/**
 * The emulator's guarded use of `EmulatorOptions.promptTokens`: a count is a nicety, never a reason to fail or stall
 * a request, so whatever goes wrong (the hook throws, rejects, answers something that is not a count, or takes
 * longer than `timeoutMs` on a hostile or huge request) gives undefined, and the caller keeps its rough rule.
 */
export type PromptCount = (line: CountedLine, model: string | undefined) => Promise<number | undefined>;

/**
 * Longest wait for one count. The first count of a run loads a vocabulary (~130 ms here, seconds on a loaded
 * machine); counting itself runs at megabytes per second, so only a pathological request gets near this.
 */
export const COUNT_TIMEOUT_MS = 10_000;

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** The guarded counter, or undefined without a hook (callers then skip even parsing what they would count). */
export function guardedCount(
  hook: PromptTokenCounter | undefined,
  timeoutMs = COUNT_TIMEOUT_MS,
): PromptCount | undefined {
  if (!hook) {
    return undefined;
  }
  return async (line, model) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, timeoutMs, undefined);
      // A count still running must not keep a closing process alive.
      timer.unref();
    });
    try {
      // Through `then` so a hook that throws synchronously is caught like one that rejects.
      const n = await Promise.race([Promise.resolve().then(() => hook(line, model)), late]);
      return isCount(n) ? n : undefined;
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
}
