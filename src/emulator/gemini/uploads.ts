import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { EmulatorContext, Call } from '../http/context';
import { HttpError, header, readJsonBody, sendJson, drain } from '../http/httpUtil';
import { geminiFile, sha256File } from '../http/fileViews';
import { newId, writeJsonAtomic } from '../store';
import { optInt64, optObject, optString } from '../http/bodyFields';
import { DATA_COMMANDS, appendBody, byteCount, tooLarge } from './uploadChunk';
import type { StoredFile } from '../contract';

/** A resumable upload in progress (`uploads/<id>.json`); the bytes so far are `uploads/<id>.part`. */
interface UploadSession {
  id: string;
  fileId: string;
  declaredSize?: number;
  mimeType: string;
  displayName?: string;
  filename?: string;
  version: string;
  createMs: number;
  /** Set once finalized: a later `query` (its answer lost in transit) gets the file again, as on the real service. */
  doneFileId?: string;
}

const FILE_LIFETIME_MS = 48 * 3600 * 1000;

function sessionPaths(ctx: EmulatorContext, id: string): { meta: string; part: string } {
  return { meta: path.join(ctx.store.uploadsDir, `${id}.json`), part: path.join(ctx.store.uploadsDir, `${id}.part`) };
}

async function loadSession(ctx: EmulatorContext, id: string | null): Promise<UploadSession> {
  if (!id || !/^[a-z0-9]+$/.test(id)) {
    throw new HttpError(404, 'Upload session not found.');
  }
  try {
    return JSON.parse(await fsp.readFile(sessionPaths(ctx, id).meta, 'utf8')) as UploadSession;
  } catch {
    throw new HttpError(404, `Upload session ${id} not found.`);
  }
}

async function receivedBytes(part: string): Promise<number> {
  try {
    return (await fsp.stat(part)).size;
  } catch {
    return 0;
  }
}

