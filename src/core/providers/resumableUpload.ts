import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable, Transform, pipeline } from 'node:stream';
import { trimBase, type GeminiEndpoint } from './geminiRest';
import { abortableDelay, throwIfAborted } from './abortableDelay';
import { type RateLimitRetryOptions, withRateLimitRetry } from './rateLimitRetry';
import { BatchApiError, type UploadFileOptions, type UploadedFile } from './types';

/** The SDK's chunk size (8 MiB); the server requires multiples of its granularity for all but the last. */
export const UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

export interface UploadOptions extends UploadFileOptions {
  chunkBytes?: number;
  /** Consecutive failed chunk attempts tolerated before giving up. */
  maxRetries?: number;
  /** How a 429 on the start is waited out (tests); rateLimitRetry.ts defaults. */
  rateLimit?: RateLimitRetryOptions;
}

/** Chunk failures worth a `query` and a resume; anything else (auth, bad offset…) ends the upload. */
const RESUMABLE: ReadonlySet<string> = new Set(['network', 'server', 'rateLimit']);

interface RawFile {
  name?: string;
  displayName?: string;
  sizeBytes?: string;
  mimeType?: string;
  uri?: string;
}

/**
 * One byte range from disk as a request body, streamed (memory stays flat for a 2 GB file) through a counter, so
 * progress moves as the bytes go out rather than once per 8 MiB chunk.
 */
function rangeBody(path: string, start: number, length: number, onBytes: (sent: number) => void): BodyInit {
  if (length === 0) {
    return new Uint8Array(0);
  }
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sent += chunk.length;
      onBytes(sent);
      callback(null, chunk);
    },
  });
  // pipeline(): an aborted request destroys the counter, and with it the file stream (no open descriptor left).
  pipeline(createReadStream(path, { start, end: start + length - 1 }), counter, () => undefined);
  return Readable.toWeb(counter) as unknown as BodyInit;
}

function toUploaded(file: RawFile | undefined): UploadedFile {
  if (!file?.name) {
    throw new BatchApiError('server', 'The upload finished without a file name.');
  }
  return {
    name: file.name,
    displayName: file.displayName,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes === undefined ? undefined : Number(file.sizeBytes),
    ...(file.uri !== undefined && { uri: file.uri }),
  };
}

/**
 * Gemini Files API resumable upload, as @google/genai does it on the wire (start → x-goog-upload-url → chunks
 * `upload` / `upload, finalize` at offsets), but with progress, abort, and resume after a failed chunk
 * (`query` → x-goog-upload-size-received). An aborted upload is never finalized, so nothing is left behind.
 */
