import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { geminiRequestTokens, geminiRules } from '../../../../src/core/estimate/geminiRequestTokens';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';
import { loadGeminiCounter } from '../../../../src/core/tokens/tokenizerData';
import recorded from '../../../fixtures/tokens/recorded-gemini-counts.json';

const ASSETS = path.join(__dirname, '../../../../assets/tokenizers');

interface Recorded {
  repo: string;
  model: string;
  method: string;
  count: number;
  request: Record<string, unknown>;
}

/**
 * The Gemini recordings beside the published-counts fixture (recorded-gemini-counts.json: other commits of its tests,
 * and ruby_llm, req_llm and adk-go), where the tool rules were checked before they were kept. Reported per generation
 * and class, with floors pinned at what the rules give now, so that a rule that helps the fixture and hurts these
 * shows. Left out as in the fixture's figures: a streamed 2.5 request with thought signatures (it bills the thinking
 * they replay, tokenAccuracy.test.ts `STREAMED`), and requests the estimate cannot size offline.
 */
const FLOORS: Record<string, { exact: number; mean: number }> = {
  // 2026-11-29: 295/306 (mean 0.60%) and 582/732 (0.41%) on 2.5; 62/62 and 71/79 on Gemini 3 (mean 3.03%: adk-go's
  // TestCompactionE2E follow-ups are 600 to 720 under, not examined).
  'gemini-2.5 · text': { exact: 0.96, mean: 0.0061 },
  'gemini-2.5 · tools': { exact: 0.79, mean: 0.0042 },
  'gemini-3 · text': { exact: 1, mean: 0 },
  'gemini-3 · tools': { exact: 0.89, mean: 0.031 },
};

function generation(model: string): string | undefined {
  if (/^gemini-3/.test(model)) {
    return 'gemini-3';
  }
  return /^gemini-2\.5/.test(model) ? 'gemini-2.5' : undefined;
}

suite('estimate: the Gemini recordings beside the fixture', function () {
  this.timeout(60_000);
  let gemini: TextCounter;
  suiteSetup(async () => {
    gemini = await loadGeminiCounter(ASSETS);
  });

  test('per generation and class: share exact and mean error, at or above the pinned floors', () => {
    const figures = new Map<string, { n: number; exact: number; error: number }>();
    for (const entry of recorded.entries as Recorded[]) {
      const gen = generation(entry.model);
      const text = JSON.stringify(entry.request);
      if (
        !gen ||
        (gen === 'gemini-2.5' && entry.method === 'streamGenerateContent' && /hought_?[sS]ignature/.test(text))
      ) {
        continue;
      }
      const counted = geminiRequestTokens(entry.request, gemini, geminiRules(entry.model));
      if (counted.approximateTokens !== undefined) {
        continue;
      }
      const key = `${gen} · ${entry.request.tools ? 'tools' : 'text'}`;
      const f = figures.get(key) ?? { n: 0, exact: 0, error: 0 };
      f.n++;
      f.exact += counted.tokens === entry.count ? 1 : 0;
      f.error += Math.abs(counted.tokens - entry.count) / Math.max(1, entry.count);
      figures.set(key, f);
    }
    for (const [key, floor] of Object.entries(FLOORS)) {
      const f = figures.get(key);
      assert.ok(f && f.n >= 50, `${key}: too few recordings (${f?.n ?? 0})`);
      const words = `${key.padEnd(20)} ${f.exact}/${f.n} exact (${Math.round((100 * f.exact) / f.n)}%), mean error ${((100 * f.error) / f.n).toFixed(2)}%`;
      console.log(`    ${words}`);
      assert.ok(f.exact / f.n >= floor.exact, words);
      assert.ok(f.error / f.n <= floor.mean, words);
    }
  });
});
