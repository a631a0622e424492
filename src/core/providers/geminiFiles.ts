import type { BatchKind } from '../batchKind';
import { geminiJson, resourcePath, trimBase, type GeminiEndpoint } from './geminiRest';
import { FALLBACK_MODELS, filterGeminiModels, type GeminiModelInfo } from './models';
import type { FileStore } from './openaiProvider';
import { resumableUpload } from './resumableUpload';
import type { FilePage, ListFilesOptions, ProgressSink, UploadedFile } from './types';
import { writeResponseToFile } from './writeResponse';

/**
 * Streams a Gemini file to disk: `GET {base}/{v}/files/{id}:download?alt=media`, the path @google/genai's
 * `files.download` uses, but with progress and abort (the SDK offers neither).
 */
export async function downloadGeminiFile(
  endpoint: GeminiEndpoint,
  fileName: string,
  destPath: string,
  options: { onProgress?: ProgressSink; signal?: AbortSignal } = {},
): Promise<void> {
  const url = `${trimBase(endpoint.baseUrl)}/${endpoint.version}/${resourcePath(fileName, 'files')}:download?alt=media`;
  const response = await endpoint.fetch(url, {
    headers: { 'x-goog-api-key': endpoint.apiKey },
    signal: options.signal,
  });
  await writeResponseToFile(response, destPath, options);
}

/** The wire shape of a Gemini `File` (only what the picker needs); `sizeBytes` is an int64 sent as a string. */
interface GeminiFileResource {
  name?: string;
  displayName?: string;
  sizeBytes?: string | number;
  mimeType?: string;
  createTime?: string;
}

/** A Gemini `File` as plain data; a size that is not a finite number is left out rather than guessed. */
export function mapGeminiFile(f: GeminiFileResource): UploadedFile {
  const size = f.sizeBytes === undefined || f.sizeBytes === '' ? NaN : Number(f.sizeBytes);
  return {
    name: f.name ?? '',
    displayName: f.displayName || undefined,
    sizeBytes: Number.isFinite(size) ? size : undefined,
    mimeType: f.mimeType || undefined,
    createTime: f.createTime || undefined,
  };
}

/** `GET /{v}/files?pageSize=&pageToken=` (the path and paging @google/genai's `files.list` uses); newest first. */
export async function listGeminiFiles(endpoint: GeminiEndpoint, options: ListFilesOptions): Promise<FilePage> {
  const body = await geminiJson<{ files?: GeminiFileResource[]; nextPageToken?: string }>(endpoint, 'GET', 'files', {
    query: { pageSize: options.pageSize, pageToken: options.pageToken },
    signal: options.signal,
  });
  const files = (body.files ?? []).map(mapGeminiFile).filter((f) => f.name !== '');
  return { files, nextPageToken: body.nextPageToken || undefined };
}

/** Gemini Files API as the file store of the OpenAI-compatible layer (as Google's cookbook does it). */
export function geminiFileStore(endpoint: GeminiEndpoint): FileStore {
  return {
    upload: (path, options) => resumableUpload(endpoint, path, options),
    download: (fileName, destPath, options) => downloadGeminiFile(endpoint, fileName, destPath, options),
    list: (options) => listGeminiFiles(endpoint, options),
  };
}

/** Jobs of the compat layer are `batches/…` too: they are deleted through the native API. */
export async function deleteGeminiJob(endpoint: GeminiEndpoint, name: string): Promise<void> {
  await geminiJson(endpoint, 'DELETE', resourcePath(name, 'batches'));
}

/** `GET /{v}/models`, filtered by supported methods; the built-in list when the call fails or finds nothing. */
export async function listGeminiModels(
  endpoint: GeminiEndpoint,
  kind: BatchKind,
  signal?: AbortSignal,
): Promise<string[]> {
  try {
    const models: GeminiModelInfo[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < 5; page++) {
      const body = await geminiJson<{ models?: GeminiModelInfo[]; nextPageToken?: string }>(endpoint, 'GET', 'models', {
        query: { pageSize: 1000, pageToken },
        signal,
      });
      models.push(...(body.models ?? []));
      pageToken = body.nextPageToken || undefined;
      if (!pageToken) {
        break;
      }
    }
    const names = filterGeminiModels(models, kind);
    return names.length > 0 ? names : [...FALLBACK_MODELS.gemini[kind]];
  } catch {
    return [...FALLBACK_MODELS.gemini[kind]];
  }
}
