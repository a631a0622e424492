import { open } from 'node:fs/promises';
import { DEFAULT_MAX_LINE_BYTES } from '../jsonl';

/**
 * Called for each physical line: its bytes (no EOL, valid only during the call), the offset of its first byte and its
 * length in bytes. `bytes` holds the whole line when it is at most `maxLineBytes` long, else its first
 * `maxLineBytes + 1` bytes (as lineReader.FileLine).
 */
export type LineVisitor = (bytes: Buffer, offset: number, length: number) => void;

const CHUNK = 1 << 20;
/** The first read is small, so the first rows of a big file are ready after a few milliseconds. */
const FIRST_CHUNK = 64 << 10;

export interface ScanLinesOptions {
  signal?: AbortSignal;
  /** Bytes read at a time after the first read (tests use tiny chunks to cross line ends). */
  chunkSize?: number;
  /** Awaited before each read: lets a reader of pages go first while the scan runs (the view's first rows). */
  gate?: () => Promise<void> | undefined;
  /** Bytes kept of a longer line (the validator's bound, DEFAULT_MAX_LINE_BYTES; smaller in tests). */
  maxLineBytes?: number;
}

/**
 * Visits every line of a file in one streaming pass, synchronously within each 1 MB chunk: no promise per line,
 * which is what makes indexing a 1 GB file bound by JSON.parse rather than by the reader. Same line rules as
 * lineReader.readLines (LF or CRLF, a UTF-8 BOM dropped from the first line, a last line without EOL). A line longer
 * than a chunk (`chunkSize`, smaller in tests) is gathered across chunks up to `maxLineBytes` (and read through past
 * that, as readLines does): only that much of it and the current chunk are ever in memory.
 */
export async function scanLines(path: string, visit: LineVisitor, options: ScanLinesOptions = {}): Promise<void> {
  const { signal, gate } = options;
  const chunkSize = options.chunkSize ?? CHUNK;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  // Raw bytes kept of a line: the bound, one more to tell it is over, and room for a BOM and a CR, stripped after.
  const keep = maxLineBytes + 5;
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkSize);
    let carry: Buffer[] = [];
    let carryKept = 0;
    let carryLength = 0;
    /** The last byte of the carried part of the line (a CR there is not part of it when the line ends next). */
    let carryLast = -1;
    let carryStart = 0;
    let position = 0;
    let first = true;
    /** `b` holds the first bytes of a line of `rawLength` bytes (with its CR, BOM) whose last byte is `last`. */
    const emit = (bytes: Buffer, offset: number, rawLength: number, last: number) => {
      let b = bytes;
      let at = offset;
      let length = rawLength;
      if (first) {
        first = false;
        if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
          b = b.subarray(3);
          at += 3;
          length -= 3;
        }
      }
      if (length > 0 && last === 0x0d) {
        length--;
      }
      const size = Math.min(length, maxLineBytes + 1);
      visit(b.length === size ? b : b.subarray(0, size), at, length);
    };
    const emitCarry = (end: Buffer) => {
      const tail = end.subarray(0, Math.max(0, keep - carryKept));
      const length = carryLength + end.length;
      emit(Buffer.concat([...carry, tail]), carryStart, length, end.length ? end[end.length - 1] : carryLast);
      carry = [];
      carryKept = 0;
      carryLength = 0;
    };
    for (;;) {
      await gate?.();
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(
        chunk,
        0,
        position === 0 ? Math.min(chunkSize, FIRST_CHUNK) : chunkSize,
        position,
      );
      if (bytesRead === 0) {
        break;
      }
      const buf = chunk.subarray(0, bytesRead);
      let start = 0;
      for (let nl = buf.indexOf(0x0a); nl !== -1; nl = buf.indexOf(0x0a, start)) {
        if (carry.length) {
          emitCarry(buf.subarray(start, nl));
        } else {
          emit(buf.subarray(start, nl), position + start, nl - start, nl > start ? buf[nl - 1] : -1);
        }
        start = nl + 1;
      }
      if (start < buf.length) {
        if (!carry.length) {
          carryStart = position + start;
        }
        carryLength += buf.length - start;
        carryLast = buf[buf.length - 1];
        if (carryKept < keep) {
          // Copied: the chunk buffer is reused by the next read.
          const part = Buffer.from(buf.subarray(start, Math.min(buf.length, start + keep - carryKept)));
          carry.push(part);
          carryKept += part.length;
        }
      }
      position += bytesRead;
    }
    if (carry.length) {
      emitCarry(Buffer.alloc(0));
    }
  } finally {
    await handle.close();
  }
}
