import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { EstimateTotals } from '../../../../src/core/estimate/estimateTotals';
import { estimateLine, type LineEstimate } from '../../../../src/core/estimate/lineEstimate';
import { LineEstimates } from '../../../../src/core/estimate/lineEstimates';
import {
  imageSize,
  imageTokens,
  inlineMediaTokens,
  pdfPages,
  wavSeconds,
} from '../../../../src/core/estimate/mediaTokens';
import { MODEL_TABLE } from '../../../../src/core/models/modelTable';
import { PRICE_TABLE } from '../../../../src/core/pricing/priceTable';
import { parseOverrides, priceFor, requestCost } from '../../../../src/core/pricing/prices';
import { reportedUsage, usageCost } from '../../../../src/core/pricing/usageCost';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';
import { CLI_ASSUMED_OUTPUT_TOKENS } from '../../../../src/cli/estimateArgs';

/** One token per word: enough to test the counting rules without the vocabularies. */
const words: TextCounter = { name: 'words', count: (t) => t.split(/\s+/).filter(Boolean).length };

function png(width: number, height: number): Buffer {
  const b = Buffer.alloc(24);
  b.writeUInt32BE(0x89504e47, 0);
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

suite('estimate: media rules', () => {
  test('images: ≤ 384 px is one tile, larger ones 768 px tiles of 258', () => {
    assert.equal(imageTokens(384, 384), 258);
    assert.equal(imageTokens(600, 400), 258);
    assert.equal(imageTokens(1000, 1000), 4 * 258);
    assert.deepEqual(imageSize(png(800, 300)), { width: 800, height: 300 });
    assert.deepEqual(inlineMediaTokens('image/png', png(1600, 700).toString('base64'), true), {
      kind: 'image',
      tokens: 3 * 258,
    });
  });
  test('sizes that cannot be read are unknown, never guessed', () => {
    assert.deepEqual(inlineMediaTokens('image/webp', 'AAAA', true), { kind: 'image', unknown: true });
    assert.deepEqual(inlineMediaTokens('image/png', png(10, 10).toString('base64'), false), {
      kind: 'image',
      unknown: true,
    });
    assert.deepEqual(inlineMediaTokens('video/mp4', 'AAAA', true), { kind: 'video', unknown: true });
  });
  test('WAV seconds and PDF pages', () => {
    const wav = Buffer.alloc(44);
    wav.write('RIFF', 0, 'latin1');
    wav.write('WAVE', 8, 'latin1');
    wav.write('fmt ', 12, 'latin1');
    wav.writeUInt32LE(16, 16);
    wav.writeUInt32LE(16000, 28);
    wav.write('data', 36, 'latin1');
    wav.writeUInt32LE(32000, 40);
    // The byte rate sits 16 bytes into the chunk list entry (offset 12 + 16 = 28): 16,000 B/s, 32,000 B of data.
    assert.equal(wavSeconds(wav), 2);
    assert.equal(pdfPages(Buffer.from('%PDF-1.4 /Type /Pages /Type /Page /Type/Page', 'latin1')), 2);
  });
  test('random bytes never crash the header readers', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom('image/png', 'image/jpeg', 'audio/wav', 'application/pdf'),
        (bytes, mime) => {
          inlineMediaTokens(mime, Buffer.from(bytes).toString('base64'), true);
        },
      ),
    );
  });
});

suite('estimate: lines and totals', () => {
  test('a Gemini line: text, per-Content overhead, maxOutputTokens as the assumed output', () => {
    const line = {
      key: 'k1',
      request: {
        contents: [{ role: 'user', parts: [{ text: 'a b c' }] }],
        systemInstruction: { role: 'user', parts: [{ text: 'd' }] },
        generationConfig: { maxOutputTokens: 50 },
      },
    };
    const e = estimateLine(line, 3, words, { model: 'gemini-2.5-flash', assumedOutputTokens: 1000 });
    assert.deepEqual(e && { key: e.key, input: e.inputTokens, output: e.outputTokens, line: e.line }, {
      key: 'k1',
      input: 6,
      output: 50,
      line: 3,
    });
    // Contents without a role bill no overhead (geminiRequestTokens.ts).
    const roleless = { key: 'k2', request: { contents: [{ parts: [{ text: 'a b c' }] }] } };
    assert.equal(
      estimateLine(roleless, 4, words, { model: 'gemini-2.5-flash', assumedOutputTokens: 1 })?.inputTokens,
      3,
    );
  });
  test('an OpenAI chat line: 3 per message, role, name + 1, 3 priming; the default output when uncapped', () => {
    const line = {
      custom_id: 'c',
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gpt-4o', messages: [{ role: 'user', name: 'x', content: 'a b' }] },
    };
    const e = estimateLine(line, 1, words, { assumedOutputTokens: 7 });
    assert.equal(e?.inputTokens, 3 + 1 + 1 + 1 + 2 + 3);
    assert.equal(e?.outputTokens, 7);
    assert.equal(e?.model, 'gpt-4o');
  });
  test('totals: batch is half the standard cost; an unknown model says price unknown', () => {
    const totals = new EstimateTotals();
    totals.add({
      line: 1,
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      inputTokens: 1_000_000,
      outputTokens: 1_000_000,
      unknownMedia: 0,
    });
    const priced = totals.result();
    assert.equal(priced.costStandard, 0.3 + 2.5);
    assert.equal(priced.costBatch, (0.3 + 2.5) / 2);
    totals.add({
      line: 2,
      provider: 'openai',
      model: 'no-such-model',
      inputTokens: 1,
      outputTokens: 1,
      unknownMedia: 0,
    });
    const unpriced = totals.result();
    assert.equal(unpriced.costBatch, undefined);
    assert.deepEqual(unpriced.unpricedModels, ['no-such-model']);
    assert.equal(unpriced.model, 'mixed');
  });
});

