import type { BatchKind } from '../batchKind';
import type { BatchJob, BatchProvider } from '../providers/types';

/** Where the cancelled job's new state goes: the jobs model (and the log for a failed read). */
export interface CancelSink {
  upsert(job: BatchJob): void;
  pollSoon(): void;
  warn(text: string): void;
}

/**
 * After a cancel the service accepted: shows the job's new state at once. When reading it back fails (a 429, a
 * network blip) the cancel still worked, so that is no error for the user: it is logged and the poller, kicked, picks
 * the new state up on its next tick.
 */
export async function showCancelled(
  provider: Pick<BatchProvider, 'getJob'>,
  name: string,
  kind: BatchKind | undefined,
  sink: CancelSink,
): Promise<void> {
  try {
    sink.upsert(await provider.getJob(name, undefined, { kind }));
  } catch (error) {
    sink.warn(
      `[jobs] cancelled ${name}, but reading its new state failed (the next poll will): ${error instanceof Error ? error.message : String(error)}`,
    );
    sink.pollSoon();
  }
}
