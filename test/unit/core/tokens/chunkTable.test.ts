import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ChunkTable } from '../../../../src/core/tokens/chunkTable';
import { SentencePieceCounter } from '../../../../src/core/tokens/sentencePieceCounter';

/** A table that never hits: every chunk goes through the BPE merge loop, the reference for the cached path. */
class NoCache extends ChunkTable {
  override get(): number {
    return -1;
  }
}

// Small alphabets so that random texts repeat chunks, collide in tiny tables and hold runs of spaces.
const ALPHABET = ['a', 'b', 'c', ' ', ' ', '<b>', 'é', '数', '😀', '\n'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }).map((parts) => parts.join(''));
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

suite('tokens: chunk table', () => {
  test('property: a lookup gives the count stored for the same characters or a miss, never another count', () => {
    // The hash is an argument: a weak one (few values) forces collisions, and a tiny table forces it to empty itself.
    const entry = fc.record({ word: text, start: fc.nat(5), hashBits: fc.constantFrom(0, 1, 3, 0xffff) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 80 }), fc.constantFrom(2, 8, 64), (entries, limit) => {
        const table = new ChunkTable(limit, 40, 20);
        const reference = new Map<string, number>();
        const hashOf = (s: string, bits: number) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7) & bits;
        for (const [n, { word, start, hashBits }] of entries.entries()) {
          const padded = utf8('x'.repeat(start) + word + 'yy');
          const end = start + utf8(word).length;
          const hash = hashOf(word, hashBits);
          const got = table.get(padded, start, end, hash);
          if (got !== -1) {
            assert.equal(got, reference.get(`${hash}:${word}`), JSON.stringify(word));
          } else if (end > start) {
            // Stored only after a miss, as the counter does.
            table.set(padded, start, end, hash, n);
            reference.set(`${hash}:${word}`, n);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a stored range is found again until the table fills, and a key over maxKey is not stored', () => {
    const table = new ChunkTable(4, 100, 10);
    // '▁' is 3 bytes: '▁hello' is bytes [0, 8).
    table.set(utf8('xx▁hello'), 2, 10, 42, 3);
    assert.equal(table.get(utf8('▁hello'), 0, 8, 42), 3);
    assert.equal(table.get(utf8('▁hellO'), 0, 8, 42), -1);
    assert.equal(table.get(utf8('▁hell'), 0, 7, 42), -1);
    table.set(utf8('0123456789abc'), 0, 11, 5, 9);
    assert.equal(table.get(utf8('0123456789abc'), 0, 11, 5), -1);
    for (let i = 0; i < 4; i++) {
      table.set(utf8(`w${i}`), 0, 2, i, i);
    }
    // The fifth entry emptied the table: the first one is gone, the last one is there.
    assert.equal(table.get(utf8('▁hello'), 0, 8, 42), -1);
    assert.equal(table.get(utf8('w3'), 0, 2, 3), 3);
  });

  test('the table and its key store grow past their first size and keep every entry', () => {
    const table = new ChunkTable(20_000);
    const word = (i: number) => utf8(`▁word${i.toString(36)}`);
    // 4000 words pass the first 4096 slots and 16,384 key bytes; hash i & 0x3ff (1024 values) makes growing keep
    // colliding entries apart too.
    for (let i = 0; i < 4000; i++) {
      const w = word(i);
      assert.equal(table.get(w, 0, w.length, i & 0x3ff), -1);
      table.set(w, 0, w.length, i & 0x3ff, i);
    }
    for (let i = 0; i < 4000; i++) {
      const w = word(i);
      assert.equal(table.get(w, 0, w.length, i & 0x3ff), i, String(w));
    }
  });

  test('property: the SentencePiece counter counts the same with its chunk table as without', () => {
    // A small vocabulary with merges of different priorities, byte fallback (数, 😀) and an added token.
    const pieces = ['a', 'b', 'c', '▁', 'é', '\n', '▁a', 'ab', 'bc', '▁ab', 'abc', '▁▁', 'ca', 'é▁', '▁abc', 'cab'];
    const added = ['<b>'];
    const cached = new SentencePieceCounter(pieces, added, new ChunkTable(16, 64, 24));
    const reference = new SentencePieceCounter(pieces, added, new NoCache());
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 20 }), (texts) => {
        for (const t of texts) {
          assert.equal(cached.count(t), reference.count(t), JSON.stringify(t));
          // Past 256 characters the whole-text memo is skipped: the chunk table alone answers.
          const long = `${t} `.repeat(Math.ceil(300 / (t.length + 1)));
          assert.equal(cached.count(long), reference.count(long), JSON.stringify(long));
        }
      }),
      { numRuns: 200 },
    );
  });
});
