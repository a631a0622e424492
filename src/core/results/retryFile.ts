import { open } from 'node:fs/promises';
import { readRequests, type AttemptFiles, type InputRequest } from './attemptMatch';
import { walkAttempts } from './attemptWalk';
import { writeAtomically } from './atomicWriter';
import { retryLines, type Outcome, type RetryPlan } from './retryLines';

export interface RetryFileResult extends RetryPlan {
  /** The retry file, or undefined when nothing is left to retry (no file is written then). */
  path?: string;
}

/** Bytes copied at a time: a line of any length is copied whole through one buffer of this size. */
const COPY_BYTES = 1 << 20;

/**
 * Copies the chosen request lines of `inputPath` byte for byte (LF-terminated) into `outPath`, atomically. Even a line
 * too long to read (over the validator's bound: readLines keeps only its head) is copied whole, in pieces.
 */
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
        for (let done = 0; done < length;) {
          // A fresh buffer per piece: the writer may still hold the last one.
          const bytes = Buffer.alloc(Math.min(COPY_BYTES, length - done));
          const { bytesRead } = await handle.read(bytes, 0, bytes.length, offset + done);
          if (bytesRead === 0) {
            break;
          }
          await write(bytes.subarray(0, bytesRead));
          done += bytesRead;
        }
        await write('\n');
      }
    });
  } finally {
    await handle.close();
  }
}

/**
 * Writes the requests of `inputPath` that no attempt answered with a success (failed, expired, answered without an
 * answer: blocked or out of tokens, or with no result line at all) to `outPath`, with their keys and bytes unchanged. `attempts` are the original job and its retries,
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
      outcomes.push({ id: index, ok: ref.ok, fix: ref.fix, noAnswer: ref.noAnswer });
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
