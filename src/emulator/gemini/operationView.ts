import { readRequestLines } from '../jobs/jobInput';
import { isoTime } from '../http/httpUtil';
import { runWindow } from '../jobs/jobRunner';
import type { Progress } from '../jobs/jobEngine';
import type { JobRecord } from '../contract';

const TYPE_PREFIX = 'type.googleapis.com/google.ai.generativelanguage.v1main.';

/** Gemini's `BATCH_STATE_*` for a job at a given time. */
export function geminiState(job: JobRecord, now: number, running: boolean): string {
  if (job.final) {
    return `BATCH_STATE_${job.final.state}`;
  }
  return running || now >= runWindow(job).start ? 'BATCH_STATE_RUNNING' : 'BATCH_STATE_PENDING';
}

/** batchStats with int64-as-string counts; zero counts are left out, as proto3 JSON does. */
function batchStats(job: JobRecord, p: Progress): Record<string, string> {
  const pending = job.final?.state === 'SUCCEEDED' ? 0 : job.total - p.processed;
  const out: Record<string, string> = {};
  const put = (k: string, v: number): void => {
    if (v > 0) {
      out[k] = String(v);
    }
  };
  put('requestCount', job.total);
  put('successfulRequestCount', p.succeeded);
  put('failedRequestCount', p.failed);
  put('pendingRequestCount', pending);
  return out;
}

/** Reads an inline job's results back into `inlinedResponses` (inline jobs are < 20 MB by contract). */
async function inlinedResponses(resultsPath: string): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const { text } of readRequestLines(resultsPath)) {
    items.push(JSON.parse(text));
  }
  return items;
}

/** The long-running Operation for a Gemini (or OpenAI-compat) job, exactly as the REST API shapes it. */
export async function geminiOperation(
  job: JobRecord,
  p: Progress,
  now: number,
  running: boolean,
  resultsPath: (id: string) => string,
): Promise<Record<string, unknown>> {
  const embed = job.kind === 'embed';
  const name = `batches/${job.id}`;
  const state = geminiState(job, now, running);
  const metadata: Record<string, unknown> = {
    '@type': `${TYPE_PREFIX}${embed ? 'EmbedContentBatch' : 'GenerateContentBatch'}`,
    model: job.model,
    displayName: job.displayName,
  };
  if (!job.inline && job.inputFile) {
    metadata.inputConfig = { fileName: job.inputFile };
  }
  const start = runWindow(job).start;
  metadata.createTime = isoTime(job.createMs);
  // Last changed when it ended; before that, when it started running (or was created, while pending).
  const changedMs = now >= start ? start : job.createMs;
  metadata.updateTime = isoTime(job.final ? job.final.endMs : changedMs);
  if (job.final) {
    metadata.endTime = isoTime(job.final.endMs);
  }
  metadata.batchStats = batchStats(job, p);
  metadata.state = state;
  metadata.name = name;
  if (job.priority !== undefined && job.priority !== '0') {
    metadata.priority = job.priority;
  }
  const op: Record<string, unknown> = { name, metadata };
  if (!job.final) {
    return op;
  }
  let output: Record<string, unknown> | undefined;
  if (job.final.outputFile) {
    output = job.inline
      ? { inlinedResponses: { inlinedResponses: await inlinedResponses(resultsPath(job.final.outputFile)) } }
      : { responsesFile: `files/${job.final.outputFile}` };
    metadata.output = output;
  }
  op.done = true;
  if (job.final.state === 'SUCCEEDED') {
    op.response = {
      '@type': `${TYPE_PREFIX}${embed ? 'EmbedContentBatchOutput' : 'GenerateContentBatchOutput'}`,
      ...output,
    };
  } else if (job.final.state === 'CANCELLED') {
    op.error = { code: 1, message: 'The batch was cancelled.' };
  } else if (job.final.state === 'EXPIRED') {
    op.error = {
      code: 4,
      message: 'The batch expired before it finished: it was pending or running for longer than the 48 h limit.',
    };
  } else {
    op.error = { code: 13, message: job.final.error ?? 'The batch failed.' };
  }
  return op;
}
