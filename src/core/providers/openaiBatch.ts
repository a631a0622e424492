import type { Batch } from 'openai/resources/batches';
import type { BatchJob, JobErrorDetail, JobState, ProviderId } from './types';

const STATES: Record<string, JobState> = {
  validating: 'pending',
  in_progress: 'running',
  finalizing: 'running',
  completed: 'succeeded',
  failed: 'failed',
  expired: 'expired',
  cancelling: 'cancelling',
  cancelled: 'cancelled',
};

/** The metadata key that carries the user's display name (OpenAI batches have no display name of their own). */
export const DISPLAY_NAME_METADATA = 'display_name';

function iso(seconds: number | null | undefined): string | undefined {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined;
}

/** The validation errors kept per batch: enough to fix a file, without carrying thousands through every poll. */
const MAX_ERRORS = 20;

/** Maps an OpenAI (or OpenAI-compatible) Batch object to our BatchJob. */
export function mapOpenAIBatch(batch: Batch, provider: ProviderId): BatchJob {
  const counts = batch.request_counts;
  const total = counts && counts.total > 0 ? counts.total : undefined;
  const job: BatchJob = {
    name: batch.id,
    provider,
    displayName: batch.metadata?.[DISPLAY_NAME_METADATA] ?? undefined,
    model: batch.model ?? undefined,
    kind: 'openai',
    state: STATES[batch.status] ?? 'unknown',
    rawState: batch.status,
    createTime: iso(batch.created_at),
    updateTime: iso(batch.finalizing_at ?? batch.in_progress_at),
    endTime: iso(batch.completed_at ?? batch.failed_at ?? batch.expired_at ?? batch.cancelled_at),
    progress: counts
      ? {
          total,
          succeeded: counts.completed,
          failed: counts.failed,
          pending: total === undefined ? undefined : Math.max(0, total - counts.completed - counts.failed),
        }
      : {},
    inputFile: batch.input_file_id || undefined,
    resultsFile: batch.output_file_id ?? undefined,
    errorFile: batch.error_file_id ?? undefined,
  };
  const errors = batch.errors?.data ?? [];
  if (errors.length > 0) {
    const details = errors.slice(0, MAX_ERRORS).map((e): JobErrorDetail => ({
      message: e.message || e.code || '',
      code: e.code || undefined,
      line: typeof e.line === 'number' ? e.line : undefined,
    }));
    const lines = details.map((d) => (d.line !== undefined ? `line ${d.line}: ${d.message}` : d.message));
    const omitted = errors.length - details.length;
    if (omitted > 0) {
      lines.push(`… ${omitted} more`);
    }
    job.error = { code: errors[0].code, message: lines.join('\n'), details, ...(omitted > 0 ? { omitted } : {}) };
  }
  return job;
}
