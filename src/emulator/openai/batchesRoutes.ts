import type { Call, EmulatorContext } from '../http/context';
import { pageSizeOf } from '../http/context';
import { findFile } from '../gemini/filesRoutes';
import { openaiMetadata } from '../http/bodyFields';
import { HttpError, readJsonBody, sendJson } from '../http/httpUtil';
import { runWindow } from '../jobs/jobRunner';
import { rehearsalOf } from '../jobs/rehearsal';
import { scanOpenAIFile } from '../jobs/jobScan';
import { OPENAI_BATCH_ENDPOINTS, isOpenAIBatchEndpoint } from '../../core/openaiEndpoints';
import { newId } from '../store';
import type { JobApi, JobRecord } from '../contract';

type Obj = Record<string, unknown>;

/** `batch_<id>` under /v1/; `batches/<id>` under /v1beta/openai/ (a Gemini batch seen through the compat layer). */
export function openaiBatchId(job: JobRecord): string {
  return job.api === 'openai' ? `batch_${job.id}` : `batches/${job.id}`;
}

/** The id of a stored file as each API names it: `file-…` (OpenAI) or `files/…` (compat). */
function fileRef(job: JobRecord, id: string | undefined): string | null {
  if (id === undefined) {
    return null;
  }
  return job.api === 'openai' ? id : `files/${id}`;
}

const sec = (ms: number | undefined): number | null => (ms === undefined ? null : Math.floor(ms / 1000));

/** The OpenAI `Batch` object for a job at time `now`. */
export function openaiBatch(ctx: EmulatorContext, job: JobRecord): Obj {
  const now = ctx.now();
  const p = ctx.engine.progress(job);
  const { start } = runWindow(job);
  const f = job.final;
  let status: string;
  const times: Record<string, number | null> = {
    in_progress_at: null,
    finalizing_at: null,
    completed_at: null,
    failed_at: null,
    expired_at: null,
    cancelling_at: null,
    cancelled_at: null,
  };
  if (job.validationErrors) {
    status = now < start ? 'validating' : 'failed';
    times.failed_at = status === 'failed' ? sec(start) : null;
  } else if (!f) {
    const running = now >= start || ctx.engine.isRunning(job);
    if (running) {
      status = p.processed >= job.total ? 'finalizing' : 'in_progress';
    } else {
      status = 'validating';
    }
    times.in_progress_at = running ? sec(start) : null;
  } else {
    times.in_progress_at = sec(start);
    if (f.state === 'SUCCEEDED') {
      status = 'completed';
      times.finalizing_at = sec(f.endMs);
      times.completed_at = sec(f.endMs);
    } else if (f.state === 'CANCELLED') {
      status = now < f.endMs ? 'cancelling' : 'cancelled';
      times.cancelling_at = sec(job.cancelMs ?? f.endMs);
      times.cancelled_at = status === 'cancelled' ? sec(f.endMs) : null;
    } else if (f.state === 'EXPIRED') {
      status = 'expired';
      times.expired_at = sec(f.endMs);
    } else {
      status = 'failed';
      times.failed_at = sec(f.endMs);
    }
  }
  const visible = status !== 'cancelling';
  return {
    id: openaiBatchId(job),
    object: 'batch',
    endpoint: job.endpoint,
    model: job.model,
    errors: job.validationErrors && now >= start ? { object: 'list', data: job.validationErrors } : null,
    input_file_id: job.inputFile,
    completion_window: job.completionWindow ?? '24h',
    status,
    output_file_id: visible ? fileRef(job, f?.outputFile) : null,
    error_file_id: visible ? fileRef(job, f?.errorFile) : null,
    created_at: sec(job.createMs),
    expires_at: sec(job.createMs + job.expiryMs),
    ...times,
    request_counts: { total: job.validationErrors ? 0 : job.total, completed: p.succeeded, failed: p.failed },
    usage: {
      input_tokens: f?.usage?.input ?? 0,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: f?.usage?.output ?? 0,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: (f?.usage?.input ?? 0) + (f?.usage?.output ?? 0),
    },
    metadata: job.metadata ?? null,
  };
}

