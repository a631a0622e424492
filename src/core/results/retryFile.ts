import { open } from 'node:fs/promises';
import { readRequests, type AttemptFiles, type InputRequest } from './attemptMatch';
import { walkAttempts } from './attemptWalk';
import { writeAtomically } from './atomicWriter';
import { retryLines, type Outcome, type RetryPlan } from './retryLines';

export interface RetryFileResult extends RetryPlan {
  /** The retry file, or undefined when nothing is left to retry (no file is written then). */
  path?: string;
}

/** Copies the chosen request lines of `inputPath` byte for byte (LF-terminated) into `outPath`, atomically. */
export async function copyLines(
  inputPath: string,
  requests: readonly InputRequest[],
  indices: readonly number[],
  outPath: string,
): Promise<void> {
  const handle = await open(inputPath, 'r');
  try {
    await writeAtomically(outPath, async (write) => {
      for (const index of indices) {
        const { offset, length } = requests[index];
        const bytes = Buffer.alloc(length);
        await handle.read(bytes, 0, length, offset);
        await write(bytes);
        await write('\n');
      }
    });
  } finally {
    await handle.close();
  }
}

/**
 * Writes the requests of `inputPath` that no attempt answered with a success (failed, expired, or with no result
 * line at all) to `outPath`, with their keys and bytes unchanged. `attempts` are the original job and its retries,
 * in order; the first one's input is normally `inputPath` itself.
 */
export async function writeRetryFile(
  inputPath: string,
  attempts: readonly AttemptFiles[],
  outPath: string,
): Promise<RetryFileResult> {
  const requests = await readRequests(inputPath);
  const outcomes: Outcome[] = [];
  for await (const attempt of walkAttempts(requests, attempts)) {
    for (const { index, ref } of attempt.results) {
      outcomes.push({ id: index, ok: ref.ok, fix: ref.fix });
    }
  }
  const plan = retryLines(
    requests.map((_, index) => index),
    outcomes,
  );
  if (plan.indices.length === 0) {
    return plan;
  }
  await copyLines(inputPath, requests, plan.indices, outPath);
  return { ...plan, path: outPath };
}
