import { open } from 'node:fs/promises';
import { parseObjectLine } from '../jobs/lineReader';
import type { ResultsTable } from './resultsTable';
import { toResultRow, unparseableRow, type ResultRow } from './resultRow';

export interface PagedRow {
  /** The row's index in the table (file order), what the view keeps to ask for it again. */
  index: number;
  row: ResultRow;
}

/**
 * Reads the given rows from disk by their offsets (one positioned read each) and decodes them. Only these lines are
 * in memory: the view asks for a screenful at a time. Indices outside the table are skipped, so a stale request
 * from the webview after the file changed cannot throw.
 */
export async function readRows(path: string, table: ResultsTable, indices: ArrayLike<number>): Promise<PagedRow[]> {
  const handle = await open(path, 'r');
  try {
    const out: PagedRow[] = [];
    for (let k = 0; k < indices.length; k++) {
      const index = indices[k];
      if (!Number.isInteger(index) || index < 0 || index >= table.rowCount) {
        continue;
      }
      const length = table.lengths.get(index);
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, table.offsets.get(index));
      const parsed = parseObjectLine(buffer.subarray(0, bytesRead));
      out.push({ index, row: parsed ? toResultRow(parsed) : unparseableRow() });
    }
    return out;
  } finally {
    await handle.close();
  }
}

/** `count` rows of a selection from `start`: the page the webview's visible window needs. */
export function pageOf(selection: Uint32Array, start: number, count: number): Uint32Array {
  const from = Math.max(0, Math.min(Math.floor(start) || 0, selection.length));
  const to = Math.max(from, Math.min(from + Math.max(0, Math.floor(count) || 0), selection.length));
  return selection.subarray(from, to);
}
