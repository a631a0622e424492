/**
 * Gemini prices per model, as data: USD per 1M tokens, standard and batch. Only models whose price we could source
 * are here; any other model is "price unknown", never a guess. Ids are MODEL_TABLE ids (src/core/models/modelTable.ts;
 * a unit test keeps them so). OpenAI models are in openaiPriceTable.ts.
 *
 * Sources, checked 2026-11-28 through the search tool. The official page is https://ai.google.dev/gemini-api/docs/pricing;
 * it was not in the search index itself, so each figure is one at least two transcriptions of it agree on:
 * - [GEM] api-evangelist/gemini plans/gemini-plans-pricing.yml (commit 3a1090a4, page read 2026-09-20) and
 *   api-evangelist/deepmind plans/deepmind-plans-pricing.yml (commit 47a9772b, page read 2026-10-07): "every
 *   price_text was found verbatim in the fetched page text". Both: "Batch API (50% cost reduction)"; output prices
 *   "including thinking tokens"; 3.5 Flash $1.50/$9.00; 3.1 Pro Preview $2.00/$12.00, >200k $4.00/$18.00;
 *   2.5 Pro input $1.25, >200k $2.50; 2.5 Flash input $0.30 (text/image/video); 2.5 Flash-Lite output $0.40.
 * - [SIM] simonw/llm-prices data/google.json (commit 014a62da): the same standard prices, and cached input
 *   2.5 Pro $0.125 (>200k $0.25), 2.5 Flash $0.03, 2.5 Flash-Lite $0.01, 3.5 Flash $0.15; 3 Flash Preview $0.50/$3.00.
 * - [3F] gemini-3-flash-preview: factquire.com/models/google/gemini-3-flash-preview.json (quotes the official page,
 *   accessed 2026-07-04: "$0.50 (text / image / video) … $3.00 … Context caching price … $0.05") and
 *   modelpedia.dev/google/gemini-3-flash-preview (standard $0.5/$0.05 cached/$3, batch $0.25/$1.5).
 * - [LL] BerriAI/litellm model_prices_and_context_window.json (commit 00035b69), the `gemini/…` rows: every standard
 *   and cached figure below (3.1 Pro cached $0.20, >200k $0.40; 2.5 Pro $0.125, >200k $0.25; 2.5 Flash $0.03;
 *   2.5 Flash-Lite $0.01; 3 Flash Preview $0.05; 3.5 Flash $0.15), and gemini-3.1-flash-lite $0.25/$1.50 cached
 *   $0.025, batch $0.125/$0.75 ("source": ai.google.dev/gemini-api/docs/pricing#gemini-3.1-flash-lite).
 * - [3P] gemini-3.1-pro-preview cached input $0.20: also cloudprice.net/models/vertex_ai%2Fgemini-3.1-pro-preview and
 *   airouter.megatech.cc/models/gemini-3.1-pro-preview. [3L] gemini-3.1-flash-lite: also simonw (the `-preview` id,
 *   same prices) and getmaxim.ai/bifrost/model-library/compare/openrouter/gemini-3.1-flash-lite-batch ($0.13/$0.75).
 * - [EMB] gemini-embedding-001 $0.15 input, batch $0.075: tokenmix.ai/blog/gemini-embedding-001-dimensions-pricing-
 *   guide-2026 (2026-04-25, "verified against Google's official documentation"), embeddingcost.com/google (April 2026).
 * - [CACHE] Cached input is 10% of input on Gemini 2.5 and later ("a 90% discount" for 2.5+ models,
 *   https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/context-cache/context-cache-overview), which
 *   every cached figure below matches. In a batch, cache hits are billed as outside batch (reference batch-api.md §6,
 *   "context-cache hits are billed as outside batch"): the batch cached price is the standard one, not half.
 * Left out: the image and TTS models (their output is priced per image or audio token, which the estimate does not
 * count), gemini-2.0-flash (deprecated 2026-06-01 in [LL]), and audio input prices (2.5 Flash audio is $1.00 [GEM];
 * the estimate does not split input by modality, so audio-heavy requests are under-estimated).
 */
export interface TokenPrices {
  input: number;
  /** Output, thinking tokens included. 0 for embedding models, which bill input only. */
  output: number;
  /** Cached (context-cache / prompt-cache hit) input; absent when unknown. */
  cachedInput?: number;
}

export interface PriceEntry {
  model: string;
  standard: TokenPrices;
  batch: TokenPrices;
  /** Prompts longer than `threshold` input tokens are billed at these prices instead. */
  longContext?: { threshold: number; standard: TokenPrices; batch: TokenPrices };
  /** An embedding model: `input` is its embedding price, there is no output. */
  embedding?: boolean;
  /** Other model strings the service reports for this model (dated snapshots), priced the same. */
  aliases?: readonly string[];
  source: string;
  checked: string;
}

const SOURCE = 'https://ai.google.dev/gemini-api/docs/pricing';
const CHECKED = '2026-11-28';

/**
 * Input and output at half the standard price, as both providers state for batch-capable models. Cached input is
 * left out: its batch price differs by provider ([CACHE] here, unknown for OpenAI), so each table sets it.
 */
export function halfPrice(prices: TokenPrices): TokenPrices {
  return { input: prices.input / 2, output: prices.output / 2 };
}

/** Gemini batch prices: half, except cache hits, which keep the standard cached price [CACHE]. */
export function geminiBatch(standard: TokenPrices): TokenPrices {
  const batch = halfPrice(standard);
  if (standard.cachedInput !== undefined) {
    batch.cachedInput = standard.cachedInput;
  }
  return batch;
}

function gemini(model: string, standard: TokenPrices, long?: { threshold: number; standard: TokenPrices }): PriceEntry {
  const row: PriceEntry = { model, standard, batch: geminiBatch(standard), source: SOURCE, checked: CHECKED };
  if (long) {
    row.longContext = { threshold: long.threshold, standard: long.standard, batch: geminiBatch(long.standard) };
  }
  return row;
}

export const PRICE_TABLE: readonly PriceEntry[] = [
  // [GEM] [SIM] [LL] [3P]
  gemini(
    'gemini-3.1-pro-preview',
    { input: 2, output: 12, cachedInput: 0.2 },
    { threshold: 200_000, standard: { input: 4, output: 18, cachedInput: 0.4 } },
  ),
  // [GEM] [SIM] [LL]
  gemini('gemini-3.5-flash', { input: 1.5, output: 9, cachedInput: 0.15 }),
  // [3F] [SIM] [LL]
  gemini('gemini-3-flash-preview', { input: 0.5, output: 3, cachedInput: 0.05 }),
  // [LL] [3L]
  gemini('gemini-3.1-flash-lite', { input: 0.25, output: 1.5, cachedInput: 0.025 }),
  // [GEM] [SIM] [LL]
  gemini(
    'gemini-2.5-pro',
    { input: 1.25, output: 10, cachedInput: 0.125 },
    { threshold: 200_000, standard: { input: 2.5, output: 15, cachedInput: 0.25 } },
  ),
  gemini('gemini-2.5-flash', { input: 0.3, output: 2.5, cachedInput: 0.03 }),
  gemini('gemini-2.5-flash-lite', { input: 0.1, output: 0.4, cachedInput: 0.01 }),
  // [EMB]
  { ...gemini('gemini-embedding-001', { input: 0.15, output: 0 }), embedding: true },
];
