import { BatchApiError } from './types';

/** Waits `ms`, or rejects with a `cancelled` BatchApiError as soon as `signal` aborts. */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new BatchApiError('cancelled', 'Cancelled.'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new BatchApiError('cancelled', 'Cancelled.'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Throws a `cancelled` BatchApiError when `signal` has already aborted. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) {
    throw new BatchApiError('cancelled', 'Cancelled.');
  }
}
