import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { geminiRequestTokens, geminiRules } from '../../../src/core/estimate/geminiRequestTokens';
import { openaiRequestTokens } from '../../../src/core/estimate/openaiRequestTokens';
import type { TextCounter } from '../../../src/core/tokens/textCounter';
import { loadGeminiCounter, loadOpenAiCounter } from '../../../src/core/tokens/tokenizerData';
import fixture from '../../fixtures/tokens/published-counts.json';
import reference from '../../fixtures/tokens/tokenizer-reference.json';

const ASSETS = path.join(__dirname, '..', '..', '..', 'assets', 'tokenizers');

interface Entry {
  provider: string;
  generation: string;
  model: string;
  count: number;
  request?: Record<string, unknown>;
  url?: string;
  body?: Record<string, unknown>;
}

/**
 * The offline estimate against counts the APIs returned, as published (test/fixtures/tokens/published-counts.json,
 * each entry with its source). Reports the share of exact counts and the mean and max error per generation, and holds
 * issue 10's bar (≥ 90% exact, mean error ≤ 2%) for the generations it names. The published set is small: this
 * pins the counting rules (per-Content and per-message overheads, the vocabularies), not a statistical accuracy.
 */
suite('tokens: accuracy on published counts', function () {
  this.timeout(60_000);
  let gemini: TextCounter;
  let openai: TextCounter;
  suiteSetup(async () => {
    gemini = await loadGeminiCounter(ASSETS);
    openai = await loadOpenAiCounter(ASSETS);
  });

  function estimate(entry: Entry): number {
    if (entry.provider === 'openai') {
      return openaiRequestTokens(entry.url ?? '', entry.body ?? {}, openai).tokens;
    }
    return geminiRequestTokens(entry.request ?? {}, gemini, geminiRules(entry.model)).tokens;
  }

  test('per generation: share exact, mean and max error', () => {
    const byGeneration = new Map<string, { exact: number; n: number; errors: number[] }>();
    for (const entry of fixture.entries as Entry[]) {
      const got = estimate(entry);
      const stats = byGeneration.get(entry.generation) ?? { exact: 0, n: 0, errors: [] };
      stats.n++;
      if (got === entry.count) {
        stats.exact++;
      }
      stats.errors.push(Math.abs(got - entry.count) / entry.count);
      byGeneration.set(entry.generation, stats);
    }
    for (const [generation, s] of byGeneration) {
      const mean = s.errors.reduce((a, b) => a + b, 0) / s.n;
      const max = Math.max(...s.errors);
      console.log(
        `    ${generation}: ${s.exact}/${s.n} exact, mean error ${(mean * 100).toFixed(2)}%, max ${(max * 100).toFixed(2)}%`,
      );
      if (generation === 'gemini-2.5+' || generation === 'openai-chat') {
        assert.ok(s.exact / s.n >= 0.9, `${generation}: ${s.exact}/${s.n} exact`);
        assert.ok(mean <= 0.02, `${generation}: mean error ${mean}`);
      }
    }
    assert.ok(byGeneration.has('gemini-2.5+') && byGeneration.has('openai-chat'));
  });

  test('the per-Content overhead is what separates 2.5+ from 2.0', () => {
    const request = {
      contents: [{ parts: [{ text: 'Why is the sky blue?' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
    };
    const old = geminiRequestTokens(request, gemini, geminiRules('gemini-2.0-flash')).tokens;
    assert.equal(geminiRequestTokens(request, gemini, geminiRules('gemini-2.5-flash')).tokens, old + 2);
  });
});

suite('tokens: the offline counters match the published tokenizers', function () {
  this.timeout(60_000);
  test('every reference text (spaces, tabs, newlines, scripts, emoji, base64) counts exactly', async () => {
    const gemini = await loadGeminiCounter(ASSETS);
    const openai = await loadOpenAiCounter(ASSETS);
    for (const entry of reference.entries) {
      assert.equal(gemini.count(entry.text), entry.gemini, `gemini: ${JSON.stringify(entry.text)}`);
      assert.equal(openai.count(entry.text), entry.o200k, `o200k: ${JSON.stringify(entry.text)}`);
    }
  });
});
