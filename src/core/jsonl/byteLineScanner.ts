import { isUtf8 } from 'buffer';
import { firstInvalidUtf8 } from './utf8';

/** Receives what the scanner finds, in file order. Line indexes are 0-based; columns are UTF-16 code units. */
export interface LineSink {
  /** A decoded line, without its line break (and without the BOM on line 0). */
  onLine(text: string, line: number): void;
  /** A line with bytes that are not UTF-8; `column` is where the first bad byte sits, `byte` its value. */
  onInvalidUtf8(line: number, column: number, byte: number): void;
  /**
   * A line longer than the scanner's cap: skipped without being buffered. `bytes` is its length; `head` its first
   * bytes as text (at most {@link HEAD_BYTES}), enough to tell how it starts (`[`: a whole JSON array on one line).
   */
  onLineTooLong(line: number, bytes: number, head: string): void;
  /** A NUL byte: the input is not UTF-8 text (`utf16` when it starts with a UTF-16 byte-order mark). The scanner stops. */
  onBinary(line: number, encoding?: 'utf16'): void;
}

export interface ScannerOptions {
  /** Longest line the scanner buffers and decodes, in bytes (default 64 MiB). Longer lines are skipped and reported. */
  maxLineBytes?: number;
}

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
/** How much of a line too long to read is kept to say how it starts. */
export const HEAD_BYTES = 64;

/** The first bytes of a line as text (a character cut at the end decodes as U+FFFD: only the start matters). */
const headOf = (bytes: Buffer): string => bytes.subarray(0, HEAD_BYTES).toString('utf8');

/**
 * Splits a byte stream into lines, pushed chunk by chunk. Memory stays flat: only a partial line is carried (copied)
 * between chunks, and never more than `maxLineBytes` of it. Valid UTF-8 regions are decoded in one go (a fast native check
 * first); only a region that fails is taken apart line by line to place the bad byte.
 */
export class ByteLineScanner {
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private skipping = false;
  private skippedBytes = 0;
  /** The start of the line being skipped. */
  private skippedHead = '';
  private line = 0;
  private atStart = true;
  private head: Buffer | undefined;
  private stopped = false;
  private readonly maxLineBytes: number;