suite('pricing: table and overrides', () => {
  test('every priced model is a MODEL_TABLE row, with source and date; batch is half', () => {
    for (const p of PRICE_TABLE) {
      assert.ok(
        MODEL_TABLE.some((m) => m.id === p.model),
        p.model,
      );
      assert.match(p.source, /^https:\/\//);
      assert.match(p.checked, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(p.batch.input, p.standard.input / 2);
      assert.equal(p.batch.output, p.standard.output / 2);
    }
  });
  test('unknown model: no price; the override wins; malformed overrides are dropped', () => {
    assert.equal(priceFor('gemini-9-ultra'), undefined);
    const overrides = parseOverrides({
      'gemini-9-ultra': { input: 2, output: 8 },
      broken: { input: 'x', output: 1 },
      n: null,
    });
    assert.deepEqual([...overrides.keys()], ['gemini-9-ultra']);
    const entry = priceFor('models/gemini-9-ultra', overrides);
    assert.deepEqual(entry?.batch, { input: 1, output: 4 });
  });
  test('long prompts of 2.5 Pro take the long-context price', () => {
    const pro = priceFor('gemini-2.5-pro');
    assert.ok(pro);
    assert.equal(requestCost(pro, 'standard', 300_000, 0), (300_000 * 2.5) / 1_000_000);
    assert.equal(requestCost(pro, 'standard', 100_000, 0), (100_000 * 1.25) / 1_000_000);
  });
  test('the CLI default output assumption is the setting default', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    assert.equal(
      pkg.contributes.configuration.properties['geminiBatch.estimate.assumedOutputTokens']?.default,
      CLI_ASSUMED_OUTPUT_TOKENS,
    );
    assert.deepEqual(pkg.contributes.configuration.properties['geminiBatch.pricing.overrides']?.default, {});
  });
});

suite('estimate: incremental line store', () => {
  const est = (tokens: number): LineEstimate => ({
    line: 0,
    provider: 'gemini',
    model: 'gemini-2.5-flash',
    inputTokens: tokens,
    outputTokens: 0,
    unknownMedia: 0,
  });
  test('an edit re-counts only its lines and shifts the others', () => {
    const store = new LineEstimates();
    assert.deepEqual(store.reset(3), [0, 1, 2]);
    [1, 2, 4].forEach((t, i) => store.set(i, est(t)));
    assert.deepEqual(store.summary().summary.inputTokens, 7);
    // Replace line 1 by two lines: only those two are pending; line 2 (4 tokens) moved to 3.
    assert.deepEqual(store.edit(1, 1, 2), [1, 2]);
    assert.equal(store.summary().complete, false);
    store.set(1, est(10));
    store.set(2, undefined);
    const { summary, complete } = store.summary();
    assert.ok(complete);
    assert.equal(summary.inputTokens, 1 + 10 + 4);
    assert.equal(summary.requests, 3);
  });
  test('random edits keep the store the length of the document', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(5), fc.nat(5)), { maxLength: 30 }), (edits) => {
        const store = new LineEstimates();
        let length = 10;
        store.reset(length);
        for (const [at, removed, inserted] of edits) {
          const start = Math.min(at, length);
          const gone = Math.min(removed, length - start);
          store.edit(start, gone, inserted);
          length += inserted - gone;
        }
        assert.equal(store.lineCount, length);
      }),
    );
  });
});

suite('pricing: actual cost from reported usage', () => {
  test('Gemini usageMetadata: output billed with thinking; batch is half', () => {
    const usage = reportedUsage({
      promptTokenCount: 1_000_000,
      candidatesTokenCount: 400_000,
      thoughtsTokenCount: 600_000,
    });
    assert.deepEqual(usage, { inputTokens: 1_000_000, outputTokens: 1_000_000, cachedTokens: 0 });
    assert.equal(usageCost('gemini-2.5-flash', usage, 'standard'), 0.3 + 2.5);
    assert.equal(usageCost('gemini-2.5-flash', usage, 'batch'), (0.3 + 2.5) / 2);
  });
  test('unknown: a model the tables lack; OpenAI usage reads cached tokens', () => {
    const usage = { inputTokens: 10, outputTokens: 1, cachedTokens: 0 };
    assert.equal(usageCost('gpt-9-ultra', usage, 'batch'), undefined);
    assert.equal(usageCost('gpt-4o-2024-05-13', usage, 'batch'), undefined, 'an unlisted snapshot is not its alias');
    assert.deepEqual(
      reportedUsage({ prompt_tokens: 7, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 2 } }),
      { inputTokens: 7, outputTokens: 3, cachedTokens: 2 },
    );
    assert.equal(reportedUsage('nope'), undefined);
  });
});