export function findOpenAIJob(ctx: EmulatorContext, api: JobApi, raw: string): JobRecord {
  const id = api === 'openai' ? raw.replace(/^batch_/, '') : raw.replace(/^batches\//, '');
  const job = ctx.store.jobs.get(id);
  if (!job || job.api !== api) {
    throw new HttpError(404, `No batch found with id '${raw}'.`, {}, { code: 'batch_not_found' });
  }
  return job;
}

/** `POST /batches`: validation happens now, but its verdict shows after the `validating` phase, as on OpenAI. */
export async function createOpenAIBatch(ctx: EmulatorContext, call: Call, api: JobApi): Promise<void> {
  const body = await readJsonBody(call.req);
  const endpoint = body.endpoint;
  if (typeof body.input_file_id !== 'string' || body.input_file_id === '') {
    throw new HttpError(
      400,
      "Missing required parameter: 'input_file_id'.",
      {},
      { code: 'missing_required_parameter', param: 'input_file_id' },
    );
  }
  if (!isOpenAIBatchEndpoint(endpoint)) {
    throw new HttpError(
      400,
      `Invalid value for 'endpoint': ${JSON.stringify(endpoint)}. Supported: ${OPENAI_BATCH_ENDPOINTS.join(', ')}.`,
      {},
      { code: 'invalid_value', param: 'endpoint' },
    );
  }
  if (body.completion_window !== '24h') {
    throw new HttpError(
      400,
      "Invalid value for 'completion_window': only '24h' is supported.",
      {},
      { code: 'invalid_value', param: 'completion_window' },
    );
  }
  const metadata = openaiMetadata(body.metadata);
  // A compat batch is a Gemini batch: it counts against the cap on active jobs.
  const release = api === 'openai' ? (): void => undefined : ctx.slots.take();
  try {
    const file = await findFile(
      ctx,
      api === 'openai' ? body.input_file_id : body.input_file_id.replace(/^files\//, ''),
    );
    if (api === 'openai' && file.purpose !== 'batch') {
      throw new HttpError(
        400,
        `File ${file.id} has purpose '${file.purpose ?? ''}'; a batch input file must have purpose 'batch'.`,
        {},
        { code: 'invalid_value', param: 'input_file_id' },
      );
    }
    const inputPath = ctx.store.dataPath(file.id);
    const scan = await scanOpenAIFile(inputPath, endpoint);
    const id = newId(12);
    const job: JobRecord = {
      id,
      api,
      kind: 'openai',
      model: scan.model ?? '',
      displayName: `batch-${id}`,
      inputFile: api === 'openai' ? file.id : `files/${file.id}`,
      inline: false,
      endpoint,
      completionWindow: '24h',
      metadata,
      total: scan.total,
      createMs: ctx.now(),
      jobMs: ctx.jobMs,
      expiryMs: api === 'openai' ? ctx.openaiExpiryMs : ctx.expiryMs,
      seq: ctx.store.nextSeq(),
    };
    const rehearsal = rehearsalOf(ctx.faults.current);
    if (rehearsal) {
      job.rehearsal = rehearsal;
    }
    if (scan.errors.length > 0) {
      job.validationErrors = scan.errors;
      job.final = { state: 'FAILED', endMs: runWindow(job).start, succeeded: 0, failed: 0 };
    }
    await ctx.engine.create(job, scan.errors.length > 0 ? undefined : inputPath);
    if (ctx.faults.ambiguousCreate) {
      throw new HttpError(500, 'The server had an error while processing your request.');
    }
    sendJson(call.res, 200, openaiBatch(ctx, job));
  } finally {
    release();
  }
}

/** `GET /batches?after=&limit=`: newest first, cursor pagination. */
export function listOpenAIBatches(ctx: EmulatorContext, call: Call, api: JobApi): void {
  const limit = pageSizeOf(call.url.searchParams.get('limit'), 20, 100);
  const after = call.url.searchParams.get('after');
  // Each surface lists its own batches: native Gemini jobs have no OpenAI endpoint to show.
  let all = ctx.store.listJobs().filter((j) => j.api === api);
  if (after) {
    const at = all.findIndex((j) => openaiBatchId(j) === after);
    all = at < 0 ? [] : all.slice(at + 1);
  }
  const data = all.slice(0, limit).map((j) => openaiBatch(ctx, j));
  sendJson(call.res, 200, {
    object: 'list',
    data,
    first_id: data.length > 0 ? data[0].id : null,
    last_id: data.length > 0 ? data[data.length - 1].id : null,
    has_more: all.length > limit,
  });
}

export async function cancelOpenAIBatch(ctx: EmulatorContext, call: Call, api: JobApi, raw: string): Promise<void> {
  const job = findOpenAIJob(ctx, api, raw);
  if (job.final && job.final.state !== 'CANCELLED') {
    throw new HttpError(409, `Cannot cancel a batch with status '${String(openaiBatch(ctx, job).status)}'.`);
  }
  await ctx.engine.cancel(job);
  sendJson(call.res, 200, openaiBatch(ctx, job));
}
