import { OPENAI_PRICE_TABLE } from './openaiPriceTable';
import { PRICE_TABLE, geminiBatch, type PriceEntry, type TokenPrices } from './priceTable';

/**
 * A user's price for a model (setting `geminiBatch.pricing.overrides`): standard input and output per 1M tokens,
 * optionally the batch prices (else half, the rule of both providers) and cached input (in a batch too: Gemini bills
 * cache hits as outside batch, see priceTable.ts [CACHE]; for OpenAI that makes it an upper bound).
 */
export interface PriceOverride {
  input: number;
  output: number;
  cachedInput?: number;
  batchInput?: number;
  batchOutput?: number;
}

export type PriceMode = 'batch' | 'standard';

function isPrice(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Reads the overrides setting, keeping only well-formed entries (a typo must not price a model at NaN). */
export function parseOverrides(raw: unknown): Map<string, PriceOverride> {
  const out = new Map<string, PriceOverride>();
  if (typeof raw !== 'object' || raw === null) {
    return out;
  }
  for (const [model, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    const v = value as Record<string, unknown>;
    if (!isPrice(v.input) || !isPrice(v.output)) {
      continue;
    }
    const o: PriceOverride = { input: v.input, output: v.output };
    if (isPrice(v.cachedInput)) {
      o.cachedInput = v.cachedInput;
    }
    if (isPrice(v.batchInput)) {
      o.batchInput = v.batchInput;
    }
    if (isPrice(v.batchOutput)) {
      o.batchOutput = v.batchOutput;
    }
    out.set(model, o);
  }
  return out;
}

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
