import { promises as fs } from 'fs';
import { ByteLineScanner, type LineSink } from '../jsonl/byteLineScanner';
import { IssueCode } from './issueCodes';
import type { ValidationSummary } from './types';
import { ValidationSession, type ValidationOptions } from './validationSession';

export interface ValidateFileOptions extends ValidationOptions {
  signal?: AbortSignal;
  /** Called after each chunk read. */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** Longest line read and validated, in bytes; longer ones get one `line-too-long` issue. Default 64 MiB. */
  maxLineBytes?: number;
}

/** The validation was cancelled through its AbortSignal. */
export class ValidationCancelledError extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('Validation cancelled');
    this.name = 'ValidationCancelledError';
  }
}

/** The file could not be opened or read. `code` is the system error code (ENOENT, EACCES, EISDIR...). */
export class FileReadError extends Error {
  readonly kind = 'file-read';
  constructor(
    readonly path: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(`Cannot read ${path}: ${code}`, { cause });
    this.name = 'FileReadError';
  }
}

/**
 * Read size: big enough to amortise each read, small enough that the string decoded from it (two bytes a character
 * once a chunk holds any non-Latin-1 text) stays under V8's large-object size (128 KiB). A larger string goes to the
 * large-object space and, being alive at each young-generation collection (its lines are being validated), is
 * promoted there: 256 KiB chunks left ~10 MB more garbage in the peak RSS of a 1 GB file, and were no faster.
 */
const CHUNK_BYTES = 32 * 1024;

function sinkFor(session: ValidationSession): LineSink {
  const at = (line: number, startCol: number, endCol: number) => ({ line, startCol, endLine: line, endCol });
  return {
    onLine: (text, line) => session.addLine(text, line),
    onInvalidUtf8: (line, column, byte) =>
      session.addLineIssue({
        code: IssueCode.InvalidUtf8,
        severity: 'error',
        params: { byte: `0x${byte.toString(16).padStart(2, '0').toUpperCase()}` },
        ...at(line, column, column + 1),
      }),
    onLineTooLong: (line, bytes, head) =>
      session.addLineIssue(
        {
          code: IssueCode.LineTooLong,
          severity: 'error',
          params: { bytes },
          ...at(line, 0, 0),
        },
        head,
      ),
    onBinary: (line, encoding) =>
      session.addFileIssue({
        code: IssueCode.BinaryFile,
        severity: 'error',
        params: encoding ? { encoding } : {},
        ...at(line, 0, 0),
      }),
  };
}

/**
 * Validates a batch file of any size by streaming it: memory stays flat (one chunk, one partial line, the id index,
 * and at most `maxIssues` issues). Rejects with FileReadError when the file cannot be read and with
 * ValidationCancelledError when `signal` aborts.
 */
export async function validateFile(path: string, options: ValidateFileOptions = {}): Promise<ValidationSummary> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'r');
  } catch (error) {
    throw new FileReadError(path, (error as NodeJS.ErrnoException).code ?? 'EIO', error);
  }
  try {
    const session = new ValidationSession(options);
    const scanner = new ByteLineScanner(sinkFor(session), { maxLineBytes: options.maxLineBytes });
    let read = 0;
    // Only the file system's failures are read errors: a failure of the validation itself (a bug) must surface as
    // what it is, never as "cannot read FILE: EIO".
    const readFailure = (error: unknown): FileReadError =>
      new FileReadError(path, (error as NodeJS.ErrnoException).code ?? 'EIO', error);
    const total = (
      await handle.stat().catch((error: unknown) => {
        throw readFailure(error);
      })
    ).size;
    // Two buffers, used in turn: the next read runs while this chunk is validated. The scanner copies the partial
    // line it carries, so reusing a buffer is safe and memory stays flat.
    const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
    let turn = 0;
    const readNext = () => {
      const next = handle.read(buffers[turn], 0, CHUNK_BYTES, null).catch((error: unknown) => {
        throw readFailure(error);
      });
      // If validation throws while a read is in flight, that read's failure must not go unhandled.
      next.catch(() => undefined);
      return next;
    };
    let pending = readNext();
    for (;;) {
      const { bytesRead, buffer } = await pending;
      if (bytesRead === 0) {
        break;
      }
      if (options.signal?.aborted) {
        throw new ValidationCancelledError();
      }
      turn ^= 1;
      pending = readNext();
      read += bytesRead;
      const more = scanner.push(buffer.subarray(0, bytesRead));
      options.onProgress?.(read, total);
      if (!more) {
        await pending.catch(() => undefined);
        break;
      }
    }
    scanner.end();
    return session.finish(Math.max(total, read), scanner.lines);
  } finally {
    await handle.close();
  }
}
