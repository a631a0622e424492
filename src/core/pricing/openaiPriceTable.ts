import { halfPrice, type PriceEntry, type TokenPrices } from './priceTable';

/**
 * OpenAI prices per model, keyed by the model string of an OpenAI-format line's `body.model` (and of its result's
 * `response.body.model`): USD per 1M tokens, standard and batch. Any other model is "price unknown".
 *
 * Sources, checked 2026-11-28 through the search tool. The official page is
 * https://developers.openai.com/api/docs/pricing (formerly platform.openai.com/docs/pricing); it was not in the search
 * index itself, so each figure is one at least two transcriptions agree on:
 * - [LL] BerriAI/litellm model_prices_and_context_window.json (commit 00035b69): input_cost_per_token,
 *   output_cost_per_token, cache_read_input_token_cost, *_above_272k_tokens and *_batches for every row below,
 *   and the dated snapshots listed as aliases (priced the same as their alias there).
 * - [SIM] simonw/llm-prices data/openai.json (commit 0838d1ac): the same input/output/cached figures, except o3
 *   ($10/$40 there, an older price: [LL], [DB] and [CP] agree on $2/$8) and no gpt-3.5-turbo.
 * - [AE] api-evangelist/openai plans/openai-plans-pricing.yml (commit 0047de3a, 2026-05-04, from the official page):
 *   gpt-5.5, gpt-5.4, gpt-5.4-mini and gpt-5.4-nano with cached input; "Batch API (50% discount)".
 * - [DB] deploybase.ai/articles/openai-pricing ("Data from OpenAI pricing page, March 2026"): standard prices of
 *   gpt-5.1, gpt-5, -mini, -nano, gpt-4.1, -mini, -nano, gpt-4o, -mini, o3, o3-mini, o4-mini.
 * - [CP] chatgptpricing-akr.pages.dev/api-pricing ("Source: developers.openai.com/api/docs/pricing"): o3 $2/$8,
 *   text-embedding-3-small $0.02 (batch $0.01), -large $0.13 (batch $0.065); also tokenmix.ai/blog/openai-batch-api-
 *   pricing for the embeddings. gpt-3.5-turbo(-0125) $0.50/$1.50: [LL] and mintlify.com/alblandino/tokenizador.
 * - [BATCH] Batch is 50% of standard on inputs and outputs: OpenAI's pricing page ("Batch API … saves 50 percent on
 *   inputs and outputs", quoted by aipromptgear.com, checked 2026-05-15), [AE], and every *_batches figure of [LL].
 *   No source gives a batch price for cached input: batch rows carry none (usageCost.ts says how that is billed).
 * - [SNAP] Results name the dated snapshot that answered (a `gpt-4o-mini` batch came back as `gpt-4o-mini-2024-07-18`,
 *   reference/real-output/openai-batch-output-real-openai-api-rs.jsonl). Snapshots can be priced apart from their
 *   alias (gpt-4o-2024-05-13 is $5/$15 in [LL]), so only the snapshots [LL] prices the same are aliases.
 * Left out: the >272k tiers' cached price in a batch, the pro and deep-research models, image, audio, realtime.
 */
const SOURCE = 'https://developers.openai.com/api/docs/pricing';
const CHECKED = '2026-11-28';
/** [LL] `*_above_272k_tokens`: prompts over 272k input tokens. */
const LONG = 272_000;

interface Extra {
  long?: TokenPrices;
  aliases?: readonly string[];
  embedding?: boolean;
}

function openai(model: string, standard: TokenPrices, extra: Extra = {}): PriceEntry {
  // [BATCH]: half of input and output; cached input in a batch is unknown.
  const row: PriceEntry = { model, standard, batch: halfPrice(standard), source: SOURCE, checked: CHECKED };
  if (extra.long) {
    row.longContext = { threshold: LONG, standard: extra.long, batch: halfPrice(extra.long) };
  }
  if (extra.aliases) {
    row.aliases = extra.aliases;
  }
  if (extra.embedding) {
    row.embedding = true;
  }
  return row;
}

export const OPENAI_PRICE_TABLE: readonly PriceEntry[] = [
  openai(
    'gpt-5.5',
    { input: 5, output: 30, cachedInput: 0.5 },
    { long: { input: 10, output: 45, cachedInput: 1 }, aliases: ['gpt-5.5-2026-04-23'] },
  ),
  openai(
    'gpt-5.4',
    { input: 2.5, output: 15, cachedInput: 0.25 },
    { long: { input: 5, output: 22.5, cachedInput: 0.5 }, aliases: ['gpt-5.4-2026-03-05'] },
  ),
  openai('gpt-5.4-mini', { input: 0.75, output: 4.5, cachedInput: 0.075 }, { aliases: ['gpt-5.4-mini-2026-03-17'] }),
  openai('gpt-5.4-nano', { input: 0.2, output: 1.25, cachedInput: 0.02 }),
  openai('gpt-5.2', { input: 1.75, output: 14, cachedInput: 0.175 }, { aliases: ['gpt-5.2-2025-12-11'] }),
  openai('gpt-5.1', { input: 1.25, output: 10, cachedInput: 0.125 }, { aliases: ['gpt-5.1-2025-11-13'] }),
  openai('gpt-5', { input: 1.25, output: 10, cachedInput: 0.125 }),
  openai('gpt-5-mini', { input: 0.25, output: 2, cachedInput: 0.025 }),
  openai('gpt-5-nano', { input: 0.05, output: 0.4, cachedInput: 0.005 }),
  openai('gpt-4.1', { input: 2, output: 8, cachedInput: 0.5 }, { aliases: ['gpt-4.1-2025-04-14'] }),
  openai('gpt-4.1-mini', { input: 0.4, output: 1.6, cachedInput: 0.1 }, { aliases: ['gpt-4.1-mini-2025-04-14'] }),
  openai('gpt-4.1-nano', { input: 0.1, output: 0.4, cachedInput: 0.025 }, { aliases: ['gpt-4.1-nano-2025-04-14'] }),
  openai(
    'gpt-4o',
    { input: 2.5, output: 10, cachedInput: 1.25 },
    { aliases: ['gpt-4o-2024-08-06', 'gpt-4o-2024-11-20'] },
  ),
  openai('gpt-4o-mini', { input: 0.15, output: 0.6, cachedInput: 0.075 }, { aliases: ['gpt-4o-mini-2024-07-18'] }),
  openai('gpt-3.5-turbo', { input: 0.5, output: 1.5 }, { aliases: ['gpt-3.5-turbo-0125'] }),
  openai('o3', { input: 2, output: 8, cachedInput: 0.5 }, { aliases: ['o3-2025-04-16'] }),
  openai('o4-mini', { input: 1.1, output: 4.4, cachedInput: 0.275 }, { aliases: ['o4-mini-2025-04-16'] }),
  openai('o3-mini', { input: 1.1, output: 4.4, cachedInput: 0.55 }, { aliases: ['o3-mini-2025-01-31'] }),
  openai('text-embedding-3-small', { input: 0.02, output: 0 }, { embedding: true }),
  openai('text-embedding-3-large', { input: 0.13, output: 0 }, { embedding: true }),
];
