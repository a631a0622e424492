import { promises as fsp } from 'node:fs';
import type { Call, EmulatorContext } from '../http/context';
import { pageSizeOf, pageToken, seqFromToken } from '../http/context';
import { findFile } from './filesRoutes';
import { geminiOperation } from './operationView';
import { optInt64, optObject, optString } from '../http/bodyFields';
import { HttpError, readJsonBody, sendJson } from '../http/httpUtil';
import type { GeminiLineKind } from '../jobs/lineCheck';
import { checkLineSafely, scanGeminiFile } from '../jobs/jobScan';
import { TimeSlice } from '../jobs/timeSlice';
import { isEmbeddingModel, isKnownGeminiModel } from '../model/emulatedModels';
import { newId } from '../store';
import { checkWebhookUri } from './webhooks';
import { rehearsalOf } from '../jobs/rehearsal';
import type { JobRecord } from '../contract';

type Obj = Record<string, unknown>;

export async function operationOf(ctx: EmulatorContext, job: JobRecord): Promise<Obj> {
  return geminiOperation(job, ctx.engine.progress(job), ctx.now(), ctx.engine.isRunning(job), (id) =>
    ctx.store.dataPath(id),
  );
}

/** Gemini sees its own jobs and OpenAI-compat ones (they are Gemini batches), not OpenAI `/v1/` ones. */
export function findGeminiJob(ctx: EmulatorContext, idOrName: string): JobRecord {
  const id = idOrName.replace(/^batches\//, '');
  const job = ctx.store.jobs.get(id);
  if (!job || job.api === 'openai') {
    throw new HttpError(404, `Batch batches/${id} not found.`, {}, { code: 'batch_not_found' });
  }
  return job;
}

/** Writes inline requests as the job's input JSONL (`{request, metadata}` per line), after the parse check. */
async function writeInline(ctx: EmulatorContext, id: string, kind: GeminiLineKind, requests: unknown[]): Promise<void> {
  const lines: string[] = [];
  const slice = new TimeSlice();
  for (const [i, item] of requests.entries()) {
    const text = JSON.stringify(item);
    const isObj = typeof item === 'object' && item !== null && !Array.isArray(item);
    // Only the request is a proto message to parse; `metadata` is a free Struct.
    const problem = isObj
      ? checkLineSafely(kind, JSON.stringify({ key: `inline-${i}`, request: (item as Obj).request }))
      : "unexpected character; expected '{'";
    if (problem !== undefined) {
      throw new HttpError(
        400,
        `Invalid JSON payload received at 'batch.input_config.requests.requests[${i}]': ${problem}`,
      );
    }
    lines.push(text);
    await slice.tick();
  }
  const target = ctx.store.jobInputPath(id);
  const tmp = ctx.store.tmpPath(`${id}-inline`);
  await fsp.writeFile(tmp, lines.join('\n') + '\n');
  await fsp.rename(tmp, target);
}

/**
 * `batch.webhookConfig: {uris, userMetadata}` (@google/genai `WebhookConfig`, sent as `batch.webhookConfig`; reference
 * batch-api.md §6): checked at create, so a URI the emulator will not call is a 400 now, not a silent miss later.
 */
function webhookConfigOf(ctx: EmulatorContext, config: Obj | undefined): JobRecord['webhook'] {
  if (config === undefined) {
    return undefined;
  }
  const uris = config.uris;
  if (uris !== undefined && !Array.isArray(uris)) {
    throw new HttpError(400, '* batch.webhook_config.uris: must be a list of URIs');
  }
  const checked = (uris ?? []).map((u, i) => checkWebhookUri(ctx, u, `batch.webhook_config.uris[${i}]`));
  const meta = config.userMetadata ?? config.user_metadata;
  if (meta !== undefined && (typeof meta !== 'object' || meta === null || Array.isArray(meta))) {
    throw new HttpError(400, '* batch.webhook_config.user_metadata: must be an object');
  }
  return { uris: checked, ...(meta !== undefined ? { userMetadata: meta as Obj } : {}) };
}

/** `POST /{v}/models/{m}:batchGenerateContent` and `:asyncBatchEmbedContent`. */
export async function createBatch(
  ctx: EmulatorContext,
  call: Call,
  version: string,
  model: string,
  method: string,
): Promise<void> {
  const body = await readJsonBody(call.req);
  const modelId = model.replace(/^models\//, '');
  if (!isKnownGeminiModel(modelId)) {
    throw new HttpError(
      404,
      `models/${modelId} is not found for API version ${version}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
    );
  }
  const embed = method === 'asyncBatchEmbedContent';
  if (embed !== isEmbeddingModel(modelId)) {
    throw new HttpError(400, `models/${modelId} does not support ${method}.`);
  }
  const batch = optObject(body, ['batch'], '');
  if (batch === undefined) {
    throw new HttpError(400, '* BatchGenerateContentRequest.batch: batch is required');
  }
  const input = optObject(batch, ['inputConfig', 'input_config'], 'batch.');
  const fileName = input && optString(input, ['fileName', 'file_name'], 'batch.input_config.');
  const requests = input && optObject(input, ['requests'], 'batch.input_config.');
  const inline = requests?.requests;
  if ((fileName === undefined) === (inline === undefined)) {
    throw new HttpError(400, '* batch.input_config: exactly one of file_name or requests must be set');
  }
  const displayName = optString(batch, ['displayName', 'display_name'], 'batch.');
  const priority = optInt64(batch, ['priority'], 'batch.');
  const webhook = webhookConfigOf(ctx, optObject(batch, ['webhookConfig', 'webhook_config'], 'batch.'));
  const rehearsal = rehearsalOf(ctx.faults.current);
  const release = ctx.slots.take();
  try {
    const kind: GeminiLineKind = embed ? 'gemini-embed' : 'gemini-generate';
    const id = newId(12);
    let total: number;
    let inputPath: string | undefined;
    if (fileName !== undefined) {
      const file = await findFile(ctx, fileName);
      inputPath = ctx.store.dataPath(file.id);
      const scan = await scanGeminiFile(inputPath, kind);
      if (scan.errors.length > 0) {
        throw new HttpError(400, scan.errors.join('\n'));
      }
      if (scan.total === 0) {
        throw new HttpError(400, `The input file files/${file.id} contains no requests.`);
      }
      total = scan.total;
    } else {
      if (!Array.isArray(inline) || inline.length === 0) {
        throw new HttpError(400, '* batch.input_config.requests.requests: requests must not be empty');
      }
      await writeInline(ctx, id, kind, inline);
      total = inline.length;
    }
    const now = ctx.now();
    const job: JobRecord = {
      id,
      api: 'gemini',
      kind: embed ? 'embed' : 'generate',
      model: `models/${modelId}`,
      displayName: displayName ?? `batch-${id}`,
      inputFile: fileName !== undefined ? `files/${fileName.replace(/^files\//, '')}` : undefined,
      inline: fileName === undefined,
      priority,
      ...(webhook ? { webhook } : {}),
      ...(rehearsal ? { rehearsal } : {}),
      total,
      createMs: now,
      jobMs: ctx.jobMs,
      expiryMs: ctx.expiryMs,
      seq: ctx.store.nextSeq(),
    };
    await ctx.engine.create(job, inputPath);
    if (ctx.faults.ambiguousCreate) {
      throw new HttpError(500, 'Internal error encountered.');
    }
    sendJson(call.res, 200, await operationOf(ctx, job));
  } finally {
    release();
  }
}

export async function getBatch(ctx: EmulatorContext, call: Call, id: string): Promise<void> {
  sendJson(call.res, 200, await operationOf(ctx, findGeminiJob(ctx, id)));
}

export async function cancelBatch(ctx: EmulatorContext, call: Call, id: string): Promise<void> {
  await ctx.engine.cancel(findGeminiJob(ctx, id));
  sendJson(call.res, 200, {});
}

export async function deleteBatch(ctx: EmulatorContext, call: Call, id: string): Promise<void> {
  await ctx.engine.remove(findGeminiJob(ctx, id));
  sendJson(call.res, 200, {});
}

/** `GET /{v}/batches?pageSize=&pageToken=`: newest first. */
export async function listBatches(ctx: EmulatorContext, call: Call): Promise<void> {
  const size = pageSizeOf(call.url.searchParams.get('pageSize'), 10, 1000);
  const after = seqFromToken(call.url.searchParams.get('pageToken'));
  if (Number.isNaN(after)) {
    throw new HttpError(400, 'Invalid page token.');
  }
  const all = ctx.store.listJobs().filter((j) => j.api !== 'openai' && j.seq < after);
  const page = all.slice(0, size);
  const body: Obj = {};
  if (page.length > 0) {
    body.operations = await Promise.all(page.map((j) => operationOf(ctx, j)));
  }
  if (all.length > size) {
    body.nextPageToken = pageToken(page[page.length - 1].seq);
  }
  sendJson(call.res, 200, body);
}
