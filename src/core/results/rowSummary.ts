import type { ResultRow } from './resultRow';

/** What the results view's header says, also printed by `gemini-batch results`. */
export interface RowSummary {
  total: number;
  succeeded: number;
  failed: number;
  /** Failure counts by code (`RESOURCE_EXHAUSTED`, `batch_expired`, `missing_result`, …). */
  byErrorCode: Record<string, number>;
  /** Successful rows by finish reason (`STOP`, `MAX_TOKENS`, `length`, …); `none` when the answer gives none. */
  byFinishReason: Record<string, number>;
  /** Sums over the rows that report them. */
  tokens: { prompt: number; output: number; thoughts: number; cached: number; total: number };
}

export function emptySummary(): RowSummary {
  return { total: 0, succeeded: 0, failed: 0, byErrorCode: {}, byFinishReason: {}, tokens: { prompt: 0, output: 0, thoughts: 0, cached: 0, total: 0 } };
}

/** Counts one row into `summary` (mutates it: summaries are built while streaming). */
export function addRow(summary: RowSummary, row: ResultRow): void {
  summary.total++;
  if (row.ok) {
    summary.succeeded++;
    const reason = row.finishReason ?? 'none';
    summary.byFinishReason[reason] = (summary.byFinishReason[reason] ?? 0) + 1;
  } else {
    summary.failed++;
    const code = row.error?.code ?? 'error';
    summary.byErrorCode[code] = (summary.byErrorCode[code] ?? 0) + 1;
  }
  for (const name of ['prompt', 'output', 'thoughts', 'cached', 'total'] as const) {
    summary.tokens[name] += row.tokens[name] ?? 0;
  }
}
