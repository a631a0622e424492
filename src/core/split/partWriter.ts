import { promises as fsp } from 'node:fs';

/** Bytes gathered before one write: large enough that a million short lines cost a few hundred writes. */
const FLUSH_BYTES = 1 << 20;

/**
 * One output file written under a temporary name and given its real name only by {@link commit}: a reader never sees
 * a half-written file, and {@link discard} leaves nothing behind. Writes are gathered into ~1 MB buffers.
 */
export class PartWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes appended so far (written or pending). */
  bytes = 0;

  private constructor(
    readonly tempPath: string,
    private readonly handle: fsp.FileHandle,
  ) {}

  /** Opens a new temp file beside `finalPath` (exclusive create: never reuses an existing one). */
  static async open(finalPath: string, salt: string): Promise<PartWriter> {
    const tempPath = `${finalPath}.${process.pid}.${salt}.tmp`;
    return new PartWriter(tempPath, await fsp.open(tempPath, 'wx'));
  }

  /** Appends bytes; the caller must not change `data` afterwards (it is kept until the next flush). */
  async append(data: Buffer): Promise<void> {
    this.pending.push(data);
    this.pendingBytes += data.length;
    this.bytes += data.length;
    if (this.pendingBytes >= FLUSH_BYTES) {
      await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) {
      return;
    }
    const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.handle.write(data);
  }

  /** Flushes and closes the temp file; it keeps its temp name until {@link commit}. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
  }

  /** Gives the closed temp file its final name (replacing a file of that name). */
  async commit(finalPath: string): Promise<void> {
    await fsp.rename(this.tempPath, finalPath);
  }

  /** Closes (if still open) and removes the temp file; never throws (it runs on the way out of a failure). */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await fsp.rm(this.tempPath, { force: true }).catch(() => undefined);
  }
}
