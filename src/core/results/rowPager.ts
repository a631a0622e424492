import { open } from 'node:fs/promises';
import { parseObjectLine, readLineHead } from '../jobs/lineReader';
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
  const wanted = Array.from(indices).filter((i) => Number.isInteger(i) && i >= 0 && i < table.rowCount);
  if (wanted.length === 0) {
    return [];
  }
  const handle = await open(path, 'r');
  try {
    const span = spanOf(table, wanted);
    // A page in file order is one stretch of the file: one read instead of fifty (and one turn of the event loop
    // while a scan runs). Scattered rows (sorted, filtered) are read one by one.
    const block = span ? Buffer.alloc(span.end - span.start) : undefined;
    if (block && span) {
      await handle.read(block, 0, block.length, span.start);
    }
    const out: PagedRow[] = [];
    for (const index of wanted) {
      const length = table.lengths.get(index);
      const offset = table.offsets.get(index);
      let bytes: Buffer;
      if (block && span) {
        bytes = block.subarray(offset - span.start, offset - span.start + length);
      } else {
        // Read only as much as parseObjectLine looks at: a 600 MB row is unparseable, not a 600 MB buffer.
        bytes = await readLineHead(handle, offset, length);
      }
      const parsed = parseObjectLine(bytes);
      out.push({ index, row: parsed ? toResultRow(parsed) : unparseableRow() });
    }
    return out;
  } finally {
    await handle.close();
  }
}

const MAX_SPAN = 8 << 20;

/** The byte range covering the rows, when reading it whole wastes little (at most 4× the rows' bytes, 8 MB). */
function spanOf(table: ResultsTable, indices: number[]): { start: number; end: number } | undefined {
  let start = Infinity;
  let end = 0;
  let bytes = 0;
  for (const i of indices) {
    const offset = table.offsets.get(i);
    start = Math.min(start, offset);
    end = Math.max(end, offset + table.lengths.get(i));
    bytes += table.lengths.get(i);
  }
  const size = end - start;
  return indices.length > 1 && size <= MAX_SPAN && size <= 4 * bytes ? { start, end } : undefined;
}

/** `count` rows of a selection from `start`: the page the webview's visible window needs. */
export function pageOf(selection: Uint32Array, start: number, count: number): Uint32Array {
  const from = Math.max(0, Math.min(Math.floor(start) || 0, selection.length));
  const to = Math.max(from, Math.min(from + Math.max(0, Math.floor(count) || 0), selection.length));
  return selection.subarray(from, to);
}