/** `POST /upload/{v}/files` with `x-goog-upload-command: start`. */
export async function startUpload(ctx: EmulatorContext, call: Call, version: string): Promise<void> {
  const command = header(call.req, 'x-goog-upload-command');
  if (command?.trim().toLowerCase() !== 'start') {
    throw new HttpError(
      400,
      `Invalid X-Goog-Upload-Command: ${JSON.stringify(command ?? null)}. A resumable upload starts with 'start'; its data steps go to the x-goog-upload-url.`,
    );
  }
  const body = await readJsonBody(call.req, 1024 * 1024);
  const file = optObject(body, ['file'], '') ?? {};
  const sizeHeader = byteCount(
    header(call.req, 'x-goog-upload-header-content-length'),
    'X-Goog-Upload-Header-Content-Length',
  );
  const sizeField = optInt64(file, ['sizeBytes', 'size_bytes'], 'file.', 0);
  const declaredSize = sizeHeader ?? (sizeField !== undefined ? Number(sizeField) : undefined);
  if (declaredSize !== undefined && declaredSize > ctx.limits.geminiFileBytes) {
    throw tooLarge(ctx.limits.geminiFileBytes);
  }
  let fileId = newId(6);
  const name = optString(file, ['name'], 'file.');
  if (name !== undefined && name !== '') {
    fileId = name.replace(/^files\//, '');
    if (!/^[a-z0-9-]{1,40}$/.test(fileId)) {
      throw new HttpError(
        400,
        `Invalid file name: ${name}. It must be files/ followed by up to 40 characters of [a-z0-9-].`,
      );
    }
    if (ctx.store.files.has(fileId)) {
      throw new HttpError(409, `File files/${fileId} already exists.`);
    }
  }
  const mimeType =
    header(call.req, 'x-goog-upload-header-content-type') ?? optString(file, ['mimeType', 'mime_type'], 'file.');
  if (!mimeType) {
    throw new HttpError(400, 'The MIME type of the file is missing (X-Goog-Upload-Header-Content-Type).');
  }
  const displayName = optString(file, ['displayName', 'display_name'], 'file.');
  const session: UploadSession = {
    id: newId(12),
    fileId,
    declaredSize,
    mimeType,
    displayName,
    filename: header(call.req, 'x-goog-upload-file-name'),
    version,
    createMs: ctx.now(),
  };
  const p = sessionPaths(ctx, session.id);
  await fsp.writeFile(p.part, '');
  await writeJsonAtomic(p.meta, session);
  const url = `${call.origin}/upload/${version}/files?upload_id=${session.id}&upload_protocol=resumable`;
  sendJson(
    call.res,
    200,
    {},
    {
      'x-goog-upload-url': url,
      'x-goog-upload-control-url': url,
      'x-goog-upload-status': 'active',
      'x-goog-upload-chunk-granularity': '262144',
    },
  );
}

/** `POST <upload url>` with `upload`, `upload, finalize`, `finalize`, `query` or `cancel`. */
export async function continueUpload(ctx: EmulatorContext, call: Call): Promise<void> {
  const commandHeader = header(call.req, 'x-goog-upload-command');
  const commands = (commandHeader ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim());
  if (commands.some((c) => !DATA_COMMANDS.includes(c))) {
    await drain(call.req);
    throw new HttpError(
      400,
      `Invalid X-Goog-Upload-Command: ${JSON.stringify(commandHeader ?? null)}. Expected upload, finalize, query or cancel.`,
    );
  }
  const id = call.url.searchParams.get('upload_id') ?? '';
  await ctx.uploadLocks.run(id, async () => continueSession(ctx, call, commands, await loadSession(ctx, id)));
}

/** One data step of a session, while no other step of the same session runs. */
async function continueSession(
  ctx: EmulatorContext,
  call: Call,
  commands: string[],
  session: UploadSession,
): Promise<void> {
  const p = sessionPaths(ctx, session.id);
  let received = await receivedBytes(p.part);
  const status = (s: string): Record<string, string> => ({
    'x-goog-upload-status': s,
    'x-goog-upload-size-received': String(received),
  });
  if (session.doneFileId !== undefined) {
    await drain(call.req);
    const done = ctx.store.files.get(session.doneFileId);
    if (!done) {
      throw new HttpError(404, 'The upload finished, but its file has since been deleted.');
    }
    sendJson(
      call.res,
      200,
      { file: geminiFile(done, call.origin, session.version) },
      { 'x-goog-upload-status': 'final', 'x-goog-upload-size-received': String(done.sizeBytes) },
    );
    return;
  }
  if (commands.includes('query')) {
    await drain(call.req);
    sendJson(call.res, 200, {}, status('active'));
    return;
  }
  if (commands.includes('cancel')) {
    await drain(call.req);
    await fsp.rm(p.meta, { force: true });
    await fsp.rm(p.part, { force: true });
    sendJson(call.res, 200, {}, status('cancelled'));
    return;
  }
  if (commands.includes('upload')) {
    let offset: number | undefined;
    try {
      offset = byteCount(header(call.req, 'x-goog-upload-offset'), 'X-Goog-Upload-Offset');
    } catch (e) {
      await drain(call.req);
      throw e;
    }
    if (offset !== received) {
      await drain(call.req);
      throw new HttpError(
        400,
        `Invalid upload offset: expected ${received}, got ${header(call.req, 'x-goog-upload-offset') ?? 'none'}. Query the upload (x-goog-upload-command: query) to resume.`,
        status('active'),
      );
    }
    const ok = await appendBody(ctx, call, p, session.declaredSize, received);
    if (!ok) {
      return; // connection reset by an injected fault; the bytes that arrived stay, and a query resumes
    }
    received = await receivedBytes(p.part);
  } else {
    await drain(call.req);
  }
  if (!commands.includes('finalize')) {
    sendJson(call.res, 200, {}, status('active'));
    return;
  }
  if (session.declaredSize !== undefined && received !== session.declaredSize) {
    throw new HttpError(
      400,
      `Upload finalized with ${received} bytes but ${session.declaredSize} were declared.`,
      status('active'),
    );
  }
  const now = ctx.now();
  const stored: StoredFile = {
    id: session.fileId,
    displayName: session.displayName,
    filename: session.filename,
    mimeType: session.mimeType,
    sizeBytes: received,
    createMs: now,
    expireMs: now + FILE_LIFETIME_MS,
    sha256: await sha256File(p.part),
    source: 'UPLOADED',
    purpose: 'batch',
    seq: ctx.store.nextSeq(),
  };
  // Two sessions that chose the same `name` may finalize together: the check and the store are one step per name.
  await ctx.uploadLocks.run(`files/${stored.id}`, async () => {
    if (ctx.store.files.has(stored.id)) {
      throw new HttpError(409, `File files/${stored.id} already exists.`);
    }
    await fsp.rename(p.part, ctx.store.dataPath(stored.id));
    await ctx.store.putFile(stored);
  });
  await writeJsonAtomic(p.meta, { ...session, doneFileId: stored.id });
  sendJson(call.res, 200, { file: geminiFile(stored, call.origin, session.version) }, status('final'));
}
