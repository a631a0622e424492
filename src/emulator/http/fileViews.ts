import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isoTime } from './httpUtil';
import type { StoredFile } from '../contract';

/** The Gemini `File` resource for a stored file. */
export function geminiFile(f: StoredFile, origin: string, version: string): Record<string, unknown> {
  const out: Record<string, unknown> = { name: `files/${f.id}` };
  if (f.displayName !== undefined) {
    out.displayName = f.displayName;
  }
  Object.assign(out, {
    mimeType: f.mimeType,
    sizeBytes: String(f.sizeBytes),
    createTime: isoTime(f.createMs),
    updateTime: isoTime(f.createMs),
    expirationTime: isoTime(f.expireMs),
    sha256Hash: f.sha256,
    uri: `${origin}/${version}/files/${f.id}`,
    downloadUri: `${origin}/download/${version}/files/${f.id}:download?alt=media`,
    state: 'ACTIVE',
    source: f.source,
  });
  return out;
}

/** The OpenAI `File` object. */
export function openaiFile(f: StoredFile): Record<string, unknown> {
  return {
    id: f.id,
    object: 'file',
    bytes: f.sizeBytes,
    created_at: Math.floor(f.createMs / 1000),
    expires_at: Math.floor(f.expireMs / 1000),
    filename: f.filename ?? f.displayName ?? f.id,
    purpose: f.purpose ?? 'batch',
    status: 'processed',
    status_details: null,
  };
}

/** base64 SHA-256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('base64');
}

/**
 * A Content-Type header for a stored MIME type that may be a bare word such as `jsonl`, or anything a client sent in
 * JSON: a value that is not printable ASCII cannot be a header (Node throws), so it is served as octet-stream.
 */
export function contentTypeOf(mimeType: string): string {
  if (mimeType === 'jsonl' || mimeType.endsWith('/jsonl') || mimeType.endsWith('jsonlines')) {
    return 'application/jsonl';
  }
  return mimeType.includes('/') && /^[\x20-\x7e]+$/.test(mimeType) ? mimeType : 'application/octet-stream';
}

/**
 * A Content-Disposition for a file name from a client (a multipart `filename` may hold any Unicode): an ASCII
 * fallback plus RFC 6266 / RFC 8187 `filename*` in UTF-8, so no name can make the header unsendable.
 */
export function attachmentOf(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return ascii === name
    ? `attachment; filename="${name}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
