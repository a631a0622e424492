import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type OpenAI from 'openai';
import { throwIfAborted } from './abortableDelay';
import { withApiErrors } from './errors';
import { withRateLimitRetry } from './rateLimitRetry';
import type { FileStore } from './openaiProvider';
import { writeResponseToFile } from './writeResponse';
import type { FilePage, ListFilesOptions, ProgressSink } from './types';
import { FALLBACK_MODELS } from './models';
import type { BatchKind } from '../batchKind';

/** Reads the file from disk, reporting bytes handed to the SDK (the SDK itself reports nothing). */
async function* readWithProgress(
  path: string,
  total: number,
  onProgress?: ProgressSink,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  let sent = 0;
  for await (const chunk of createReadStream(path)) {
    throwIfAborted(signal);
    sent += (chunk as Buffer).length;
    onProgress?.(sent, total);
    yield chunk as Buffer;
  }
}

/** OpenAI's own Files API: multipart upload with purpose `batch`, `files.content` streamed to disk. */
export function openaiFileStore(client: OpenAI): FileStore {
  return {
    async upload(path, options) {
      const total = (await stat(path)).size;
      // A 429 is retried after its Retry-After (rateLimitRetry.ts, as for the create), the file read afresh: the
      // upload is one request, and a 429 is a refusal that stored nothing; the SDK's own default retries a 429 of
      // any request, this POST /files included (node_modules/openai/client.js shouldRetry; we build it with
      // maxRetries 0, createProvider.ts), and the emulator decides a fault before any handler runs (http/server.ts).
      const created = await withRateLimitRetry(
        () => {
          // The SDK names the part from `name`; an async iterable keeps memory flat and lets us count bytes.
          const file = Object.assign(readWithProgress(path, total, options.onProgress, options.signal), {
            name: basename(path),
          });
          // Mapped here, not only by the provider's call(): the retry reads the kind and Retry-After.
          return withApiErrors(client.apiKey ?? '', () =>
            client.files.create({ file, purpose: 'batch' }, { signal: options.signal }),
          );
        },
        { signal: options.signal, onRetryAfter: options.onRetryAfter },
      );
      return { name: created.id, displayName: created.filename, sizeBytes: created.bytes };
    },
    async download(fileName, destPath, options) {
      const response = await client.files.content(fileName, { signal: options?.signal });
      await writeResponseToFile(response, destPath, options);
    },
    list: (options) => listOpenAIBatchFiles(client, options),
  };
}

/** One page of `GET /files?purpose=batch&order=desc`; the page token is the last id (`after`), as for batches. */
async function listOpenAIBatchFiles(client: OpenAI, options: ListFilesOptions): Promise<FilePage> {
  const page = await client.files.list(
    { purpose: 'batch', order: 'desc', limit: options.pageSize, after: options.pageToken },
    { signal: options.signal },
  );
  const files = page.data.map((f) => ({
    name: f.id,
    displayName: f.filename || undefined,
    sizeBytes: f.bytes,
    createTime: Number.isFinite(f.created_at) ? new Date(f.created_at * 1000).toISOString() : undefined,
  }));
  return { files, nextPageToken: page.has_more && files.length > 0 ? files[files.length - 1].name : undefined };
}

/** `models.list()`, falling back to a built-in list when the call fails. */
export async function listOpenAIModels(client: OpenAI, kind: BatchKind, signal?: AbortSignal): Promise<string[]> {
  try {
    const ids: string[] = [];
    for await (const model of client.models.list({ signal })) {
      ids.push(model.id);
      if (ids.length >= 1000) {
        break;
      }
    }
    return ids.length > 0 ? ids.sort() : [...FALLBACK_MODELS.openai[kind]];
  } catch {
    return [...FALLBACK_MODELS.openai[kind]];
  }
}
