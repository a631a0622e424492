import { inputLineKey } from '../jobs/longLineKey';
import { isBlankBytes, parseObjectLine, readLines } from '../jobs/lineReader';
import type { NoAnswerKind } from '../jobs/noAnswer';
import { classifyResultLine } from '../jobs/resultLine';
import { adviceFor } from './errorOf';
import { signatureOf } from './requestIds';

/** One request line of an input file, by position: read again from disk when written (memory stays small). */
export interface InputRequest {
  /** signatureOf(key, bytes): how attempts recognise the request (resolveToOriginal). */
  signature: string;
  key?: string;
  lineNo: number;
  offset: number;
  length: number;
}

/** Where a result line is: `file` indexes the attempt's result paths. */
export interface ResultRef {
  file: number;
  offset: number;
  length: number;
  /** A result the request needs no retry for: a response with an answer (a response without one is not `ok`). */
  ok: boolean;
  key?: string;
  /** A failure that sending the same line again cannot fix (its error's advice is `fix`: INVALID_ARGUMENT…). */
  fix?: true;
  /** A response without a usable answer (noAnswer.ts): retried, and counted apart from failures. */
  noAnswer?: NoAnswerKind;
}

/**
 * What a job is to the requests it answers: the first job, a later part of a group of split parts ("Submit All
 * Parts": its lines were never sent before, so answering them is no retry), or a follow-up ("Retry Failed Lines").
 */
export type AttemptRole = 'original' | 'part' | 'retry';

/** The files of one attempt: the input it sent and what came back (results, then OpenAI's error file). */
export interface AttemptFiles {
  inputPath: string;
  /** Empty when the job ended without results (a Gemini job that expired or failed). */
  resultPaths: string[];
  /** Absent: the first attempt is the original, every later one a retry (attemptRoleAt). */
  role?: AttemptRole;
}

/** The role of the attempt at `index` of a chain. */
export function attemptRoleAt(attempts: readonly AttemptFiles[], index: number): AttemptRole {
  return attempts[index]?.role ?? (index === 0 ? 'original' : 'retry');
}

export interface AttemptMatch {
  /** Per input request (same index), its result line, or undefined when the attempt returned none for it. */
  results: (ResultRef | undefined)[];
  /** Result lines that match no request (unknown key, or one more than the requests with that key). */
  orphans: ResultRef[];
  unparseable: number;
}

/** The request lines of an input file (blank lines skipped), each with its signature. */
export async function readRequests(inputPath: string): Promise<InputRequest[]> {
  const requests: InputRequest[] = [];
  for await (const line of readLines(inputPath)) {
    if (isBlankBytes(line.bytes)) {
      continue;
    }
    const key = inputLineKey(line);
    requests.push({
      signature: signatureOf(key, line.bytes),
      key,
      lineNo: line.lineNo,
      offset: line.offset,
      length: line.length,
    });
  }
  return requests;
}

/**
 * Matches result lines to requests: keyed ones by key whatever their order (the service does not promise one),
 * keyless ones in order among the keyless requests (as joinResults does). Streams the result files once.
 */
export async function matchAttempt(
  requests: readonly InputRequest[],
  resultPaths: readonly string[],
): Promise<AttemptMatch> {
  const byKey = new Map<string, number[]>();
  const keyless: number[] = [];
  for (const [index, request] of requests.entries()) {
    if (request.key === undefined) {
      keyless.push(index);
      continue;
    }
    const queue = byKey.get(request.key) ?? [];
    queue.push(index);
    byKey.set(request.key, queue);
  }
  const match: AttemptMatch = {
    results: new Array<ResultRef | undefined>(requests.length),
    orphans: [],
    unparseable: 0,
  };
  for (const [file, path] of resultPaths.entries()) {
    for await (const line of readLines(path)) {
      if (isBlankBytes(line.bytes)) {
        continue;
      }
      const parsed = parseObjectLine(line.bytes);
      if (!parsed) {
        match.unparseable++;
        continue;
      }
      const outcome = classifyResultLine(parsed);
      const ok = outcome.ok && !outcome.noAnswer;
      const ref: ResultRef = { file, offset: line.offset, length: line.length, ok, key: outcome.key };
      if (!outcome.ok && adviceFor(outcome.code ?? '') === 'fix') {
        ref.fix = true;
      }
      if (outcome.ok && outcome.noAnswer) {
        ref.noAnswer = outcome.noAnswer.kind;
      }
      const target = outcome.key !== undefined ? byKey.get(outcome.key)?.shift() : keyless.shift();
      if (target === undefined) {
        match.orphans.push(ref);
      } else {
        match.results[target] = ref;
      }
    }
  }
  return match;
}
