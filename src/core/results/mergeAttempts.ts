import type { RequestId } from './retryLines';

/** A result in one attempt, for a request `id` (RequestIds); `value` is whatever the caller needs to write it. */
export interface AttemptRow<T> {
  id: RequestId;
  ok: boolean;
  value: T;
}

export interface BestRow<T> extends AttemptRow<T> {
  /** 0 for the original job, n for its n-th retry. */
  attempt: number;
}

/** Whether `candidate` replaces `current`: a success beats a failure; between equals the later attempt wins. */
export function isBetter(
  candidate: { ok: boolean; attempt: number },
  current: { ok: boolean; attempt: number } | undefined,
): boolean {
  if (!current) {
    return true;
  }
  if (candidate.ok !== current.ok) {
    return candidate.ok;
  }
  return candidate.attempt >= current.attempt;
}

/**
 * The best result per request across attempts (index = attempt number), one entry per id, so a key is never
 * duplicated. A later failure never hides an earlier success; a later success replaces an earlier failure, and
 * between two failures the latest (its error is the current one) is kept.
 */
export function mergeAttempts<T>(attempts: Iterable<Iterable<AttemptRow<T>>>): Map<RequestId, BestRow<T>> {
  const best = new Map<RequestId, BestRow<T>>();
  let attempt = 0;
  for (const rows of attempts) {
    for (const row of rows) {
      const candidate = { ...row, attempt };
      if (isBetter(candidate, best.get(row.id))) {
        best.set(row.id, candidate);
      }
    }
    attempt++;
  }
  return best;
}