  constructor(
    private readonly sink: LineSink,
    options: ScannerOptions = {},
  ) {
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  /** Physical lines seen so far (a final line break does not start another line). */
  get lines(): number {
    return this.line;
  }

  /** Feeds the next chunk (the scanner copies what it keeps, so the buffer may be reused). Returns false once stopped. */
  push(input: Buffer): boolean {
    if (this.stopped) {
      return false;
    }
    let chunk = input;
    let start = 0;
    if (this.atStart) {
      // The BOM may arrive split over tiny chunks: hold the first bytes until there are three.
      chunk = this.head ? Buffer.concat([this.head, input]) : input;
      if (chunk.length < 3) {
        this.head = Buffer.from(chunk);
        return true;
      }
      this.head = undefined;
      this.atStart = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        start = 3;
      }
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        this.stopped = true;
        this.sink.onBinary(0, 'utf16');
        return false;
      }
    }
    const nul = chunk.indexOf(0, start);
    if (nul !== -1) {
      // Lines before the one holding the NUL are still text: scan them, then stop.
      const lineStart = chunk.lastIndexOf(10, nul) + 1;
      if (lineStart > start) {
        this.pushText(chunk.subarray(0, lineStart), start);
      }
      this.stopped = true;
      this.carry = [];
      this.carryBytes = 0;
      this.skipping = false;
      this.sink.onBinary(this.line);
      return false;
    }
    this.pushText(chunk, start);
    return true;
  }

  /** Scans `chunk` from `start`; the chunk holds no NUL. */
  private pushText(chunk: Buffer, from: number): void {
    let start = from;
    if (this.skipping || this.carryBytes > 0) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) {
        this.addCarry(chunk.subarray(start));
        return;
      }
      if (this.skipping) {
        this.sink.onLineTooLong(this.line++, this.skippedBytes + (nl - start), this.skippedHead);
        this.skipping = false;
        this.skippedBytes = 0;
      } else {
        const whole = Buffer.concat([...this.carry, chunk.subarray(start, nl)]);
        this.carry = [];
        this.carryBytes = 0;
        this.emitLine(whole);
      }
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(10);
    if (last >= start) {
      this.emitRegion(chunk.subarray(start, last));
      start = last + 1;
    }
    if (start < chunk.length) {
      this.addCarry(chunk.subarray(start));
    }
  }

  /** Ends the input: the last line needs no line break. */
  end(): void {
    if (this.stopped) {
      return;
    }
    if (this.head) {
      // Fewer than three bytes in all: no room for a BOM.
      const head = this.head;
      this.head = undefined;
      this.atStart = false;
      if (!this.push(head)) {
        return;
      }
    }
    if (this.skipping) {
      this.sink.onLineTooLong(this.line++, this.skippedBytes, this.skippedHead);
    } else if (this.carryBytes > 0) {
      this.emitLine(Buffer.concat(this.carry));
    }
    this.carry = [];
    this.carryBytes = 0;
    this.skipping = false;
    this.stopped = true;
  }

  private addCarry(piece: Buffer): void {
    if (this.skipping) {
      this.skippedBytes += piece.length;
      return;
    }
    this.carryBytes += piece.length;
    if (this.carryBytes > this.maxLineBytes) {
      // Too long to hold: forget what was buffered and only count the rest of the line.
      this.skipping = true;
      this.skippedBytes = this.carryBytes;
      this.skippedHead = this.headOfCarry(piece);
      this.carry = [];
      this.carryBytes = 0;
      return;
    }
    // A copy: the caller may reuse its chunk buffer for the next read.
    this.carry.push(Buffer.from(piece));
  }

  /** The first bytes of the line held in the carry, then `piece`: only as many pieces as reach {@link HEAD_BYTES}. */
  private headOfCarry(piece: Buffer): string {
    const parts: Buffer[] = [];
    let bytes = 0;
    for (const part of [...this.carry, piece]) {
      parts.push(part);
      bytes += part.length;
      if (bytes >= HEAD_BYTES) {
        break;
      }
    }
    return headOf(Buffer.concat(parts));
  }

  /** Lines separated by LF, with no final LF. */
  private emitRegion(region: Buffer): void {
    if (region.length > this.maxLineBytes) {
      // Only possible with huge chunks; go line by line so the cap holds.
      this.emitLinesOneByOne(region);
      return;
    }
    if (!isUtf8(region)) {
      this.emitLinesOneByOne(region);
      return;
    }
    const text = region.toString('utf8');
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      const end = nl === -1 ? text.length : nl;
      const cr = end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      this.sink.onLine(text.slice(from, cr), this.line++);
      if (nl === -1) {
        return;
      }
      from = nl + 1;
    }
  }

  private emitLinesOneByOne(region: Buffer): void {
    let from = 0;
    for (;;) {
      const nl = region.indexOf(10, from);
      const end = nl === -1 ? region.length : nl;
      const piece = region.subarray(from, end);
      if (piece.length > this.maxLineBytes) {
        this.sink.onLineTooLong(this.line++, piece.length, headOf(piece));
      } else {
        this.emitLine(piece);
      }
      if (nl === -1) {
        return;
      }
      from = nl + 1;
    }
  }

  private emitLine(bytes: Buffer): void {
    const body = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, bytes.length - 1) : bytes;
    if (isUtf8(body)) {
      this.sink.onLine(body.toString('utf8'), this.line++);
      return;
    }
    const bad = firstInvalidUtf8(body);
    const at = bad < 0 ? 0 : bad;
    this.sink.onInvalidUtf8(this.line++, body.subarray(0, at).toString('utf8').length, body[at] ?? 0);
  }
}
