import * as path from 'node:path';

/**
 * The path of part `index` (1-based) of `count` beside `file`: `data.jsonl` → `data.part-01.jsonl`. The number is
 * padded to the width of `count` (two digits at least) so the parts sort in order in a file listing.
 */
export function partPath(file: string, index: number, count: number): string {
  const ext = path.extname(file);
  const stem = ext === '' ? file : file.slice(0, -ext.length);
  const width = Math.max(2, String(count).length);
  return `${stem}.part-${String(index).padStart(width, '0')}${ext}`;
}
