import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { EstimateSummary } from '../../../../src/core/estimate/estimateTotals';
import type * as Text from '../../../../src/features/estimate/estimateText';
import { englishL10n, requireWithFakeVscode } from '../../helpers/fakeVscode';

const fakeVscode = { l10n: englishL10n };

const summary = (over: Partial<EstimateSummary> = {}): EstimateSummary => ({
  requests: 12400,
  inputTokens: 3_100_000,
  outputTokensAssumed: 12_400_000,
  unknownMedia: 0,
  approximateTokens: 0,
  approximateRequests: 0,
  unsizedItems: 0,
  model: 'gemini-2.5-flash',
  costBatch: 1234.5,
  costStandard: 2469,
  unpricedModels: [],
  ...over,
});

suite('estimateText: the words of the lens and the submit confirmation', () => {
  const text = requireWithFakeVscode<typeof Text>(
    fakeVscode,
    path.join(__dirname, '../../../../src/features/estimate/estimateText'),
  );

  test('the confirmation names the model and the provider, with thousands separators', () => {
    assert.equal(
      text().submitQuestion(summary(), { model: 'gemini-2.5-flash', provider: 'gemini' }),
      'Submit 12,400 requests to gemini-2.5-flash (Gemini API): ≈ 3.1M input tokens, ≈ $1,234.50 at batch price ($2,469.00 standard)?',
    );
    assert.equal(
      text().submitQuestion(summary({ requests: 50010 }), { model: 'gpt-5-mini', provider: 'openai', parts: 6 }),
      'Submit 50,010 requests in 6 parts to gpt-5-mini (OpenAI): ≈ 3.1M input tokens, ≈ $1,234.50 at batch price ($2,469.00 standard)?',
    );
  });

  test('a fraction of a cent reads "< $0.01"', () => {
    assert.equal(
      text().costWords(summary({ costBatch: 0.0000021, costStandard: 0.0000042 })),
      '< $0.01 at batch price (< $0.01 standard)',
    );
    assert.equal(
      text().costWords(summary({ costBatch: 0.0063, costStandard: 0.0126 })),
      '< $0.01 at batch price ($0.01 standard)',
    );
    assert.equal(
      text().costWords(summary({ costBatch: 0, costStandard: 0 })),
      '≈ $0.00 at batch price ($0.00 standard)',
    );
  });

  test('the lens names the model it priced; an unpriced or mixed estimate does not', () => {
    assert.match(
      text().pricedWords(summary(), 'gemini-2.5-flash'),
      /^gemini-2\.5-flash · ≈ \$1,234\.50 at batch price/,
    );
    assert.equal(text().pricedWords(summary(), 'mixed'), '≈ $1,234.50 at batch price ($2,469.00 standard)');
    assert.equal(
      text().pricedWords(summary({ costBatch: undefined, costStandard: undefined, unpricedModels: ['x'] }), 'x'),
      'price unknown for x',
    );
  });

  test('embeddings assume no output: the output sentence is left out', () => {
    const words = text().assumptionWords(summary({ outputTokensAssumed: 0 }), 1000);
    assert.equal(words, 'Input counted offline.');
    assert.equal(
      text().assumptionWords(summary({ outputTokensAssumed: 5000 }), 1000),
      "Output: ≈ 5,000 tokens assumed (each request's maxOutputTokens, else 1,000; thinking included). Input counted offline.",
    );
  });

  test('the output cap is named as each endpoint spells it', () => {
    const openai = (url: string) => JSON.stringify({ custom_id: 'a', method: 'POST', url, body: {} });
    assert.equal(text().outputCapField(openai('/v1/chat/completions')), 'max_completion_tokens/max_tokens');
    assert.equal(text().outputCapField(openai('/v1/responses')), 'max_output_tokens');
    assert.equal(text().outputCapField(openai('/v1/completions')), 'max_tokens');
    assert.equal(text().outputCapField('{"key":"a","request":{"contents":[]}}'), 'maxOutputTokens');
    assert.equal(
      text().outputCapField('{"custom_id": "a", "body": {"messages": [ broken'),
      'max_completion_tokens/max_tokens/max_output_tokens',
    );
    assert.match(
      text().assumptionWords(summary(), 1000, text().outputCapField(openai('/v1/responses'))),
      /each request's max_output_tokens, else 1,000/,
    );
  });

  test('the submit question says a file, or a part, over the enqueued-token limit: its tokens and the limit', () => {
    const over = {
      model: 'gemini-2.5-flash',
      tier: 'tier1' as const,
      limit: 3_000_000,
      inputTokens: 6_000_000,
      linesPerPart: 5400,
      tokensPerPart: 2_850_000,
    };
    assert.equal(
      text().enqueuedWords(over, undefined),
      'This file is over the enqueued-token limit: ≈ 6.0M input tokens, the limit is 3.0M for gemini-2.5-flash (tier1, geminiBatch.limits.*). It cannot be enqueued whole: split it into parts.',
    );
    assert.match(text().enqueuedWords(over, 3), /^Part 3 is over the enqueued-token limit: ≈ 6\.0M input tokens/);
  });
});
