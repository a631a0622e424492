import { parseObjectLine } from '../jobs/lineReader';
import { scanLines } from './lineScan';
import { ResultsTable } from './resultsTable';
import { toResultRow, unparseableRow } from './resultRow';

export interface ScanOptions {
  signal?: AbortSignal;
  /** Called as rows arrive (after the first `firstBatch` rows, a screenful, then every `batch` rows) and once at the end. */
  onRows?: (table: ResultsTable, done: boolean) => void;
  firstBatch?: number;
  batch?: number;
  /** See ScanLinesOptions.gate. */
  gate?: () => Promise<void> | undefined;
}

/** Whether a line holds anything but whitespace (blank lines are not rows: the service never writes them). */
function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) {
      return false;
    }
  }
  return true;
}

/**
 * One streaming pass over a results file: every non-blank line becomes a row of the table (offset, length and its
 * compact facts); a line that is not a JSON object is a failed row (`unparseable_line`), never dropped. Only one line
 * is in memory at a time, so a 1 GB file costs the table (~24 bytes a row), not the file. `onRows` lets the view show
 * the first rows long before the pass ends.
 */
export async function scanResults(path: string, options: ScanOptions = {}): Promise<ResultsTable> {
  const table = new ResultsTable();
  const first = options.firstBatch ?? 50;
  const every = options.batch ?? 5000;
  let next = first;
  await scanLines(path, (bytes, offset) => {
    if (isBlank(bytes)) {
      return;
    }
    const parsed = parseObjectLine(bytes);
    table.add(offset, bytes.length, parsed ? toResultRow(parsed) : unparseableRow());
    if (table.rowCount === next) {
      next += every;
      options.onRows?.(table, false);
    }
  }, { signal: options.signal, gate: options.gate });
  options.onRows?.(table, true);
  return table;
}
