import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http/httpUtil';

/** The parts of a multipart/form-data upload: small text fields in memory, the file streamed to `filePath`. */
export interface MultipartResult {
  fields: Record<string, string>;
  file?: { filename: string; size: number; contentType?: string };
}

const MAX_FIELD = 64 * 1024;
const MAX_HEADER = 16 * 1024;

function boundaryOf(contentType: string | undefined): string {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!contentType?.toLowerCase().startsWith('multipart/form-data') || !m) {
    throw new HttpError(400, 'Expected a multipart/form-data body with a boundary.');
  }
  return m[1] ?? m[2];
}

/**
 * A streaming multipart/form-data parser: the file part goes straight to disk, so memory stays bounded
 * whatever the upload size, and stops with 413 once the file passes `maxFileBytes`. Only the part named `file` may
 * be a file.
 */
export async function parseMultipart(
  req: IncomingMessage,
  filePath: string,
  maxFileBytes = Number.POSITIVE_INFINITY,
): Promise<MultipartResult> {
  const delimiter = Buffer.from(`\r\n--${boundaryOf(req.headers['content-type'])}`);
  const result: MultipartResult = { fields: {} };
  let buf: Buffer = Buffer.from('\r\n'); // so the first boundary looks like every other delimiter
  let state: 'preamble' | 'headers' | 'body' | 'done' = 'preamble';
  let part: { name: string; filename?: string; contentType?: string; text: Buffer[]; size: number } | undefined;
  const out = createWriteStream(filePath);
  const emit = async (data: Buffer): Promise<void> => {
    if (!part || data.length === 0) {
      return;
    }
    part.size += data.length;
    if (part.filename !== undefined && part.size > maxFileBytes) {
      // Counted as the bytes stream in: no declared size is trusted; the caller removes the partial file.
      throw new HttpError(
        413,
        `The file is larger than the limit of ${maxFileBytes} bytes.`,
        { connection: 'close' },
        { code: 'file_too_large', param: 'file' },
      );
    }
    if (part.filename !== undefined) {
      if (!out.write(data)) {
        await once(out, 'drain');
      }
    } else if (part.size <= MAX_FIELD) {
      part.text.push(data);
    } else {
      throw new HttpError(400, `Form field '${part.name}' is too large.`);
    }
  };
  const endPart = (): void => {
    if (!part) {
      return;
    }
    if (part.filename !== undefined) {
      result.file = { filename: part.filename, size: part.size, contentType: part.contentType };
    } else {
      result.fields[part.name] = Buffer.concat(part.text).toString('utf8');
    }
    part = undefined;
  };
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      for (;;) {
        if (state === 'preamble' || state === 'body') {
          const at = buf.indexOf(delimiter);
          if (at < 0) {
            const keep = Math.min(buf.length, delimiter.length + 1);
            if (state === 'body') {
              await emit(buf.subarray(0, buf.length - keep));
            }
            buf = buf.subarray(buf.length - keep);
            break;
          }
          if (buf.length < at + delimiter.length + 2) {
            break; // need the two bytes after the delimiter
          }
          if (state === 'body') {
            await emit(buf.subarray(0, at));
            endPart();
          }
          const tail = buf.subarray(at + delimiter.length, at + delimiter.length + 2).toString('latin1');
          buf = buf.subarray(at + delimiter.length + 2);
          state = tail === '--' ? 'done' : 'headers';
        } else if (state === 'headers') {
          const end = buf.indexOf('\r\n\r\n');
          if (end < 0) {
            if (buf.length > MAX_HEADER) {
              throw new HttpError(400, 'Multipart part headers are too large.');
            }
            break;
          }
          const head = buf.subarray(0, end).toString('utf8');
          buf = buf.subarray(end + 4);
          const disp = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? '';
          const name = /\bname="([^"]*)"/i.exec(disp)?.[1] ?? '';
          const filename = /\bfilename="([^"]*)"/i.exec(disp)?.[1];
          if (filename !== undefined && (name !== 'file' || result.file)) {
            throw new HttpError(400, `Unexpected file part '${name}'; send exactly one part named 'file'.`);
          }
          part = { name, filename, contentType: /content-type:\s*([^\r\n]*)/i.exec(head)?.[1], text: [], size: 0 };
          state = 'body';
        } else {
          break; // epilogue after the final boundary is ignored
        }
      }
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  if (state !== 'done') {
    throw new HttpError(400, 'The multipart body ended before its final boundary.');
  }
  return result;
}
