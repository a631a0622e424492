import { writeAtomically } from './atomicWriter';
import { csvHeader, exportRecord, formatRecord, type ExportFormat } from './exportFormat';
import { addRow, emptySummary, type RowSummary } from './rowSummary';
import type { ResultRow } from './resultRow';

export interface ExportOptions {
  format: ExportFormat;
  /** Only the failed rows and those without an answer (what to look at, or to fix by hand). */
  failedOnly?: boolean;
}

/** Streams rows as CSV (with a header) or JSONL through `write`; returns the summary of every row read. */
export async function writeRows(
  rows: AsyncIterable<ResultRow>,
  options: ExportOptions,
  write: (text: string) => Promise<void> | void,
): Promise<RowSummary> {
  const summary = emptySummary();
  if (options.format === 'csv') {
    await write(csvHeader());
  }
  for await (const row of rows) {
    addRow(summary, row);
    if (options.failedOnly && row.ok && !row.noAnswer) {
      continue;
    }
    await write(formatRecord(exportRecord(row), options.format));
  }
  return summary;
}

/** Exports rows to `outPath`, streamed and atomic (a temp file renamed into place). */
export function exportToFile(
  rows: AsyncIterable<ResultRow>,
  outPath: string,
  options: ExportOptions,
): Promise<RowSummary> {
  return writeAtomically(outPath, (write) => writeRows(rows, options, write));
}
