import { type PriceEntry, type TokenPrices } from './priceTable';
import { type PriceMode, type PriceOverride, priceFor } from './prices';

/**
 * The actual cost of answered requests, from what the service reported (`usageMetadata` on Gemini result lines,
 * `usage` on OpenAI ones): for results views and job tooltips, read from the same price table as the estimate.
 * Output is billed with thinking included (reference batch-api.md §6: `thoughtsTokenCount` on 2.5+ output);
 * cached input at the cached price. Where that price is unknown (some rows; every OpenAI batch row, see
 * openaiPriceTable.ts [BATCH]) the cached tokens are priced as ordinary input: a cache hit is a discount on input
 * (priceTable.ts [CACHE]), so the figure is an upper bound (never an under-count of the bill), and
 * `usageCostDetail` says so for views that want to show "at most".
 */
export interface ReportedUsage {
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
}

/** Reads Gemini `usageMetadata` or OpenAI `usage` (chat: prompt/completion; responses: input/output). */
export function reportedUsage(usage: unknown): ReportedUsage | undefined {
  if (typeof usage !== 'object' || usage === null) {
    return undefined;
  }
  const u = usage as Record<string, unknown>;
  const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  if ('promptTokenCount' in u || 'candidatesTokenCount' in u) {
    return {
      inputTokens: n(u.promptTokenCount),
      outputTokens: n(u.candidatesTokenCount) + n(u.thoughtsTokenCount),
      cachedTokens: n(u.cachedContentTokenCount),
    };
  }
  if ('prompt_tokens' in u || 'input_tokens' in u) {
    const details = (u.prompt_tokens_details ?? u.input_tokens_details) as Record<string, unknown> | undefined;
    return {
      inputTokens: n(u.prompt_tokens ?? u.input_tokens),
      outputTokens: n(u.completion_tokens ?? u.output_tokens),
      cachedTokens: n(details?.cached_tokens),
    };
  }
  if ('promptTokens' in u || 'completionTokens' in u) {
    // Gemini's OpenAI compatibility layer (batch results): camelCase, and the thinking tokens, billed as output, only
    // in the total (answerOf.ts, compatThoughts, cites the recorded line).
    const input = n(u.promptTokens);
    return {
      inputTokens: input,
      outputTokens: Math.max(n(u.completionTokens), n(u.totalTokens) - input),
      cachedTokens: 0,
    };
  }
  return undefined;
}

export interface UsageCost {
  usd: number;
  /** Cached tokens were priced as input because the cached price is unknown: `usd` is an upper bound. */
  cachedAtInputPrice: boolean;
}

function cost(prices: TokenPrices, usage: ReportedUsage): UsageCost {
  // The reported input includes the cached tokens (Gemini promptTokenCount, OpenAI prompt_tokens).
  const cached = Math.min(usage.cachedTokens, usage.inputTokens);
  const fresh = usage.inputTokens - cached;
  const cachedPrice = prices.cachedInput ?? prices.input;
  return {
    usd: (fresh * prices.input + cached * cachedPrice + usage.outputTokens * prices.output) / 1_000_000,
    cachedAtInputPrice: cached > 0 && prices.cachedInput === undefined,
  };
}

/** USD for one answered request at `mode` prices, and whether it is an upper bound; undefined when the model is unknown. */
export function usageCostDetail(
  model: string,
  usage: ReportedUsage,
  mode: PriceMode,
  overrides?: ReadonlyMap<string, PriceOverride>,
): UsageCost | undefined {
  const entry: PriceEntry | undefined = priceFor(model, overrides);
  if (!entry) {
    return undefined;
  }
  const long = entry.longContext && usage.inputTokens > entry.longContext.threshold ? entry.longContext : undefined;
  return cost((long ?? entry)[mode], usage);
}

/** USD for one answered request at `mode` prices; undefined when the model has no known price. */
export function usageCost(
  model: string,
  usage: ReportedUsage,
  mode: PriceMode,
  overrides?: ReadonlyMap<string, PriceOverride>,
): number | undefined {
  return usageCostDetail(model, usage, mode, overrides)?.usd;
}
