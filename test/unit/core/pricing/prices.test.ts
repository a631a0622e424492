import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EstimateTotals } from '../../../../src/core/estimate/estimateTotals';
import { estimateLine } from '../../../../src/core/estimate/lineEstimate';
import { MODEL_TABLE } from '../../../../src/core/models/modelTable';
import { OPENAI_PRICE_TABLE } from '../../../../src/core/pricing/openaiPriceTable';
import { PRICE_TABLE } from '../../../../src/core/pricing/priceTable';
import { parseOverrides, priceFor, requestCost } from '../../../../src/core/pricing/prices';
import { reportedUsage, usageCost, usageCostDetail } from '../../../../src/core/pricing/usageCost';
import { toResultRow } from '../../../../src/core/results/resultRow';
import { ResultsTable } from '../../../../src/core/results/resultsTable';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';

/** One token per word: enough to price lines without the vocabularies. */
const words: TextCounter = { name: 'words', count: (t) => t.split(/\s+/).filter(Boolean).length };
const M = 1_000_000;
const near = (a: number | undefined, b: number) => assert.ok(a !== undefined && Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);

function estimate(line: Record<string, unknown>, overrides = new Map()) {
  const e = estimateLine(line, 1, words, { assumedOutputTokens: 0 });
  assert.ok(e);
  const totals = new EstimateTotals(overrides);
  totals.add(e);
  return { line: e, summary: totals.result() };
}

