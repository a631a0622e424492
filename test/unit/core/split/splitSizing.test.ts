import * as assert from 'node:assert/strict';
import { LineEstimates } from '../../../../src/core/estimate/lineEstimates';
import { splitSizing } from '../../../../src/core/split';

suite('split: sizing from what was asked', () => {
  test('a token cap with every line counted sizes parts by those counts (0-based lines, 1-based lineNo)', async () => {
    const sizing = splitSizing('openai', { maxTokens: 100.7, maxLines: 3 }, [10, 0, 90]);
    assert.equal(sizing.maxTokens, 100);
    assert.equal(sizing.maxLines, 50_000, 'the provider cap stays; the proportional request cap is not used');
    assert.equal(await sizing.lineTokens?.(Buffer.from('{}'), 3), 90);
    assert.equal(await sizing.lineTokens?.(Buffer.from('{}'), 99), 0, 'a line past the counts costs nothing');
  });

  test('without the counts, the request cap is the fallback; malformed asks are ignored', () => {
    assert.deepEqual(splitSizing('gemini-generate', { maxTokens: 100, maxLines: 3 }), {
      maxBytes: 2 * 1024 ** 3,
      maxLines: 3,
    });
    const bad = splitSizing('openai', { maxTokens: 'x', maxLines: -1 }, [1]);
    assert.equal(bad.maxTokens, undefined);
    assert.equal(bad.maxLines, 50_000);
  });

  test("the open document's counts: none while a line is pending, then one per line", () => {
    const store = new LineEstimates();
    store.reset(3);
    assert.equal(store.inputTokensByLine(), undefined);
    const estimate = (inputTokens: number) => ({
      line: 1,
      provider: 'gemini' as const,
      inputTokens,
      outputTokens: 0,
      unknownMedia: 0,
    });
    store.set(0, estimate(7));
    store.set(1, undefined);
    store.set(2, estimate(5));
    assert.deepEqual(store.inputTokensByLine(), [7, 0, 5]);
  });
});
