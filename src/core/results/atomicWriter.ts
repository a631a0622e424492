import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { destroyAndClose } from '../util/closeStream';

/** Writes through `write` (which honours back-pressure), awaited as a whole. */
export type Writer = (chunk: string | Uint8Array) => Promise<void>;

/**
 * Streams a file into a temp file beside `outPath` and renames it into place once `fill` resolves, so the file is
 * either absent, the previous version, or complete: never half-written. On failure the temp file is removed.
 */
export async function writeAtomically<T>(outPath: string, fill: (write: Writer) => Promise<T>): Promise<T> {
  const temp = join(dirname(outPath), `.${basename(outPath)}.${randomBytes(4).toString('hex')}.part`);
  const out = createWriteStream(temp);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const write: Writer = async (chunk) => {
    if (!out.write(chunk)) {
      await Promise.race([once(out, 'drain'), failed]);
    }
  };
  try {
    const result = await Promise.race([fill(write), failed]);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    await rename(temp, outPath);
    return result;
  } catch (error) {
    await destroyAndClose(out);
    await rm(temp, { force: true });
    throw error;
  }
}
