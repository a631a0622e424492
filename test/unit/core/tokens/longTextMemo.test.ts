import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LongTextMemo } from '../../../../src/core/tokens/longTextMemo';

/** A stand-in count that depends on every character, so a wrong memo hit shows. */
const countOf = (text: string): number => [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, text.length);

suite('tokens: long text memo', () => {
  test('property: the count of every text is its own, with repeats, shared signatures and a memo that fills', () => {
    // Texts of one length that differ only between the sampled characters share a signature.
    const base = 'x'.repeat(320);
    const variant = fc
      .tuple(fc.nat(319), fc.constantFrom('a', 'b', 'é', '数'))
      .map(([at, c]) => base.slice(0, at) + c + base.slice(at + 1));
    fc.assert(
      fc.property(fc.array(variant, { maxLength: 60 }), fc.constantFrom(1000, 4000, 1 << 20), (texts, maxUnits) => {
        const memo = new LongTextMemo(maxUnits, 8);
        for (const text of [...texts, ...texts]) {
          assert.equal(memo.count(text, countOf), countOf(text));
          assert.ok(memo.size <= maxUnits);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a repeated text is counted twice at most; unique texts are not kept', () => {
    const memo = new LongTextMemo();
    const long = 'You are a careful assistant. '.repeat(40);
    let counted = 0;
    const count = (text: string): number => {
      counted++;
      return countOf(text);
    };
    for (let i = 0; i < 100; i++) {
      assert.equal(memo.count(long, count), countOf(long));
    }
    assert.equal(counted, 2);
    const before = memo.size;
    // Unique texts of one length: pseudo-random letters, a different sequence each.
    for (let i = 1; i <= 100; i++) {
      let seed = i;
      const letter = (): string => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return String.fromCharCode(97 + ((seed >>> 16) % 26));
      };
      memo.count(Array.from({ length: 1000 }, letter).join(''), countOf);
    }
    assert.equal(memo.size, before, 'texts seen once are not remembered');
  });
});
