import { OPENAI_PRICE_TABLE } from './openaiPriceTable';
import { PRICE_TABLE, geminiBatch, type PriceEntry, type TokenPrices } from './priceTable';
import type { PriceOverride } from './priceOverrides';

// Kept importable from here: the estimate, results and worker read overrides through this module.
export { parseOverrides, type PriceOverride } from './priceOverrides';

export type PriceMode = 'batch' | 'standard';

/** Every built-in row by model id and by alias, both providers: built once, never changed. */
const BY_MODEL: ReadonlyMap<string, PriceEntry> = new Map(
  [...PRICE_TABLE, ...OPENAI_PRICE_TABLE].flatMap((p) => [p.model, ...(p.aliases ?? [])].map((id) => [id, p] as const)),
);

/**
 * The price entry of a model (Gemini with or without `models/`, or an OpenAI `body.model`): the user's override
 * first, then the built-in tables; undefined is "price unknown".
 */
export function priceFor(
  model: string,
  overrides: ReadonlyMap<string, PriceOverride> = new Map(),
): PriceEntry | undefined {
  const id = model.replace(/^models\//, '');
  const row = BY_MODEL.get(id);
  // An override of an alias also prices its dated snapshots, which is what OpenAI results report.
  const override = overrides.get(id) ?? (row ? overrides.get(row.model) : undefined);
  if (override) {
    const standard: TokenPrices = { input: override.input, output: override.output };
    if (override.cachedInput !== undefined) {
      standard.cachedInput = override.cachedInput;
    }
    const half = geminiBatch(standard);
    const batch: TokenPrices = {
      ...half,
      input: override.batchInput ?? half.input,
      output: override.batchOutput ?? half.output,
    };
    return { model: id, standard, batch, source: 'setting geminiBatch.pricing.overrides', checked: '' };
  }
  return row;
}

/** USD for one request's tokens, the long-context prices applying past their threshold. */
export function requestCost(entry: PriceEntry, mode: PriceMode, inputTokens: number, outputTokens: number): number {
  const long = entry.longContext && inputTokens > entry.longContext.threshold ? entry.longContext : undefined;
  const prices = (long ?? entry)[mode];
  return (inputTokens * prices.input + outputTokens * prices.output) / 1_000_000;
}
