import type { BatchKind } from '../batchKind';
import type { SplitOptions } from './splitFile';
import { splitLimitsFor } from './splitLimits';

/** What a caller (the estimate lens, a command argument) asked of a split; anything malformed is ignored. */
export interface SplitAsk {
  maxLines?: unknown;
  maxTokens?: unknown;
}

const positiveInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : undefined;

/**
 * The limits of a split of a `kind` file: the provider's, tightened by what was asked. A token cap is used only with
 * the counts of every line (`lineTokens`, 0-based, from the estimate of the open document): then parts are sized by
 * tokens exactly. Without the counts, a request cap (`maxLines`, sized in proportion) is the fallback.
 */
export function splitSizing(kind: BatchKind, ask: SplitAsk = {}, lineTokens?: readonly number[]): SplitOptions {
  const maxTokens = positiveInteger(ask.maxTokens);
  if (maxTokens !== undefined && lineTokens) {
    return {
      ...splitLimitsFor(kind),
      maxTokens,
      lineTokens: (_line, lineNo) => lineTokens[lineNo - 1] ?? 0,
    };
  }
  return splitLimitsFor(kind, { maxLines: positiveInteger(ask.maxLines) });
}
