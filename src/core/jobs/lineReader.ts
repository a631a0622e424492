import { createReadStream } from 'node:fs';

/** One physical line of a file: 1-based number, byte offset of its first byte, and its bytes (no EOL). */
export interface FileLine {
  lineNo: number;
  offset: number;
  bytes: Buffer;
}

/**
 * Streams a file line by line with byte offsets (so callers can index a large file by offset instead of keeping
 * lines). Handles LF and CRLF, strips a UTF-8 BOM from the first line, and yields a last line without EOL.
 */
export async function* readLines(path: string, signal?: AbortSignal): AsyncGenerator<FileLine> {
  let pending: Buffer[] = [];
  let pendingStart = 0;
  let position = 0;
  let lineNo = 0;
  const finish = (end: Buffer): FileLine => {
    let bytes = pending.length ? Buffer.concat([...pending, end]) : end;
    let offset = pendingStart;
    if (lineNo === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
      offset += 3;
    }
    if (bytes.length && bytes[bytes.length - 1] === 0x0d) {
      bytes = bytes.subarray(0, bytes.length - 1);
    }
    pending = [];
    return { lineNo: ++lineNo, offset, bytes };
  };
  for await (const chunk of createReadStream(path, { signal })) {
    const buf = chunk as Buffer;
    let start = 0;
    for (let nl = buf.indexOf(0x0a); nl !== -1; nl = buf.indexOf(0x0a, start)) {
      yield finish(buf.subarray(start, nl));
      start = nl + 1;
      pendingStart = position + start;
    }
    if (start < buf.length) {
      pending.push(buf.subarray(start));
    }
    position += buf.length;
  }
  if (pending.length) {
    yield finish(Buffer.alloc(0));
  }
}

/** Parses a line as a JSON object; anything else (blank, broken, an array) is undefined. */
export function parseObjectLine(bytes: Buffer): Record<string, unknown> | undefined {
  const text = bytes.toString('utf8').trim();
  if (!text) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
