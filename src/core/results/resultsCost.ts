import type { PriceOverride } from '../pricing/prices';
import { readResultRows } from './resultRows';
import { addRow, emptySummary, type RowSummary } from './rowSummary';

/** What a job's results cost at batch price: the results view header's figure, kept on the job's record. */
export type ResultsCost = RowSummary['cost'];

/**
 * Streams result files (results, then errors) and prices every answered row from the usage it reports and the price
 * table, as the results view's header does (rowSummary): unknown models are counted apart, never guessed.
 */
export async function resultsCost(
  paths: readonly string[],
  prices?: ReadonlyMap<string, PriceOverride>,
  signal?: AbortSignal,
): Promise<ResultsCost> {
  const summary = emptySummary();
  for await (const row of readResultRows(paths, signal)) {
    addRow(summary, row, prices);
  }
  return summary.cost;
}
