import { open, type FileHandle } from 'node:fs/promises';
import { lineText, parseObjectLine, readLineHead } from '../jobs/lineReader';
import { classifyResultLine } from '../jobs/resultLine';
import { attemptRoleAt, readRequests, type AttemptFiles, type ResultRef } from './attemptMatch';
import { walkAttempts } from './attemptWalk';
import { writeAtomically } from './atomicWriter';
import { isBetter, mergeAttempts, type AttemptRow } from './mergeAttempts';

export interface MergedCounts {
  requests: number;
  /** Requests whose best result has an answer. */
  succeeded: number;
  /** Requests whose best result is a response without a usable answer (noAnswer.ts): counted apart from failures. */
  noAnswer: number;
  failed: number;
  missing: number;
  /** Requests answered by a retry ("Retry Failed Lines"); a later part of a group is no retry. */
  fromRetries: number;
  /** Whether any attempt merged is a retry: without one (a group of parts), no "retry" word applies. */
  retried: boolean;
  orphans: number;
}

interface Located extends ResultRef {
  attempt: number;
}

/** A line read back to be parsed: no more of it than parseObjectLine looks at. */
function readAt(handle: FileHandle, ref: { offset: number; length: number }): Promise<Buffer> {
  return readLineHead(handle, ref.offset, ref.length);
}

/**
 * The request part of an input line, as joinResults writes it: Gemini `request`, OpenAI `body`, or the line's
 * text (lineText: `raw` is its head).
 */
function requestOf(raw: Buffer, length: number): unknown {
  const obj = parseObjectLine(raw);
  if (obj) {
    return obj.request ?? obj.body ?? obj;
  }
  return lineText(raw, length);
}

/**
 * The joined file across attempts: one `{"line", "key", "attempt", "request", "response"|"error"}` per request of
 * `inputPath`, in input order, holding its best result (mergeAttempts: a success beats a failure), then the results
 * that match no request (`"line": null`), one per key. Same shape as joinResults' file, so every reader of the
 * joined file reads it. A key appears once; memory holds offsets only. Written atomically.
 */
export async function writeMergedJoin(
  inputPath: string,
  attempts: readonly AttemptFiles[],
  outPath: string,
): Promise<MergedCounts> {
  const requests = await readRequests(inputPath);
  const perAttempt: AttemptRow<Located>[][] = [];
  const orphans = new Map<string, Located>();
  let keylessOrphans = 0;
  let attempt = 0;
  for await (const walked of walkAttempts(requests, attempts)) {
    perAttempt.push(walked.results.map(({ index, ref }) => ({ id: index, ok: ref.ok, value: { ...ref, attempt } })));
    for (const ref of walked.orphans) {
      const id = ref.key !== undefined ? `k:${ref.key}` : `orphan:${keylessOrphans++}`;
      const candidate = { ...ref, attempt };
      if (isBetter(candidate, orphans.get(id))) {
        orphans.set(id, candidate);
      }
    }
    attempt++;
  }
  const best = mergeAttempts<Located>(perAttempt);
  const inputKeys = new Set(requests.map((r) => r.key));
  const counts: MergedCounts = {
    requests: requests.length,
    succeeded: 0,
    noAnswer: 0,
    failed: 0,
    missing: 0,
    fromRetries: 0,
    retried: attempts.some((_, i) => attemptRoleAt(attempts, i) === 'retry'),
    orphans: 0,
  };
  const inputHandle = await open(inputPath, 'r');
  const handles = await Promise.all(attempts.map((a) => Promise.all(a.resultPaths.map((p) => open(p, 'r')))));
  const resultFields = async (ref: Located) => {
    const outcome = classifyResultLine(parseObjectLine(await readAt(handles[ref.attempt][ref.file], ref)) ?? {});
    return outcome.ok ? { response: outcome.payload } : { error: outcome.payload };
  };
  try {
    await writeAtomically(outPath, async (write) => {
      for (const [index, request] of requests.entries()) {
        const found = best.get(index)?.value;
        const head = {
          line: request.lineNo,
          key: request.key ?? null,
          attempt: found?.attempt ?? null,
          request: requestOf(await readAt(inputHandle, request), request.length),
        };
        if (!found) {
          counts.missing++;
          await write(
            `${JSON.stringify({ ...head, error: { code: 'missing_result', message: 'No result line for this request.' } })}\n`,
          );
          continue;
        }
        if (found.ok) {
          counts.succeeded++;
        } else if (found.noAnswer) {
          counts.noAnswer++;
        } else {
          counts.failed++;
        }
        // A success only: a retry that failed again answered nothing.
        if (found.ok && attemptRoleAt(attempts, found.attempt) === 'retry') {
          counts.fromRetries++;
        }
        await write(`${JSON.stringify({ ...head, ...(await resultFields(found)) })}\n`);
      }
      for (const [id, ref] of orphans) {
        // A key the input has is already written above: the merged file never holds a key twice.
        if (id.startsWith('k:') && inputKeys.has(ref.key)) {
          continue;
        }
        counts.orphans++;
        await write(
          `${JSON.stringify({ line: null, key: ref.key ?? null, attempt: ref.attempt, request: null, ...(await resultFields(ref)) })}\n`,
        );
      }
    });
  } finally {
    await Promise.all([inputHandle, ...handles.flat()].map((h) => h.close()));
  }
  return counts;
}