export async function resumableUpload(
  endpoint: GeminiEndpoint,
  path: string,
  options: UploadOptions,
): Promise<UploadedFile> {
  const { signal } = options;
  const chunkBytes = options.chunkBytes ?? UPLOAD_CHUNK_BYTES;
  const mimeType = options.mimeType ?? 'jsonl';
  const total = (await stat(path)).size;
  throwIfAborted(signal);
  const base = trimBase(endpoint.baseUrl);
  const auth = { 'x-goog-api-key': endpoint.apiKey };
  // A 429 on the start is retried after its Retry-After (safeCreate's rule, rateLimitRetry.ts): it cannot leave a
  // second file, since the start only opens a session and a file exists once a session is finalized: the SDK takes
  // the file from the finalize answer (node_modules/@google/genai uploadBlob) and itself retries a 429 start
  // (ApiClient.fetchUploadUrl → apiCall, DEFAULT_RETRY_HTTP_STATUS_CODES includes 429); the emulator stores the file
  // at finalize (src/emulator/gemini/uploads.ts) and decides a fault before any handler runs (http/server.ts). Chunk
  // failures are not retried here: they resume the same session below (a 429 on a `query` after a lost finalize
  // answer may follow a stored file, so the whole upload is never restarted).
  const start = await withRateLimitRetry(
    () =>
      endpoint.fetch(`${base}/upload/${endpoint.version}/files`, {
        method: 'POST',
        signal,
        headers: {
          ...auth,
          'content-type': 'application/json',
          'x-goog-upload-protocol': 'resumable',
          'x-goog-upload-command': 'start',
          'x-goog-upload-header-content-length': String(total),
          'x-goog-upload-header-content-type': mimeType,
          'x-goog-upload-file-name': basename(path),
        },
        body: JSON.stringify({ file: { mimeType, displayName: options.displayName, sizeBytes: String(total) } }),
      }),
    { signal, onRetryAfter: options.onRetryAfter, ...options.rateLimit },
  );
  await start.arrayBuffer();
  const given = start.headers.get('x-goog-upload-url');
  if (!given) {
    throw new BatchApiError('server', 'The server did not return an upload URL.');
  }
  // Like the SDK: keep the path and query, but talk to the configured host (proxies, emulator).
  const uploadUrl = new URL(given);
  const configured = new URL(base);
  uploadUrl.protocol = configured.protocol;
  uploadUrl.host = configured.host;

  const send = (
    command: string,
    offset: number | undefined,
    body?: { data: BodyInit; length: number },
    sig?: AbortSignal,
  ) =>
    endpoint.fetch(uploadUrl, {
      method: 'POST',
      signal: sig,
      headers: {
        ...auth,
        'x-goog-upload-command': command,
        ...(offset === undefined ? {} : { 'x-goog-upload-offset': String(offset) }),
        // A streamed body would otherwise go chunked; the protocol wants each chunk's exact length.
        ...(body === undefined ? {} : { 'content-length': String(body.length) }),
      },
      body: body?.data,
      ...(body === undefined ? {} : { duplex: 'half' }),
    } as RequestInit);

  try {
    let offset = 0;
    let failures = 0;
    for (;;) {
      throwIfAborted(signal);
      const length = Math.min(chunkBytes, total - offset);
      const last = offset + length >= total;
      try {
        const at = offset;
        // Within-chunk progress stops short of the chunk's end: only the server's answer confirms the bytes.
        const data = rangeBody(path, at, length, (sent) =>
          options.onProgress?.(Math.min(at + sent, at + length - 1), total),
        );
        const response = await send(last ? 'upload, finalize' : 'upload', offset, { data, length }, signal);
        const status = response.headers.get('x-goog-upload-status');
        const text = await response.text();
        if (last && status === 'final') {
          options.onProgress?.(total, total);
          return toUploaded((JSON.parse(text) as { file?: RawFile }).file);
        }
        if (!last && status === 'active') {
          offset += length;
          failures = 0;
          options.onProgress?.(offset, total);
          continue;
        }
        throw new BatchApiError('server', `Unexpected upload status: ${status ?? '(none)'}`);
      } catch (err) {
        if (!(err instanceof BatchApiError) || !RESUMABLE.has(err.kind) || ++failures > (options.maxRetries ?? 4)) {
          throw err;
        }
        await abortableDelay(Math.max(200 * failures, err.retryAfterMs ?? 0), signal);
        const query = await send('query', undefined, undefined, signal);
        const text = await query.text();
        if (query.headers.get('x-goog-upload-status') === 'final') {
          // The finalize arrived but its answer was lost: the query answer carries the file.
          options.onProgress?.(total, total);
          return toUploaded((JSON.parse(text) as { file?: RawFile }).file);
        }
        const received = Number(query.headers.get('x-goog-upload-size-received'));
        offset = Number.isFinite(received) && received >= 0 && received <= total ? received : offset;
      }
    }
  } catch (err) {
    if (signal?.aborted || (err instanceof BatchApiError && err.kind === 'cancelled')) {
      // Best effort: tell the server to drop the partial upload; it expires on its own otherwise.
      await send('cancel', undefined, undefined, AbortSignal.timeout(2000)).catch(() => undefined);
      throw new BatchApiError('cancelled', 'The upload was cancelled.');
    }
    throw err;
  }
}
