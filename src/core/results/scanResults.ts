import { isBlankBytes, parseObjectLine } from '../jobs/lineReader';
import { scanLines } from './lineScan';
import type { PriceOverride } from '../pricing/prices';
import { ResultsTable } from './resultsTable';
import { toResultRow, unparseableRow } from './resultRow';

export interface ScanOptions {
  signal?: AbortSignal;
  /**
   * Progress: `lines` after the first `firstBatch` lines (a screenful) and when pass 1 ends; `facts` every `batch`
   * rows of pass 2 and when it ends (`done`).
   */
  onRows?: (table: ResultsTable, phase: 'lines' | 'facts', done: boolean) => void;
  firstBatch?: number;
  batch?: number;
  /** The user's price overrides, for the header's cost. */
  prices?: ReadonlyMap<string, PriceOverride>;
  /** See ScanLinesOptions.gate. */
  gate?: () => Promise<void> | undefined;
}

/**
 * Indexes a results file in two streaming passes. Pass 1 only finds lines (offset and length of each non-blank
 * one, at about the speed of reading the file): the list can show and page rows right away. Pass 2 parses each line
 * for its facts (ok, finish reason, error code, tokens), which the header, the filters and the sort use; a line
 * that is not a JSON object is a failed row (`unparseable_line`), never dropped. Only one line is in memory at a
 * time, so a 1 GB file costs the table (~16 bytes a row), not the file.
 */
export async function scanResults(path: string, options: ScanOptions = {}): Promise<ResultsTable> {
  const table = new ResultsTable(options.prices);
  const first = options.firstBatch ?? 50;
  const every = options.batch ?? 5000;
  const lineOptions = { signal: options.signal, gate: options.gate };
  await scanLines(
    path,
    (bytes, offset, length) => {
      // Blank lines are not rows: the service never writes them.
      if (isBlankBytes(bytes)) {
        return;
      }
      table.addLine(offset, length);
      if (table.rowCount === first) {
        options.onRows?.(table, 'lines', false);
      }
    },
    lineOptions,
  );
  options.onRows?.(table, 'lines', true);
  let next = every;
  await scanLines(
    path,
    (bytes, offset) => {
      const row = table.factsCount;
      // Lines are matched to rows by offset; a file changed since pass 1 stops matching, and its rows stay unknown.
      if (row >= table.rowCount || table.offsets.get(row) !== offset) {
        return;
      }
      const parsed = parseObjectLine(bytes);
      table.addFacts(parsed ? toResultRow(parsed) : unparseableRow());
      if (table.factsCount === next) {
        next += every;
        options.onRows?.(table, 'facts', false);
      }
    },
    lineOptions,
  );
  options.onRows?.(table, 'facts', true);
  return table;
}
