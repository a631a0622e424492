import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

// A split of `data.jsonl` into 2 parts next to `data.part-03.jsonl` and `data.part-04.jsonl` of an earlier split into
// 4 would leave a folder whose parts, submitted together, send stale lines twice over. The earlier parts are removed
// rather than the split refused: they are our own output, named by partPath from this very file, and a new split is
// the user asking for them to be redone (the ones of the same name were always replaced); refusing would only make
// them delete the files by hand, in the CLI and the editor alike. They go only once the new parts all have their
// names, so a failed or cancelled split leaves the earlier set as it was.

/** Regular-expression text matching `text` literally. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The parts of an earlier split of `file` beside it: regular files named as partPath names them (`data.part-NN.jsonl`,
 * the number two digits or more), in name order. Empty when the folder cannot be listed.
 */
export async function earlierParts(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  const ext = path.extname(file);
  const stem = path.basename(file, ext);
  const pattern = new RegExp(`^${literal(stem)}\\.part-\\d{2,}${literal(ext)}$`);
  try {
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && pattern.test(e.name))
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/** Removes the given files (one already gone is no error). */
export async function removeParts(parts: readonly string[]): Promise<void> {
  await Promise.all(parts.map((p) => fsp.rm(p, { force: true })));
}
