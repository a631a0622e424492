import { type PriceEntry, type TokenPrices } from './priceTable';
import { type PriceMode, type PriceOverride, priceFor } from './prices';

/**
 * The actual cost of answered requests, from what the service reported (`usageMetadata` on Gemini result lines,
 * `usage` on OpenAI ones): for results views and job tooltips, read from the same price table as the estimate.
 * Output is billed with thinking included (reference batch-api.md §6: `thoughtsTokenCount` on 2.5+ output);
 * cached input at the cached price, which is unknown for some models: then the cost is unknown, not a guess.
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
  return undefined;
}

function cost(prices: TokenPrices, usage: ReportedUsage): number | undefined {
  if (usage.cachedTokens > 0 && prices.cachedInput === undefined) {
    return undefined;
  }
  // The reported input includes the cached tokens (Gemini promptTokenCount, OpenAI prompt_tokens).
  const fresh = usage.inputTokens - usage.cachedTokens;
  return (
    (fresh * prices.input + usage.cachedTokens * (prices.cachedInput ?? 0) + usage.outputTokens * prices.output) /
    1_000_000
  );
}

/** USD for one answered request at `mode` prices; undefined when the model or a needed price is unknown. */
export function usageCost(
  model: string,
  usage: ReportedUsage,
  mode: PriceMode,
  overrides?: ReadonlyMap<string, PriceOverride>,
): number | undefined {
  const entry: PriceEntry | undefined = priceFor(model, overrides);
  if (!entry) {
    return undefined;
  }
  const long = entry.longContext && usage.inputTokens > entry.longContext.threshold ? entry.longContext : undefined;
  return cost((long ?? entry)[mode], usage);
}