suite('pricing: the tables', () => {
  const ALL = [...PRICE_TABLE, ...OPENAI_PRICE_TABLE];

  test('every row carries its source URL and the date it was checked', () => {
    for (const p of ALL) {
      assert.match(p.source, /^https:\/\/(ai\.google\.dev|developers\.openai\.com)\//, p.model);
      assert.match(p.checked, /^\d{4}-\d{2}-\d{2}$/, p.model);
    }
  });

  test('Gemini rows are MODEL_TABLE ids; no id or alias is priced twice', () => {
    for (const p of PRICE_TABLE) {
      assert.ok(
        MODEL_TABLE.some((m) => m.id === p.model),
        p.model,
      );
    }
    const ids = ALL.flatMap((p) => [p.model, ...(p.aliases ?? [])]);
    assert.equal(new Set(ids).size, ids.length);
  });

  test('batch input and output are half the standard price (both providers say so), long-context tiers too', () => {
    for (const p of ALL) {
      for (const tier of p.longContext ? [p, p.longContext] : [p]) {
        assert.equal(tier.batch.input, tier.standard.input / 2, p.model);
        assert.equal(tier.batch.output, tier.standard.output / 2, p.model);
      }
    }
  });

  test('cached input in a batch: Gemini keeps the standard cached price; OpenAI is unknown', () => {
    for (const p of PRICE_TABLE) {
      assert.equal(p.batch.cachedInput, p.standard.cachedInput, p.model);
    }
    for (const p of OPENAI_PRICE_TABLE) {
      assert.equal(p.batch.cachedInput, undefined, p.model);
    }
  });

  test('an unknown model says price unknown: no entry, no cost, listed as unpriced', () => {
    // gemini-2.0-flash and the TTS model are MODEL_TABLE rows without a sourced price; gpt-4o-2024-05-13 is a
    // snapshot priced apart from its alias, so it must not borrow gpt-4o's price.
    const unknown = [
      'gemini-9-ultra',
      'gpt-9',
      'gemini-2.0-flash',
      'gemini-2.5-flash-preview-tts',
      'gpt-4o-2024-05-13',
    ];
    for (const model of unknown) {
      assert.equal(priceFor(model), undefined, model);
      assert.equal(usageCost(model, { inputTokens: 1, outputTokens: 1, cachedTokens: 0 }, 'batch'), undefined);
    }
    const { summary } = estimate({
      custom_id: 'a',
      url: '/v1/chat/completions',
      body: { model: 'o1-pro', messages: [] },
    });
    assert.equal(summary.costBatch, undefined);
    assert.deepEqual(summary.unpricedModels, ['o1-pro']);
  });

  test('long prompts take the long-context price: Gemini 3.1 Pro past 200k, GPT-5.5 past 272k', () => {
    const pro = priceFor('models/gemini-3.1-pro-preview');
    assert.ok(pro);
    assert.equal(requestCost(pro, 'standard', 300_000, 1000), (300_000 * 4 + 1000 * 18) / M);
    assert.equal(requestCost(pro, 'batch', 100_000, 1000), (100_000 * 1 + 1000 * 6) / M);
    const cached = { inputTokens: 300_000, outputTokens: 0, cachedTokens: 100_000 };
    near(usageCost('gemini-3.1-pro-preview', cached, 'standard'), (200_000 * 4 + 100_000 * 0.4) / M);
    const gpt = priceFor('gpt-5.5-2026-04-23');
    assert.ok(gpt);
    assert.equal(requestCost(gpt, 'standard', 300_000, 1000), (300_000 * 10 + 1000 * 45) / M);
    assert.equal(requestCost(gpt, 'batch', 272_000, 1000), (272_000 * 2.5 + 1000 * 15) / M);
  });
});

suite('pricing: what the estimate and the results read', () => {
  test('an OpenAI line is priced by its body.model', () => {
    const { line, summary } = estimate({
      custom_id: 'a',
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'one two three' }], max_tokens: 100 },
    });
    assert.ok(line.inputTokens > 0);
    near(summary.costStandard, (line.inputTokens * 0.15 + 100 * 0.6) / M);
    near(summary.costBatch, (line.inputTokens * 0.075 + 100 * 0.3) / M);
    assert.deepEqual(summary.unpricedModels, []);
  });

  test('a real OpenAI result (dated snapshot gpt-4o-mini-2024-07-18) is priced in the results header', () => {
    const real = join(__dirname, '../../../../reference/real-output/openai-batch-output-real-openai-api-rs.jsonl');
    const table = new ResultsTable();
    for (const text of readFileSync(real, 'utf8')
      .split('\n')
      .filter((l) => l.trim())) {
      table.add(0, 1, toResultRow(JSON.parse(text) as Record<string, unknown>));
    }
    const { cost } = table.summary();
    assert.equal(cost.unpricedRows, 0);
    assert.equal(cost.pricedRows, 1);
    near(cost.batchUsd, (24 * 0.075 + 8 * 0.3) / M);
  });

  test('embedding requests use the embedding price (Gemini and OpenAI), output 0', () => {
    const gem = estimate({
      key: 'e',
      request: { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'a b c d' }] } },
    });
    assert.ok(gem.line.inputTokens > 0);
    assert.equal(gem.line.outputTokens, 0);
    near(gem.summary.costStandard, (gem.line.inputTokens * 0.15) / M);
    near(gem.summary.costBatch, (gem.line.inputTokens * 0.075) / M);
    const oai = estimate({
      custom_id: 'e',
      url: '/v1/embeddings',
      body: { model: 'text-embedding-3-large', input: 'a b c d' },
    });
    assert.ok(oai.line.inputTokens > 0);
    near(oai.summary.costStandard, (oai.line.inputTokens * 0.13) / M);
    near(oai.summary.costBatch, (oai.line.inputTokens * 0.065) / M);
  });

  test('cached tokens are priced at the cached price (Gemini usageMetadata, batch keeps the standard cached price)', () => {
    const usage = reportedUsage({
      promptTokenCount: 1_000_000,
      cachedContentTokenCount: 800_000,
      candidatesTokenCount: 1000,
      thoughtsTokenCount: 1000,
    });
    assert.ok(usage);
    near(usageCost('gemini-2.5-flash', usage, 'standard'), (200_000 * 0.3 + 800_000 * 0.03 + 2000 * 2.5) / M);
    near(usageCost('gemini-2.5-flash', usage, 'batch'), (200_000 * 0.15 + 800_000 * 0.03 + 2000 * 1.25) / M);
    assert.equal(usageCostDetail('gemini-2.5-flash', usage, 'batch')?.cachedAtInputPrice, false);
  });

  test('OpenAI cached tokens: cached price at standard; in a batch, priced as input and flagged an upper bound', () => {
    const usage = reportedUsage({
      prompt_tokens: 10_000,
      completion_tokens: 100,
      prompt_tokens_details: { cached_tokens: 4000 },
    });
    assert.ok(usage);
    near(usageCost('gpt-4.1', usage, 'standard'), (6000 * 2 + 4000 * 0.5 + 100 * 8) / M);
    const batch = usageCostDetail('gpt-4.1', usage, 'batch');
    near(batch?.usd, (10_000 * 1 + 100 * 4) / M);
    assert.equal(batch?.cachedAtInputPrice, true);
    const noCache = usageCostDetail('gpt-4.1', { ...usage, cachedTokens: 0 }, 'batch');
    assert.equal(noCache?.cachedAtInputPrice, false);
  });

  test("the user's override (geminiBatch.pricing.overrides) wins over both tables", () => {
    const overrides = parseOverrides({
      'gemini-2.5-flash': { input: 1, output: 2, batchInput: 0.9, cachedInput: 0.5 },
      'gpt-4o-mini': { input: 10, output: 20 },
    });
    const usage = { inputTokens: M, outputTokens: M, cachedTokens: M / 2 };
    near(usageCost('gemini-2.5-flash', usage, 'standard', overrides), 0.5 * 1 + 0.5 * 0.5 + 2);
    near(usageCost('gemini-2.5-flash', usage, 'batch', overrides), 0.5 * 0.9 + 0.5 * 0.5 + 1);
    const { summary } = estimate(
      { custom_id: 'a', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [], max_tokens: M } },
      overrides,
    );
    near(summary.costStandard, (summary.inputTokens * 10) / M + 20);
    near(summary.costBatch, (summary.inputTokens * 5) / M + 10);
    // Results report the dated snapshot: the alias's override prices it too.
    near(
      usageCost('gpt-4o-mini-2024-07-18', { inputTokens: M, outputTokens: 0, cachedTokens: 0 }, 'batch', overrides),
      5,
    );
  });
});
