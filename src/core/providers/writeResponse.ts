import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { BatchApiError, type ProgressSink } from './types';

/**
 * Streams an HTTP body to `destPath` (never buffering the whole file), reporting bytes written against
 * Content-Length when the server sends one. The caller owns temp-file-then-rename and cleanup.
 */
export async function writeResponseToFile(
  response: Response,
  destPath: string,
  options: { onProgress?: ProgressSink; signal?: AbortSignal } = {},
): Promise<void> {
  const total = Number(response.headers.get('content-length') ?? NaN);
  let done = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      done += chunk.length;
      options.onProgress?.(done, Number.isFinite(total) ? total : done);
      callback(null, chunk);
    },
  });
  const body = response.body
    ? Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>)
    : Readable.from([]);
  try {
    await pipeline(body, counter, createWriteStream(destPath), { signal: options.signal });
  } catch (err) {
    if (options.signal?.aborted) {
      throw new BatchApiError('cancelled', 'The download was cancelled.');
    }
    if (err instanceof BatchApiError) {
      throw err;
    }
    throw new BatchApiError(
      'network',
      `The download was interrupted: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
