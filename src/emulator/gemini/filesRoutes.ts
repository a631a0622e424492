import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { EmulatorContext, Call } from '../http/context';
import { pageSizeOf, pageToken, seqFromToken } from '../http/context';
import { HttpError, sendJson } from '../http/httpUtil';
import { attachmentOf, contentTypeOf, geminiFile } from '../http/fileViews';
import type { StoredFile } from '../contract';

/** Looks a file up by bare id or `files/<id>`, dropping it once its 48 h lifetime is over. */
export async function findFile(ctx: EmulatorContext, idOrName: string): Promise<StoredFile> {
  const id = idOrName.replace(/^files\//, '');
  const f = ctx.store.files.get(id);
  if (!f) {
    throw new HttpError(404, `File files/${id} not found.`, {}, { code: 'file_not_found' });
  }
  if (ctx.now() > f.expireMs) {
    await ctx.store.deleteFile(id);
    throw new HttpError(404, `File files/${id} has expired.`, {}, { code: 'file_not_found' });
  }
  return f;
}

export async function getFile(ctx: EmulatorContext, call: Call, version: string, id: string): Promise<void> {
  sendJson(call.res, 200, geminiFile(await findFile(ctx, id), call.origin, version));
}

export async function deleteFile(ctx: EmulatorContext, call: Call, id: string): Promise<void> {
  const f = await findFile(ctx, id);
  await ctx.store.deleteFile(f.id);
  sendJson(call.res, 200, {});
}

/**
 * `GET /{v}/files?pageSize=&pageToken=`: newest first, default 10, at most 100 per page. Files uploaded through the
 * emulated OpenAI `/v1/files` (`file-…` ids) belong to that other service and are not listed here.
 */
export async function listFiles(ctx: EmulatorContext, call: Call, version: string): Promise<void> {
  const size = pageSizeOf(call.url.searchParams.get('pageSize'), 10, 100);
  const after = seqFromToken(call.url.searchParams.get('pageToken'));
  if (Number.isNaN(after)) {
    throw new HttpError(400, 'Invalid page token.');
  }
  const now = ctx.now();
  const all = ctx.store.listFiles().filter((f) => !f.id.startsWith('file-') && f.expireMs >= now && f.seq < after);
  const page = all.slice(0, size);
  const body: Record<string, unknown> = {};
  if (page.length > 0) {
    body.files = page.map((f) => geminiFile(f, call.origin, version));
  }
  if (all.length > size) {
    body.nextPageToken = pageToken(page[page.length - 1].seq);
  }
  sendJson(call.res, 200, body);
}

/** Streams a file's bytes (`:download?alt=media`, and OpenAI's `/files/{id}/content`). */
export async function downloadFile(ctx: EmulatorContext, call: Call, id: string): Promise<void> {
  const f = await findFile(ctx, id);
  call.res.writeHead(200, {
    'content-type': contentTypeOf(f.mimeType),
    'content-length': String(f.sizeBytes),
    'content-disposition': attachmentOf(f.filename ?? f.id),
  });
  await pipeline(createReadStream(ctx.store.dataPath(f.id)), call.res);
}
