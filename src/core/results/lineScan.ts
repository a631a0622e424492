import { open } from 'node:fs/promises';

/** Called for each physical line: its bytes (no EOL, valid only during the call) and the offset of its first byte. */
export type LineVisitor = (bytes: Buffer, offset: number) => void;

const CHUNK = 1 << 20;
/** The first read is small, so the first rows of a big file are ready after a few milliseconds. */
const FIRST_CHUNK = 64 << 10;

export interface ScanLinesOptions {
  signal?: AbortSignal;
  /** Bytes read at a time after the first read (tests use tiny chunks to cross line ends). */
  chunkSize?: number;
  /** Awaited before each read: lets a reader of pages go first while the scan runs (the view's first rows). */
  gate?: () => Promise<void> | undefined;
}

/**
 * Visits every line of a file in one streaming pass, synchronously within each 1 MB chunk: no promise per line,
 * which is what makes indexing a 1 GB file bound by JSON.parse rather than by the reader. Same line rules as
 * lineReader.readLines (LF or CRLF, a UTF-8 BOM dropped from the first line, a last line without EOL). A line longer
 * than a chunk (`chunkSize`, smaller in tests) is gathered across chunks; only it and the current chunk are ever in memory.
 */
export async function scanLines(path: string, visit: LineVisitor, options: ScanLinesOptions = {}): Promise<void> {
  const { signal, gate } = options;
  const chunkSize = options.chunkSize ?? CHUNK;
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkSize);
    let carry: Buffer[] = [];
    let carryStart = 0;
    let position = 0;
    let first = true;
    const emit = (bytes: Buffer, offset: number) => {
      let b = bytes;
      let at = offset;
      if (first) {
        first = false;
        if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
          b = b.subarray(3);
          at += 3;
        }
      }
      if (b.length && b[b.length - 1] === 0x0d) {
        b = b.subarray(0, b.length - 1);
      }
      visit(b, at);
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
          emit(Buffer.concat([...carry, buf.subarray(start, nl)]), carryStart);
          carry = [];
        } else {
          emit(buf.subarray(start, nl), position + start);
        }
        start = nl + 1;
      }
      if (start < buf.length) {
        if (!carry.length) {
          carryStart = position + start;
        }
        // Copied: the chunk buffer is reused by the next read.
        carry.push(Buffer.from(buf.subarray(start)));
      }
      position += bytesRead;
    }
    if (carry.length) {
      emit(Buffer.concat(carry), carryStart);
    }
  } finally {
    await handle.close();
  }
}
