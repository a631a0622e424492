import { enqueuedTokenLimit, type EnqueuedTokenTable, type UsageTier } from '../split/splitLimits';

/** A file whose input tokens alone pass the Batch API's enqueued-token limit for its model and the user's tier. */
export interface EnqueuedOverflow {
  model: string;
  tier: UsageTier;
  limit: number;
  inputTokens: number;
  /** Requests per part so that each part's share of the tokens stays under the limit, with 10% headroom. */
  linesPerPart: number;
  /**
   * Input tokens per part for a split by tokens: 95% of the limit, as the offline estimate counts them (the estimate
   * is exact for plain text and within a few percent with tools; the margin covers that).
   */
  tokensPerPart: number;
}

/**
 * The enqueued-token limit is on the input tokens of all active batch jobs of a model (rate-limits page, Batch API
 * section; reference/batch-api.md §1.5): a file over it alone can never be enqueued whole, whatever else runs. Parts
 * are sized by request count in proportion to the tokens (an estimate: requests differ in size, hence the headroom).
 * Undefined when the model, the tier or the limit is unknown: no limit is claimed without a number behind it.
 */
export function enqueuedOverflow(
  table: EnqueuedTokenTable,
  tier: UsageTier,
  model: string | undefined,
  requests: number,
  inputTokens: number,
): EnqueuedOverflow | undefined {
  if (!model || model === 'mixed' || requests === 0) {
    return undefined;
  }
  const limit = enqueuedTokenLimit(table, tier, model);
  if (limit === undefined || inputTokens <= limit) {
    return undefined;
  }
  const linesPerPart = Math.max(1, Math.floor((requests * limit * 0.9) / inputTokens));
  return { model, tier, limit, inputTokens, linesPerPart, tokensPerPart: Math.floor(limit * 0.95) };
}

/**
 * What the submit question warns of: the first file of the submit (one file, or each part of a group, as each is its
 * own job) whose own input tokens pass the enqueued-token limit, with its index in `files`. Undefined when none does
 * or no limit is known (enqueuedOverflow).
 */
export function submitOverflow(
  table: EnqueuedTokenTable,
  tier: UsageTier,
  model: string | undefined,
  files: readonly { requests: number; inputTokens: number }[],
): { index: number; overflow: EnqueuedOverflow } | undefined {
  for (const [index, file] of files.entries()) {
    const overflow = enqueuedOverflow(table, tier, model, file.requests, file.inputTokens);
    if (overflow) {
      return { index, overflow };
    }
  }
  return undefined;
}
