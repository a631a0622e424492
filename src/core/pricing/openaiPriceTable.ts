import { halfPrice, type PriceEntry, type TokenPrices } from './priceTable';

/**
 * OpenAI prices per model, keyed by the model string of an OpenAI-format line's `body.model` (and of its result's
 * `response.body.model`): USD per 1M tokens, standard and batch. Any other model is "price unknown".
 *
 * Sources, checked 2026-11-28 through the search tool. The official page is
 * https://developers.openai.com/api/docs/pricing (formerly platform.openai.com/docs/pricing); it was not in the search
 * index itself, so each figure is one at least two transcriptions agree on:
 * - [SIM] simonw/llm-prices data/openai.json (commit 0838d1ac): input/output/cached for every row below.
 * - [AE] api-evangelist/openai plans/openai-plans-pricing.yml (commit 0047de3a, 2026-05-04, from the official page):
 *   gpt-5.5 $5/$30 cached $0.50; gpt-5.4 $2.50/$15 cached $0.25; gpt-5.4-mini $0.75/$4.50 cached $0.075;
 *   gpt-5.4-nano $0.20/$1.25 cached $0.02; "Batch API (50% discount)".
 * - [DB] deploybase.ai/articles/openai-pricing ("Data from OpenAI pricing page, March 2026"): gpt-5.1 and gpt-5
 *   $1.25/$10, gpt-5-mini $0.25/$2, gpt-5-nano $0.05/$0.40, gpt-4.1 $2/$8, -mini $0.40/$1.60, -nano $0.10/$0.40,
 *   gpt-4o $2.50/$10, gpt-4o-mini $0.15/$0.60, o3-mini and o4-mini $1.10/$4.40.
 * - [CI] cached input as a second source: docs.rs openai-models 0.1.1 src/lib.rs ("From https://openai.com/api/pricing/":
 *   gpt-4o $1.25, gpt-4o-mini $0.075) and a TypeScript cost table found by the search tool (gpt-5 $0.125, gpt-5-mini
 *   $0.025, gpt-5-nano $0.005, gpt-4.1 $0.50, gpt-4.1-nano $0.025, o3-mini $0.55); rows where only [SIM] gives a
 *   cached price carry none.
 * - [EMB] text-embedding-3-small $0.02 (batch $0.01), -large $0.13 (batch $0.065): chatgptpricing-akr.pages.dev/
 *   api-pricing ("Source: developers.openai.com/api/docs/pricing") and tokenmix.ai/blog/openai-batch-api-pricing.
 * - [BATCH] Batch is 50% of standard on inputs and outputs: OpenAI's pricing page ("Batch API … saves 50 percent on
 *   inputs and outputs", quoted by aipromptgear.com, checked 2026-05-15) and [AE]. Whether the batch discount also
 *   applies to cached input was not found: batch rows carry no cached price (see usageCost.ts for how that is billed).
 * - [SNAP] Results name the dated snapshot that answered: a `gpt-4o-mini` batch came back as `gpt-4o-mini-2024-07-18`
 *   (reference/real-output/openai-batch-output-real-openai-api-rs.jsonl). Only snapshots seen so are aliases; other
 *   snapshots may be priced differently, so they stay unknown.
 * Left out for want of agreeing evidence: o3 ([SIM] $10/$40 against [DB] $2/$8), gpt-5.2, the >272k tiers of gpt-5.4
 * and gpt-5.5 (one source), the pro models, image, audio and realtime models.
 */
const SOURCE = 'https://developers.openai.com/api/docs/pricing';
const CHECKED = '2026-11-28';

function openai(model: string, standard: TokenPrices, extra: Partial<PriceEntry> = {}): PriceEntry {
  // [BATCH]: half of input and output; cached input in a batch is unknown.
  return { model, standard, batch: halfPrice(standard), source: SOURCE, checked: CHECKED, ...extra };
}

export const OPENAI_PRICE_TABLE: readonly PriceEntry[] = [
  openai('gpt-5.5', { input: 5, output: 30, cachedInput: 0.5 }), // [SIM] [AE]
  openai('gpt-5.4', { input: 2.5, output: 15, cachedInput: 0.25 }),
  openai('gpt-5.4-mini', { input: 0.75, output: 4.5, cachedInput: 0.075 }),
  openai('gpt-5.4-nano', { input: 0.2, output: 1.25, cachedInput: 0.02 }),
  openai('gpt-5.1', { input: 1.25, output: 10 }), // [SIM] [DB]
  openai('gpt-5', { input: 1.25, output: 10, cachedInput: 0.125 }), // [SIM] [DB] [CI]
  openai('gpt-5-mini', { input: 0.25, output: 2, cachedInput: 0.025 }),
  openai('gpt-5-nano', { input: 0.05, output: 0.4, cachedInput: 0.005 }),
  openai('gpt-4.1', { input: 2, output: 8, cachedInput: 0.5 }),
  openai('gpt-4.1-mini', { input: 0.4, output: 1.6 }), // [SIM] [DB]
  openai('gpt-4.1-nano', { input: 0.1, output: 0.4, cachedInput: 0.025 }), // [SIM] [DB] [CI]
  openai('gpt-4o', { input: 2.5, output: 10, cachedInput: 1.25 }),
  openai('gpt-4o-mini', { input: 0.15, output: 0.6, cachedInput: 0.075 }, { aliases: ['gpt-4o-mini-2024-07-18'] }),
  openai('o3-mini', { input: 1.1, output: 4.4, cachedInput: 0.55 }),
  openai('o4-mini', { input: 1.1, output: 4.4 }), // [SIM] [DB]
  openai('text-embedding-3-small', { input: 0.02, output: 0 }, { embedding: true }), // [EMB]
  openai('text-embedding-3-large', { input: 0.13, output: 0 }, { embedding: true }),
];
