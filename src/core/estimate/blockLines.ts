import { isAscii, isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { DEFAULT_MAX_LINE_BYTES } from '../jsonl';

/** Bytes read at a time (and the first size of the buffer, which grows only for a line longer than it). */
const READ_BYTES = 1024 * 1024;
/** Bytes kept of a line too long to decode (BlockLines.lastHead). */
const HEAD_BYTES = 4096;
/** Bytes read at a time past the end of the range, for the line that crosses it. */
const TAIL_BYTES = 16 * 1024;

/**
 * The lines of a file that start in the byte range [start, end), read from an open file with synchronous reads into
 * one reused buffer and decoded one line at a time: the estimate's reader, so a pool thread can take any range of the
 * file by itself (nothing read twice, nothing posted between threads). A line starts at byte 0 and after each LF;
 * one that starts in the range is read to its end even past `end`. The lines are what readLines (lineReader.ts) yields
 * for them, as text: without the LF, a CR before it, or a UTF-8 BOM at the start of the file. 0x0A never occurs inside
 * a multi-byte UTF-8 sequence, so a line's bytes decode alone as they would within the file. Memory: the buffer, at
 * most one line (or READ_BYTES) long, and never much over `maxLineBytes`: a longer line is not decoded (a line of
 * 600 MB exceeded V8's longest string and ended the estimate of its whole file, one of 300 MB took 1.2 GB); it is read
 * through and returned as the empty string, with `lastTooLong` set to its length and `lastHead` to its first bytes.
 */
export class BlockLines {
  /** Lines returned so far: the range's line numbers are 1.. this. */
  lineNo = 0;
  private buf: Buffer;
  /** File offset of buf[0]; bytes buf[0, filled) are read. */
  private base: number;
  private filled = 0;
  /** File offset where the next line starts, or -1 when the range holds no more lines. */
  private next: number;
  /** Whether the last line's text holds its UTF-8 bytes, one character each (see `bytesAllowed`). */
  lastInBytes = false;
  /** The length in bytes of the last line when it was longer than `maxLineBytes` (and not decoded), else 0. */
  lastTooLong = 0;
  /** The first HEAD_BYTES of a line too long to decode, as text (enough to tell its kind and key). */
  lastHead = '';

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number,
    private readonly size: number,
    reuse?: Buffer,
    /**
     * Whether a line may be returned as its UTF-8 bytes, one latin1 character each (then `lastInBytes` is set):
     * decoding that way is a copy, and JSON.parse reads one-byte strings faster, where UTF-8 decoding was a tenth of
     * the estimate's CPU. Only for valid UTF-8 without a `\u` escape, whose parsed strings then all hold UTF-8 bytes
     * (an escape would give a real character among bytes). An ASCII line is the same text either way.
     */
    public bytesAllowed = false,
    /** Longer lines are read through, not decoded (the validator's default bound, validateFile.ts). */
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {
    // Sized for the range (small ranges are the tests'), it grows for a longer line. A thread passes the buffer of
    // its last block: a fresh one per block left a megabyte for the GC each time (peak RSS grew with the file).
    const wanted = Math.max(1, Math.min(READ_BYTES, size, end - start + TAIL_BYTES));
    this.buf = reuse && reuse.length >= wanted ? reuse : Buffer.allocUnsafe(wanted);
    this.base = Math.max(0, start - 1);
    this.next = start === 0 ? 0 : this.firstLineStart(start);
  }

  /** The first line start at or after `start` (> 0) that is before `end`, or -1: scans at most to `end`. */
  private firstLineStart(start: number): number {
    for (let at = start - 1; at < this.end && at < this.size;) {
      if (at - this.base >= this.filled && !this.fill(at)) {
        return -1;
      }
      const nl = this.buf.indexOf(0x0a, at - this.base);
      if (nl !== -1 && nl < this.filled) {
        return this.base + nl + 1;
      }
      at = this.base + this.filled;
    }
    return -1;
  }

  /** Reads on from file offset `keep` (bytes before it are dropped); false at the end of the file. */
  private fill(keep: number): boolean {
    const kept = this.base + this.filled - keep;
    if (kept > 0 && keep > this.base) {
      this.buf.copy(this.buf, 0, keep - this.base, this.filled);
    }
    this.base = keep;
    this.filled = Math.max(0, kept);
    if (this.filled === this.buf.length) {
      // A line longer than the buffer: the buffer grows to hold it (the line is decoded whole anyway).
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.filled);
      this.buf = bigger;
    }
    const position = this.base + this.filled;
    if (position >= this.size) {
      return false;
    }
    // Past `end` only the last line is wanted: read on in steps there, not a whole buffer of the next range (steps
    // as long as what is kept, so a long line takes few reads).
    const wanted = Math.max(this.end - position, TAIL_BYTES, this.filled);
    const length = Math.min(this.buf.length - this.filled, this.size - position, wanted);
    const read = readSync(this.fd, this.buf, this.filled, length, position);
    this.filled += read;
    return read > 0;
  }

  /**
   * Returns '' for the line that starts at `start`, longer than `maxLineBytes`, with `lastTooLong` and `lastHead` set:
   * keeps its head, then reads through to its end in the buffer as it is (it does not grow for the line).
   */
  private readThrough(start: number): string {
    const from = start - this.base;
    this.lastHead = this.buf.toString('utf8', from, Math.min(this.filled, from + HEAD_BYTES));
    this.lastInBytes = false;
    this.lineNo++;
    const inBuffer = this.buf.subarray(from, this.filled).indexOf(0x0a);
    let end = inBuffer === -1 ? -1 : start + inBuffer;
    while (end === -1) {
      const position = this.base + this.filled;
      this.base = position;
      this.filled = position < this.size ? readSync(this.fd, this.buf, 0, this.buf.length, position) : 0;
      if (this.filled === 0) {
        break;
      }
      const nl = this.buf.subarray(0, this.filled).indexOf(0x0a);
      end = nl === -1 ? -1 : position + nl;
    }
    this.next = end === -1 ? -1 : end + 1;
    this.lastTooLong = (end === -1 ? this.size : end) - start;
    return '';
  }

  /** The read buffer, for the thread's next block. */
  get buffer(): Buffer {
    return this.buf;
  }

  /** The text of the next line of the range, or undefined past its last. */
  nextLine(): string | undefined {
    const start = this.next;
    if (start < 0 || start >= this.end || start >= this.size) {
      return undefined;
    }
    if (start - this.base >= this.filled) {
      this.fill(start);
    }
    let nl = this.buf.indexOf(0x0a, start - this.base);
    while (nl === -1 || nl >= this.filled) {
      const searched = this.base + this.filled;
      if (searched - start > this.maxLineBytes) {
        return this.readThrough(start);
      }
      if (!this.fill(start)) {
        nl = -1;
        break;
      }
      nl = this.buf.indexOf(0x0a, searched - this.base);
    }
    let from = start - this.base;
    let to = nl === -1 ? this.filled : nl;
    if (to - from > this.maxLineBytes) {
      return this.readThrough(start);
    }
    this.next = nl === -1 ? -1 : this.base + nl + 1;
    if (
      start === 0 &&
      to - from >= 3 &&
      this.buf[from] === 0xef &&
      this.buf[from + 1] === 0xbb &&
      this.buf[from + 2] === 0xbf
    ) {
      from += 3;
    }
    if (to > from && this.buf[to - 1] === 0x0d) {
      to--;
    }
    this.lineNo++;
    const line = this.buf.subarray(from, to);
    this.lastInBytes = false;
    this.lastTooLong = 0;
    if (isAscii(line)) {
      return this.buf.toString('latin1', from, to);
    }
    if (this.bytesAllowed && line.indexOf('\\u') === -1 && isUtf8(line)) {
      this.lastInBytes = true;
      return this.buf.toString('latin1', from, to);
    }
    return this.buf.toString('utf8', from, to);
  }
}
