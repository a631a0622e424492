import { promises as fsp } from 'node:fs';
import type { Call, EmulatorContext } from '../http/context';
import { pageSizeOf } from '../http/context';
import { downloadFile, findFile } from '../gemini/filesRoutes';
import { openaiFile, sha256File } from '../http/fileViews';
import { HttpError, sendJson } from '../http/httpUtil';
import { parseMultipart } from './multipart';
import { newId } from '../store';
import type { StoredFile } from '../contract';

const FILE_LIFETIME_MS = 30 * 24 * 3600 * 1000;
const PURPOSES = ['batch', 'fine-tune', 'assistants', 'user_data', 'evals', 'vision'];

/** OpenAI-style files are the ones with `file-` ids; Gemini files are not visible under /v1/files. */
async function findOpenAIFile(ctx: EmulatorContext, id: string): Promise<StoredFile> {
  if (!id.startsWith('file-')) {
    throw new HttpError(404, `No such File object: ${id}`, {}, { code: 'file_not_found', param: 'id' });
  }
  return findFile(ctx, id);
}

/**
 * `POST /v1/files` (multipart: `file`, `purpose`): streamed to disk, at most 512 MB (openai-openapi.yaml, createFile:
 * "Individual files can be up to 512 MB"); the temp file goes whatever happens.
 */
export async function createOpenAIFile(ctx: EmulatorContext, call: Call): Promise<void> {
  const tmp = ctx.store.tmpPath('multipart');
  try {
    const form = await parseMultipart(call.req, tmp, ctx.limits.openaiFileBytes);
    const purpose = form.fields.purpose;
    if (!purpose || !PURPOSES.includes(purpose)) {
      throw new HttpError(
        400,
        `Invalid value for 'purpose': ${JSON.stringify(purpose ?? null)}.`,
        {},
        { code: 'invalid_value', param: 'purpose' },
      );
    }
    if (!form.file) {
      throw new HttpError(
        400,
        "Missing required parameter: 'file'.",
        {},
        { code: 'missing_required_parameter', param: 'file' },
      );
    }
    if (purpose === 'batch' && form.file.size > ctx.limits.openaiBatchFileBytes) {
      // openai-openapi.yaml, createFile: "The Batch API only supports .jsonl files up to 200 MB in size".
      throw new HttpError(
        413,
        `A batch input file may be at most ${ctx.limits.openaiBatchFileBytes} bytes (200 MB); this one has ${form.file.size}.`,
        {},
        { code: 'file_too_large', param: 'file' },
      );
    }
    const id = `file-${newId(12)}`;
    const now = ctx.now();
    const stored: StoredFile = {
      id,
      filename: form.file.filename,
      displayName: form.file.filename,
      mimeType: form.file.contentType ?? 'application/octet-stream',
      sizeBytes: form.file.size,
      createMs: now,
      expireMs: now + FILE_LIFETIME_MS,
      sha256: await sha256File(tmp),
      source: 'UPLOADED',
      purpose,
      seq: ctx.store.nextSeq(),
    };
    await fsp.rename(tmp, ctx.store.dataPath(id));
    await ctx.store.putFile(stored);
    sendJson(call.res, 200, openaiFile(stored));
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}

export async function getOpenAIFile(ctx: EmulatorContext, call: Call, id: string): Promise<void> {
  sendJson(call.res, 200, openaiFile(await findOpenAIFile(ctx, id)));
}

export async function openAIFileContent(ctx: EmulatorContext, call: Call, id: string): Promise<void> {
  await downloadFile(ctx, call, (await findOpenAIFile(ctx, id)).id);
}

export async function deleteOpenAIFile(ctx: EmulatorContext, call: Call, id: string): Promise<void> {
  const f = await findOpenAIFile(ctx, id);
  await ctx.store.deleteFile(f.id);
  sendJson(call.res, 200, { id: f.id, object: 'file', deleted: true });
}

/**
 * `GET /v1/files?purpose=&limit=&after=&order=`: newest first unless `order=asc`; `after` is the last id of the
 * previous page (an unknown id gives an empty page).
 */
export function listOpenAIFiles(ctx: EmulatorContext, call: Call): void {
  const params = call.url.searchParams;
  const limit = pageSizeOf(params.get('limit'), 10000, 10000);
  const purpose = params.get('purpose');
  const order = params.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    throw new HttpError(
      400,
      `Invalid value for 'order': ${JSON.stringify(order)}.`,
      {},
      { code: 'invalid_value', param: 'order' },
    );
  }
  const after = params.get('after');
  const now = ctx.now();
  let all = ctx.store
    .listFiles()
    .filter((f) => f.id.startsWith('file-') && f.expireMs >= now && (!purpose || f.purpose === purpose));
  if (order === 'asc') {
    all.reverse();
  }
  if (after) {
    const at = all.findIndex((f) => f.id === after);
    all = at < 0 ? [] : all.slice(at + 1);
  }
  const data = all.slice(0, limit).map(openaiFile);
  sendJson(call.res, 200, {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: all.length > limit,
  });
}
