import { promises as fsp } from 'node:fs';
import { splitLines } from './textLines';

/** How much of a file's start is read to judge it: the kind vote reads only the first lines. */
const HEAD_BYTES = 256 * 1024;

/** The whole lines among the first bytes of a file on disk (a line the read cuts is left out). */
export async function headLines(file: string): Promise<string[]> {
  const handle = await fsp.open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const lines = splitLines(buffer.subarray(0, bytesRead).toString('utf8'));
    if (bytesRead === HEAD_BYTES) {
      lines.pop();
    }
    return lines;
  } finally {
    await handle.close();
  }
}
