import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { DEFAULT_MAX_LINE_BYTES } from '../jsonl';

/**
 * One physical line of a file: 1-based number, byte offset of its first byte, its length in bytes (no EOL) and its
 * bytes, all of them when the line is at most `maxLineBytes` long, else only the first `maxLineBytes + 1` (enough for
 * parseObjectLine and isBlankBytes to see it is too long). Copies of the line read it by `offset` and `length`.
 */
export interface FileLine {
  lineNo: number;
  offset: number;
  length: number;
  bytes: Buffer;
  /** The last {@link TAIL_BYTES} bytes of a line longer than `maxLineBytes` (where its key may be: longLineKey.ts). */
  tail?: Buffer;
}

/** How much of the end of a too-long line is kept: room for a last member `"key": "…"` and the closing brace. */
export const TAIL_BYTES = 4096;

/**
 * Streams a file line by line with byte offsets (so callers can index a large file by offset instead of keeping
 * lines). Handles LF and CRLF, strips a UTF-8 BOM from the first line, and yields a last line without EOL. Memory is
 * one read chunk and at most `maxLineBytes` of a line (the validator's bound, validateFile.ts), whatever its length:
 * a longer line is read through, and gathering a 600 MB one whole took 1.3 GB before its decoding failed.
 */
export async function* readLines(
  path: string,
  signal?: AbortSignal,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<FileLine> {
  // Raw bytes kept of a line: the bound, one more to tell it is over, and room for a BOM and a CR, stripped after.
  const keep = maxLineBytes + 5;
  let pending: Buffer[] = [];
  let kept = 0;
  /** The bytes past `keep` of a too-long line, only the last TAIL_BYTES or so of them. */
  let overflow: Buffer[] = [];
  let overflowLength = 0;
  let rawLength = 0;
  let lastByte = -1;
  let pendingStart = 0;
  let position = 0;
  let lineNo = 0;
  const add = (piece: Buffer) => {
    if (piece.length === 0) {
      return;
    }
    rawLength += piece.length;
    lastByte = piece[piece.length - 1];
    let rest: Buffer | undefined = piece;
    if (kept < keep) {
      // A piece that fits (every piece of a normal line) allocates nothing more.
      const fits = piece.length <= keep - kept;
      pending.push(fits ? piece : piece.subarray(0, keep - kept));
      rest = fits ? undefined : piece.subarray(keep - kept);
      kept = Math.min(keep, kept + piece.length);
    }
    if (rest) {
      overflow.push(rest);
      overflowLength += rest.length;
      while (overflowLength - overflow[0].length >= TAIL_BYTES) {
        overflowLength -= overflow.shift()!.length;
      }
    }
  };
  const finish = (end: Buffer): FileLine => {
    add(end);
    let bytes = pending.length === 1 ? pending[0] : Buffer.concat(pending);
    let offset = pendingStart;
    let length = rawLength;
    if (lineNo === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
      offset += 3;
      length -= 3;
    }
    if (length > 0 && lastByte === 0x0d) {
      length--;
    }
    const tail = length > maxLineBytes ? tailOf(bytes, overflow, lastByte === 0x0d) : undefined;
    bytes = bytes.subarray(0, Math.min(length, maxLineBytes + 1));
    pending = [];
    kept = 0;
    overflow = [];
    overflowLength = 0;
    rawLength = 0;
    lastByte = -1;
    return { lineNo: ++lineNo, offset, length, bytes, ...(tail && { tail }) };
  };
  for await (const chunk of createReadStream(path, { signal })) {
    const buf = chunk as Buffer;
    let start = 0;
    for (let nl = buf.indexOf(0x0a); nl !== -1; nl = buf.indexOf(0x0a, start)) {
      yield finish(buf.subarray(start, nl));
      start = nl + 1;
      pendingStart = position + start;
    }
    add(buf.subarray(start));
    position += buf.length;
  }
  if (rawLength > 0) {
    yield finish(Buffer.alloc(0));
  }
}

/** The end of a too-long line: the bytes past the kept head, topped up from the head's end, its CR dropped. */
function tailOf(head: Buffer, overflow: Buffer[], endsWithCr: boolean): Buffer {
  const after = overflow.reduce((sum, piece) => sum + piece.length, 0);
  const fromHead = head.subarray(Math.max(0, head.length - Math.max(0, TAIL_BYTES + 1 - after)));
  const tail = Buffer.concat([fromHead, ...overflow]);
  const end = endsWithCr ? tail.length - 1 : tail.length;
  return tail.subarray(Math.max(0, end - TAIL_BYTES), end);
}

/**
 * A line's text as a JSON object: anything else (blank, broken, an array) is undefined. A line that is one object,
 * `{` to `}`, skips the trim (a no-op then) and the type checks (the estimate parses every line of a file with it).
 */
export function parseObjectText(text: string): Record<string, unknown> | undefined {
  if (text.charCodeAt(0) === 0x7b && text.charCodeAt(text.length - 1) === 0x7d) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  const trimmed = text.trim();
  if (!trimmed) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses a line as a JSON object; anything else (blank, broken, an array) is undefined, and so is a line longer than
 * `maxLineBytes`, never decoded: a 600 MB one exceeded V8's longest string and ended the whole command. Over the
 * validator's bound, it is reported as an unparseable line, as a broken one is.
 */
export function parseObjectLine(
  bytes: Buffer,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): Record<string, unknown> | undefined {
  return bytes.length > maxLineBytes ? undefined : parseObjectText(bytes.toString('utf8'));
}

/**
 * Whether a line holds only whitespace (what String.prototype.trim drops: a blank line holds no request), read from
 * its bytes without decoding them unless they hold a non-ASCII byte (a Unicode space). A line longer than
 * `maxLineBytes` is never blank: only its head is kept, and it counts as an unparseable line.
 */
export function isBlankBytes(bytes: Buffer, maxLineBytes = DEFAULT_MAX_LINE_BYTES): boolean {
  if (bytes.length > maxLineBytes) {
    return false;
  }
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0x80) {
      return bytes.toString('utf8').trim() === '';
    }
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) {
      return false;
    }
  }
  return true;
}

/**
 * The text of a line of `length` bytes whose head readLineHead read: the line decoded, or, when it is longer than
 * `maxLineBytes`, a note saying so. A joined file holds it as the request of an input line that is not an object: a
 * line too long cannot be decoded (600 MB exceed V8's longest string) and, written back, would make the joined line
 * too long too, hiding its result; the note shows as the row's prompt instead.
 */
export function lineText(head: Buffer, length: number, maxLineBytes = DEFAULT_MAX_LINE_BYTES): string {
  return head.length > maxLineBytes
    ? `(a line of ${length} bytes, longer than the ${maxLineBytes} bytes a line is read to: not shown)`
    : head.toString('utf8');
}

/** Reads `length` bytes at `offset`, at most `maxLineBytes + 1` of them: a line read back to be parsed, not copied. */
export async function readLineHead(
  handle: FileHandle,
  offset: number,
  length: number,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.min(length, maxLineBytes + 1));
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
  return buffer.subarray(0, bytesRead);
}
