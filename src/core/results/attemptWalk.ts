import { matchAttempt, readRequests, type AttemptFiles, type InputRequest, type ResultRef } from './attemptMatch';
import { resolveToOriginal } from './requestIds';

/** One result of an attempt, placed on the original input: `index` is the request's index there. */
export interface PlacedResult {
  index: number;
  ref: ResultRef;
}

export interface WalkedAttempt {
  results: PlacedResult[];
  /** Results that match no request of the attempt's input, or whose request the original does not have. */
  orphans: ResultRef[];
}

/**
 * Each attempt's results placed on the original input's requests (index = attempt number). An attempt's input is the
 * original itself or a retry file made from it; its lines are recognised by key or by their bytes, preferring the
 * requests earlier attempts left unanswered (resolveToOriginal).
 */
export async function* walkAttempts(
  original: readonly InputRequest[],
  attempts: readonly AttemptFiles[],
): AsyncGenerator<WalkedAttempt> {
  const signatures = original.map((r) => r.signature);
  const done = new Set<number>();
  for (const files of attempts) {
    const own = await readRequests(files.inputPath);
    const match = await matchAttempt(own, files.resultPaths);
    const placed = resolveToOriginal(
      signatures,
      own.map((r) => r.signature),
      done,
    );
    const walked: WalkedAttempt = { results: [], orphans: match.orphans };
    for (const [i, ref] of match.results.entries()) {
      if (!ref) {
        continue;
      }
      const index = placed[i];
      if (index === undefined) {
        walked.orphans.push(ref);
        continue;
      }
      walked.results.push({ index, ref });
    }
    for (const { index, ref } of walked.results) {
      if (ref.ok) {
        done.add(index);
      }
    }
    yield walked;
  }
}
