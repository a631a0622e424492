import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { DataRow } from './dataSource';
import { mediaTypeOf, type MediaType } from './mediaTypes';

/**
 * The columns a folder of files gives each row (one file a row, sorted by path):
 * - `file`: the path inside the folder, with `/`; `name`: the file name; `mime_type`; `size_bytes`;
 * - `text`: a text file's content (text files small enough to go inline);
 * - `part`: a Gemini part for the file, put in place of a value (`"parts":[{"text":"Describe it"},{{part}}]`):
 *   `{"text": …}` for text, `{"inlineData": {mimeType, data}}` (base64) for media small enough to go inline, else
 *   `{"fileData": {mimeType, fileUri}}` once uploaded through the Files API;
 * - `data_url`: `data:<type>;base64,…` for inline media (OpenAI's `image_url` takes it).
 */
export const FOLDER_COLUMNS = ['file', 'name', 'mime_type', 'size_bytes', 'text', 'part', 'data_url'] as const;

/** Uploads a file through the Files API and resolves to its URI (the `fileUri` of a `fileData` part). */
export type Uploader = (file: string, mimeType: string, signal?: AbortSignal) => Promise<string>;

/**
 * Google: use the Files API "when the total request size exceeds 20 MB" (the Files API reference, e.g. as quoted at
 * https://docs.langchain4j.dev/apidocs/dev/langchain4j/model/googleai/GeminiFiles.html; and
 * https://ai.google.dev/gemini-api/docs/file-input-methods). The CLI's default; the editor's is the
 * `geminiBatch.build.inlineMaxMb` setting.
 */
export const INLINE_MAX_BYTES = 20 * 1024 * 1024;

export interface FolderOptions {
  /** Media whose base64 text is at most this many bytes goes inline (see {@link INLINE_MAX_BYTES}). */
  inlineMaxBytes: number;
  /** Uploads larger media. Without one (the CLI), a larger file wanted as a part is a row left out. */
  upload?: Uploader;
  /** The columns the template uses: only those are computed (no file read or upload for a template that needs none). */
  columns: readonly string[];
}

/** Every file under `dir`, as paths relative to it with `/`, sorted; hidden files and folders (`.x`) left out. */
export async function listFolder(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => !rel.split('/').some((segment) => segment.startsWith('.')));
  return files.sort((a, b) => (a < b ? -1 : Number(a > b)));
}

/** The size of `bytes` once in base64. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** The rows of a folder of files, one per file, computing only the columns the template uses. */
export async function* folderRows(dir: string, options: FolderOptions, signal?: AbortSignal): AsyncGenerator<DataRow> {
  const files = await listFolder(dir);
  const wants = new Set(options.columns);
  for (const [index, rel] of files.entries()) {
    signal?.throwIfAborted();
    const row = index + 1;
    const type = mediaTypeOf(rel);
    if (type === undefined) {
      yield { row, problem: { code: 'unsupported-file', file: rel } };
      continue;
    }
    const full = path.join(dir, ...rel.split('/'));
    const { size } = await fsp.stat(full);
    const values: Record<string, unknown> = {
      file: rel,
      name: path.posix.basename(rel),
      mime_type: type.mimeType,
      size_bytes: size,
    };
    // A text file too large for a line goes the way of media: uploaded, as a `fileData` part.
    if (type.text && size <= options.inlineMaxBytes) {
      if (wants.has('text') || wants.has('part')) {
        const text = await fsp.readFile(full, { encoding: 'utf8', signal });
        values.text = text;
        values.part = { text };
      }
    } else if (wants.has('part') || wants.has('data_url')) {
      const media = await mediaValues(full, size, type, options, signal);
      if (media === undefined && wants.has('part')) {
        yield { row, problem: { code: 'too-large-inline', file: rel } };
        continue;
      }
      Object.assign(values, media ?? {});
    }
    yield { row, values };
  }
}

/**
 * `part` and `data_url` for a media file: inline when small enough, else a `fileData` part once uploaded (and no
 * data URL, which is inline only). Undefined when the file is too large to go inline and nothing can upload it.
 */
async function mediaValues(
  full: string,
  size: number,
  type: MediaType,
  options: FolderOptions,
  signal?: AbortSignal,
): Promise<Record<string, unknown> | undefined> {
  if (base64Length(size) <= options.inlineMaxBytes) {
    const data = (await fsp.readFile(full, { signal })).toString('base64');
    return {
      part: { inlineData: { mimeType: type.mimeType, data } },
      data_url: `data:${type.mimeType};base64,${data}`,
    };
  }
  if (!options.upload) {
    return undefined;
  }
  const fileUri = await options.upload(full, type.mimeType, signal);
  return { part: { fileData: { mimeType: type.mimeType, fileUri } } };
}
