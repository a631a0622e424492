import { emptyCounts, type OutcomeCounts } from '../jobs/outcomeCounts';
import type { PriceOverride } from '../pricing/prices';
import { usageCostDetail } from '../pricing/usageCost';
import type { ErrorAdvice } from './errorOf';
import type { ResultRow } from './resultRow';

/**
 * What the results view's header says, also printed by `gemini-batch results`: one accumulator for both. A response
 * without an answer counts in `noAnswer`, and its tokens and cost still count.
 */
export interface RowSummary extends OutcomeCounts {
  /** The advice of each error code (the same code always has the same advice). */
  adviceByCode: Record<string, ErrorAdvice>;
  /** Successful rows by finish reason (`STOP`, `MAX_TOKENS`, `length`, …); `none` when the answer gives none. */
  byFinishReason: Record<string, number>;
  /** Sums over the rows that report them; a row without a reported total counts prompt + output + thoughts. */
  tokens: { prompt: number; output: number; thoughts: number; cached: number; total: number };
  /**
   * What the answered rows cost at batch price, from the tokens they report and the price table (core/pricing):
   * rows whose model has no known price are counted apart, never priced by a guess. `upperBound`: some cached
   * tokens had no known batch cached price and were priced as input, so the figure can only be too high.
   */
  cost: { batchUsd: number; pricedRows: number; unpricedRows: number; upperBound: boolean };
}

export function emptySummary(): RowSummary {
  return {
    ...emptyCounts(),
    adviceByCode: {},
    byFinishReason: {},
    tokens: { prompt: 0, output: 0, thoughts: 0, cached: 0, total: 0 },
    cost: { batchUsd: 0, pricedRows: 0, unpricedRows: 0, upperBound: false },
  };
}

/** A deep copy, to hand out while the original keeps counting. */
export function copySummary(s: RowSummary): RowSummary {
  return {
    ...s,
    byErrorCode: { ...s.byErrorCode },
    byNoAnswerReason: { ...s.byNoAnswerReason },
    adviceByCode: { ...s.adviceByCode },
    byFinishReason: { ...s.byFinishReason },
    tokens: { ...s.tokens },
    cost: { ...s.cost },
  };
}

/** Results of a batch job are billed at batch price; output includes thoughts (RowTokens keeps them apart). */
function addCost(summary: RowSummary, row: ResultRow, prices?: ReadonlyMap<string, PriceOverride>): void {
  const t = row.tokens;
  const usage = {
    inputTokens: t.prompt ?? 0,
    outputTokens: (t.output ?? 0) + (t.thoughts ?? 0),
    cachedTokens: t.cached ?? 0,
  };
  const priced = row.modelVersion ? usageCostDetail(row.modelVersion, usage, 'batch', prices) : undefined;
  if (priced === undefined) {
    summary.cost.unpricedRows++;
  } else {
    summary.cost.batchUsd += priced.usd;
    summary.cost.pricedRows++;
    summary.cost.upperBound ||= priced.cachedAtInputPrice;
  }
}

/** Counts one row into `summary` (mutates it: summaries are built while streaming). `prices`: the user's overrides. */
export function addRow(summary: RowSummary, row: ResultRow, prices?: ReadonlyMap<string, PriceOverride>): void {
  summary.total++;
  if (row.ok && row.noAnswer) {
    const reason = row.noAnswer.reason;
    summary.noAnswer++;
    summary.byNoAnswerReason[reason] = (summary.byNoAnswerReason[reason] ?? 0) + 1;
    addCost(summary, row, prices); // priced from the tokens it reports, as any response
  } else if (row.ok) {
    summary.succeeded++;
    const reason = row.finishReason ?? 'none';
    summary.byFinishReason[reason] = (summary.byFinishReason[reason] ?? 0) + 1;
    addCost(summary, row, prices);
  } else {
    summary.failed++;
    const code = row.error?.code ?? 'error';
    summary.byErrorCode[code] = (summary.byErrorCode[code] ?? 0) + 1;
    summary.adviceByCode[code] = row.error?.advice ?? 'unknown';
  }
  const t = row.tokens;
  for (const name of ['prompt', 'output', 'thoughts', 'cached'] as const) {
    summary.tokens[name] += t[name] ?? 0;
  }
  summary.tokens.total += t.total ?? (t.prompt ?? 0) + (t.output ?? 0) + (t.thoughts ?? 0);
}

/**
 * Counts a stream of rows into a new summary, handing each row to `each` on the way (what a caller prints of it):
 * the one pass for a summary without an export (the CLI's text and JSON summaries).
 */
export async function summarizeRows(
  rows: AsyncIterable<ResultRow>,
  each?: (row: ResultRow) => void,
): Promise<RowSummary> {
  const summary = emptySummary();
  for await (const row of rows) {
    addRow(summary, row);
    each?.(row);
  }
  return summary;
}
