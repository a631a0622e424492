import * as assert from 'node:assert/strict';
import { EstimateTotals } from '../../../../src/core/estimate/estimateTotals';
import { GEMINI_3_SIGNATURES, geminiSignatureTokens } from '../../../../src/core/estimate/geminiSignatureTokens';
import { estimateLine } from '../../../../src/core/estimate/lineEstimate';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';

/** One token per word: the signature rule does not depend on the vocabulary. */
const words: TextCounter = { name: 'words', count: (t) => t.split(/\s+/).filter(Boolean).length };

/** A signature of `bytes` decoded bytes, base64url as the API writes it. */
function signature(bytes: number): string {
  return Buffer.alloc(bytes, 0xfb).toString('base64url');
}

const call = { functionCall: { name: 'get_weather', args: { city: 'Paris' } } };

function line(model: string, thoughtSignature: string): Record<string, unknown> {
  return {
    key: 'k',
    request: {
      model,
      contents: [
        { role: 'user', parts: [{ text: 'Weather in Paris?' }] },
        { role: 'model', parts: [{ ...call, thoughtSignature }] },
      ],
    },
  };
}

suite('estimate: Gemini thought signatures', () => {
  test('a function call signature on Gemini 3 is a fitted guess at the thinking it replays', () => {
    const count = geminiSignatureTokens({ ...call, thoughtSignature: signature(1000) }, GEMINI_3_SIGNATURES);
    assert.deepEqual(count, { tokens: 255, approximate: true });
  });

  test('the sentinels that skip validation cost nothing, and exactly so', () => {
    for (const text of ['skip_thought_signature_validator', 'context_engineering_is_the_way_to_go']) {
      const part = { ...call, thoughtSignature: Buffer.from(text).toString('base64') };
      assert.deepEqual(geminiSignatureTokens(part, GEMINI_3_SIGNATURES), { tokens: 0, approximate: false });
    }
  });

  test('a text part signature, or any on a model that bills none, adds nothing', () => {
    assert.equal(
      geminiSignatureTokens({ text: 'hi', thoughtSignature: signature(1000) }, GEMINI_3_SIGNATURES),
      undefined,
    );
    assert.equal(geminiSignatureTokens({ ...call, thoughtSignature: signature(1000) }, undefined), undefined);
  });

  test('line estimates and totals report the approximate tokens, Gemini 3 only', () => {
    const options = { assumedOutputTokens: 10 };
    const three = estimateLine(line('gemini-3-flash-preview', signature(1000)), 1, words, options);
    const skipped = estimateLine(
      line('gemini-3-flash-preview', btoa('skip_thought_signature_validator')),
      2,
      words,
      options,
    );
    const older = estimateLine(line('gemini-2.5-flash', signature(1000)), 3, words, options);
    assert.equal(three?.approximateTokens, 255);
    assert.equal(three.inputTokens, (skipped?.inputTokens ?? 0) + 255);
    assert.equal(skipped?.approximateTokens, undefined);
    assert.equal(older?.approximateTokens, undefined);
    const totals = new EstimateTotals();
    for (const estimate of [three, three, skipped, older]) {
      totals.add(estimate!);
    }
    assert.deepEqual(
      { tokens: totals.result().approximateTokens, requests: totals.result().approximateRequests },
      { tokens: 510, requests: 2 },
    );
  });
});
