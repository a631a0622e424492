import type { BatchKind } from '../batchKind';
import type { BatchJob, JobState, ProviderId } from './types';

/** The REST Operation as Gemini returns it for a batch (only the fields we read). */
export interface GeminiOperation {
  name?: string;
  done?: boolean;
  metadata?: {
    '@type'?: string;
    model?: string;
    displayName?: string;
    state?: string;
    createTime?: string;
    updateTime?: string;
    endTime?: string;
    batchStats?: Record<string, string | number | undefined>;
    inputConfig?: { fileName?: string; file_name?: string; requests?: unknown };
    output?: GeminiOutput;
  };
  response?: GeminiOutput;
  error?: { code?: number; message?: string };
}

export interface GeminiOutput {
  responsesFile?: string;
  inlinedResponses?: { inlinedResponses?: unknown[] };
  inlinedEmbedContentResponses?: { inlinedResponses?: unknown[] };
}

const STATES: Record<string, JobState> = {
  BATCH_STATE_PENDING: 'pending',
  BATCH_STATE_RUNNING: 'running',
  BATCH_STATE_SUCCEEDED: 'succeeded',
  BATCH_STATE_FAILED: 'failed',
  BATCH_STATE_CANCELLED: 'cancelled',
  BATCH_STATE_EXPIRED: 'expired',
  JOB_STATE_PENDING: 'pending',
  JOB_STATE_QUEUED: 'pending',
  JOB_STATE_RUNNING: 'running',
  JOB_STATE_SUCCEEDED: 'succeeded',
  // In the SDK's JobState enum (node_modules/@google/genai/dist/genai.d.ts); results exist for the requests that ran.
  JOB_STATE_PARTIALLY_SUCCEEDED: 'partially_succeeded',
  JOB_STATE_FAILED: 'failed',
  JOB_STATE_CANCELLING: 'cancelling',
  JOB_STATE_CANCELLED: 'cancelled',
  JOB_STATE_EXPIRED: 'expired',
};

export function geminiState(raw: string | undefined): JobState {
  return (raw && STATES[raw]) || 'unknown';
}

/** int64-as-string counts; absent means zero once the stats object exists. */
function count(stats: Record<string, string | number | undefined>, field: string): number | undefined {
  const value = stats[field];
  if (value === undefined) {
    return undefined;
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function hasInline(output: GeminiOutput | undefined): boolean {
  return !!output && (output.inlinedResponses !== undefined || output.inlinedEmbedContentResponses !== undefined);
}

function kindOf(op: GeminiOperation): BatchKind | undefined {
  const type = op.metadata?.['@type'] ?? '';
  if (type.endsWith('EmbedContentBatch')) {
    return 'gemini-embed';
  }
  if (type.endsWith('GenerateContentBatch')) {
    return 'gemini-generate';
  }
  return undefined;
}

/** Maps a raw Operation to our BatchJob, keeping what the SDK drops (batchStats, error, input file). */
export function mapGeminiOperation(op: GeminiOperation, provider: ProviderId): BatchJob {
  const meta = op.metadata ?? {};
  const stats = meta.batchStats;
  const output = meta.output ?? op.response;
  const total = stats ? count(stats, 'requestCount') : undefined;
  const job: BatchJob = {
    name: op.name ?? (meta as { name?: string }).name ?? '',
    provider,
    displayName: meta.displayName,
    model: meta.model?.replace(/^models\//, ''),
    kind: kindOf(op),
    state: geminiState(meta.state),
    rawState: meta.state ?? '',
    createTime: meta.createTime,
    updateTime: meta.updateTime,
    endTime: meta.endTime,
    progress: stats
      ? {
          total,
          succeeded: count(stats, 'successfulRequestCount') ?? 0,
          failed: count(stats, 'failedRequestCount') ?? 0,
          pending: count(stats, 'pendingRequestCount') ?? 0,
        }
      : {},
    inputFile: meta.inputConfig?.fileName ?? meta.inputConfig?.file_name,
    resultsFile: output?.responsesFile ?? (hasInline(output) ? 'inline' : undefined),
  };
  if (op.error && (op.error.code !== undefined || op.error.message)) {
    job.error = { code: op.error.code, message: op.error.message };
  }
  return job;
}
