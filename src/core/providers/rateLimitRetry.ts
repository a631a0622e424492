import { abortableDelay } from './abortableDelay';
import { BatchApiError } from './types';

export interface RateLimitRetryOptions {
  signal?: AbortSignal;
  /** Total attempts (default 3). */
  maxAttempts?: number;
  /**
   * The longest Retry-After worth waiting out (default 60 s): past it the 429 is thrown at once, its message telling
   * the user when to try again, rather than holding a submit for minutes.
   */
  maxWaitMs?: number;
  /** Resolves after `ms` (or rejects when `signal` aborts). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** For the log: each wait before a retry. */
  onRetryAfter?: (ms: number, attempt: number) => void;
}

/**
 * Waits out a 429 (its Retry-After, else 2 s × attempt) when attempts remain: true when the caller should try again.
 * Only for calls where a 429 means the server refused before doing anything (see each caller for its evidence).
 */
export async function waitOutRateLimit(
  error: BatchApiError,
  attempt: number,
  options: RateLimitRetryOptions,
): Promise<boolean> {
  if (error.kind !== 'rateLimit' || attempt >= (options.maxAttempts ?? 3)) {
    return false;
  }
  const ms = error.retryAfterMs ?? 2000 * attempt;
  if (ms > (options.maxWaitMs ?? 60_000)) {
    return false;
  }
  options.onRetryAfter?.(ms, attempt);
  // Rejects at once on an already-aborted signal and removes its abort listener when the wait ends.
  await (options.sleep ?? abortableDelay)(ms, options.signal);
  return true;
}

/** Runs `call`, retrying it after each 429 as waitOutRateLimit allows; any other error is thrown at once. */
export async function withRateLimitRetry<T>(call: () => Promise<T>, options: RateLimitRetryOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof BatchApiError) || !(await waitOutRateLimit(err, attempt, options))) {
        throw err;
      }
    }
  }
}
