import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bpeMergeCount, mergeHeap, mergeQuadratic } from '../../../../src/core/tokens/bpeMerge';

/** A vocabulary over `a`, `b`, `c`: every listed string a token, ranked by its position. */
function ranksOf(tokens: string[]): Map<string, number> {
  return new Map(tokens.map((token, rank) => [token, rank]));
}

suite('tokens: byte-pair merging', () => {
  test('property: the heap merges as tiktoken’s loop does, on any vocabulary and any text', () => {
    const token = fc.stringMatching(/^[abc]{2,5}$/);
    fc.assert(
      fc.property(fc.uniqueArray(token, { maxLength: 40 }), fc.stringMatching(/^[abc]{0,300}$/), (tokens, text) => {
        const ranks = ranksOf(tokens);
        assert.equal(mergeHeap(text, ranks), mergeQuadratic(text, ranks));
      }),
      { numRuns: 300 },
    );
  });

  test('equal ranks go to the leftmost pair, as in tiktoken', () => {
    // In `aaab` both `aa` pairs have one rank: the left one merges first, leaving `aa|ab` → `aa` + `ab`.
    const ranks = ranksOf(['ab', 'aa', 'aab']);
    assert.equal(mergeHeap('aaab'.repeat(40), ranks), mergeQuadratic('aaab'.repeat(40), ranks));
    assert.equal(bpeMergeCount('aab', ranks), 1);
  });

  test('a long run of one pair merges in n log n: 200,000 bytes count at once', () => {
    const ranks = ranksOf(['aa', 'aaaa', 'aaaaaaaa']);
    assert.equal(bpeMergeCount('a'.repeat(200_000), ranks), 25_000);
  });
});
