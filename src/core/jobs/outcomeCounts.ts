/**
 * How many results came to each outcome: the counters that the summary of a results file (summarizeResults.ts) and
 * the results view's header (results/rowSummary.ts) both keep, built in one place so they stay the same.
 */
export interface OutcomeCounts {
  total: number;
  /** Results with an answer: a response without one is counted in `noAnswer` instead. */
  succeeded: number;
  /** Responses with no usable answer (blocked, out of tokens before any text, empty): noAnswer.ts. */
  noAnswer: number;
  /** Those by reason as written (`SAFETY`, `MAX_TOKENS`, `content_filter`, a prompt's block reason…). */
  byNoAnswerReason: Record<string, number>;
  failed: number;
  /** Failure counts by code (`INVALID_ARGUMENT`, `batch_expired`, `missing_result`, `unparseable_line`, …). */
  byErrorCode: Record<string, number>;
}

/** All counters at zero, with fresh maps (the counts are mutated while streaming). */
export function emptyCounts(): OutcomeCounts {
  return { total: 0, succeeded: 0, noAnswer: 0, byNoAnswerReason: {}, failed: 0, byErrorCode: {} };
}
