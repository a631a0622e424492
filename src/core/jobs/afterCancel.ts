import type { BatchKind } from '../batchKind';
import { isTerminal, type BatchJob, type BatchProvider, type JobState } from '../providers/types';

/** Where the cancelled job's new state goes: the jobs model (and the log for a failed read). */
export interface CancelSink {
  upsert(job: BatchJob): void;
  pollSoon(): void;
  warn(text: string): void;
}

/**
 * The state a job had ended in when Cancel reached it, or undefined when the cancel has something to stop. Before the
 * call, any end counts (the model already knows it); read back after it, `cancelled` is the cancel's own doing, any
 * other end means the job finished before the cancel arrived (the user clicked on a row not yet polled).
 */
export function endedBeforeCancel(state: JobState | undefined, readBack: boolean): JobState | undefined {
  if (state === undefined || !isTerminal(state)) {
    return undefined;
  }
  return readBack && state === 'cancelled' ? undefined : state;
}

/**
 * After a cancel the service accepted: shows the job's new state at once and resolves to it. When reading it back
 * fails (a 429, a network blip) the cancel still worked, so that is no error for the user: it is logged, the poller,
 * kicked, picks the new state up on its next tick, and this resolves to undefined.
 */
export async function showCancelled(
  provider: Pick<BatchProvider, 'getJob'>,
  name: string,
  kind: BatchKind | undefined,
  sink: CancelSink,
): Promise<BatchJob | undefined> {
  try {
    const job = await provider.getJob(name, undefined, { kind });
    sink.upsert(job);
    return job;
  } catch (error) {
    sink.warn(
      `[jobs] cancelled ${name}, but reading its new state failed (the next poll will): ${error instanceof Error ? error.message : String(error)}`,
    );
    sink.pollSoon();
    return undefined;
  }
}
