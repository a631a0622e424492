/**
 * Prices per model, as data: USD per 1M tokens, standard and batch. Only models whose price we could source are
 * here; any other model is "price unknown", never a guess. Ids are MODEL_TABLE ids (src/core/models/modelTable.ts;
 * a unit test keeps them so).
 *
 * Sources, checked 2026-11-28 through the search tool:
 * - The official page is https://ai.google.dev/gemini-api/docs/pricing. It was not in the search index itself; the
 *   figures below are the ones three independent transcriptions of it agree on (deploybase.ai "Gemini 2.5
 *   Pricing", 2026-03; aifreeapi.com "Gemini API Pricing 2026", 2026-01; jangwook.net "Gemini 2.5 Flash API Cost
 *   Optimization Guide", 2026-05). Output prices include thinking tokens (the page's "Output price (including
 *   thinking tokens)").
 * - Batch is 50% of standard: the page's "Batch API (50% cost reduction)" (api-evangelist/gemini
 *   plans/gemini-plans-pricing.yml, transcribed 2026-09-20) and reference batch-api.md §6 ("batch is 50% of the
 *   standard price, thinking tokens included").
 * Cached-input and embedding prices were not consistently sourced, so they are absent (reported unknown).
 */
export interface TokenPrices {
  input: number;
  output: number;
  cachedInput?: number;
}

export interface PriceEntry {
  model: string;
  standard: TokenPrices;
  batch: TokenPrices;
  /** Prompts longer than `threshold` input tokens are billed at these prices instead. */
  longContext?: { threshold: number; standard: TokenPrices; batch: TokenPrices };
  source: string;
  checked: string;
}

const SOURCE = 'https://ai.google.dev/gemini-api/docs/pricing';
const CHECKED = '2026-11-28';

/** Batch at half the standard price, as the Gemini pricing page states for every batch-capable model. */
export function halfPrice(prices: TokenPrices): TokenPrices {
  const half: TokenPrices = { input: prices.input / 2, output: prices.output / 2 };
  if (prices.cachedInput !== undefined) {
    half.cachedInput = prices.cachedInput / 2;
  }
  return half;
}

function entry(model: string, standard: TokenPrices, long?: { threshold: number; standard: TokenPrices }): PriceEntry {
  const row: PriceEntry = { model, standard, batch: halfPrice(standard), source: SOURCE, checked: CHECKED };
  if (long) {
    row.longContext = { threshold: long.threshold, standard: long.standard, batch: halfPrice(long.standard) };
  }
  return row;
}

export const PRICE_TABLE: readonly PriceEntry[] = [
  entry('gemini-2.5-pro', { input: 1.25, output: 10 }, { threshold: 200_000, standard: { input: 2.5, output: 15 } }),
  entry('gemini-2.5-flash', { input: 0.3, output: 2.5 }),
  entry('gemini-2.5-flash-lite', { input: 0.1, output: 0.4 }),
];
