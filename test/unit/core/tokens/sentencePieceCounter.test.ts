import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { ChunkTable } from '../../../../src/core/tokens/chunkTable';
import { SentencePieceCounter } from '../../../../src/core/tokens/sentencePieceCounter';
import { GEMINI_ADDED_FILE, GEMINI_VOCAB_FILE, loadGeminiCounter } from '../../../../src/core/tokens/tokenizerData';
import { VocabTable } from '../../../../src/core/tokens/vocabTable';
import reference from '../../../fixtures/tokens/tokenizer-reference.json';

const ASSETS = path.join(__dirname, '../../../../assets/tokenizers');

/** A table that never hits: every chunk goes through the BPE merge loop. */
class NoCache extends ChunkTable {
  override get(): number {
    return -1;
  }
}

/**
 * SentencePiece BPE as written before the byte-keyed table, on a Map of decoded pieces and concatenated strings: the
 * reference the counter is held to, on Gemini's whole vocabulary.
 */
class MapBpe {
  private readonly ids = new Map<string, number>();
  private readonly atomic: RegExp;

  constructor(pieces: readonly string[], added: readonly string[]) {
    pieces.forEach((piece, priority) => {
      if (piece && !this.ids.has(piece)) {
        this.ids.set(piece, priority);
      }
    });
    const escaped = [...added].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.atomic = new RegExp(escaped.join('|'), 'g');
  }

  count(text: string): number {
    let total = 0;
    let start = 0;
    for (const match of text.matchAll(this.atomic)) {
      total += this.segment(text.slice(start, match.index)) + 1;
      start = match.index + match[0].length;
    }
    return total + this.segment(text.slice(start));
  }

  private segment(text: string): number {
    // Chunks: a run of spaces and what follows it up to the next space.
    return (text.match(/ *[^ ]+| +/g) ?? []).reduce((n, chunk) => {
      const normalized = chunk.replaceAll(' ', '▁');
      for (let from = 0; from < normalized.length; from += 512) {
        n += this.encode(normalized.slice(from, from + 512));
      }
      return n;
    }, 0);
  }

  private encode(chunk: string): number {
    const symbols = Array.from(chunk);
    const fallback = symbols.reduce((n, s) => n + (this.ids.has(s) ? 0 : Buffer.byteLength(s, 'utf8') - 1), 0);
    for (;;) {
      let best = -1;
      let bestPriority = Infinity;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const priority = this.ids.get(symbols[i] + symbols[i + 1]) ?? Infinity;
        if (priority < bestPriority) {
          bestPriority = priority;
          best = i;
        }
      }
      if (best < 0) {
        return symbols.length + fallback;
      }
      symbols.splice(best, 2, symbols[best] + symbols[best + 1]);
    }
  }
}

function records(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const length = bytes.readUInt16LE(offset);
    out.push(bytes.toString('utf8', offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  return out;
}

// Spaces, runs of them, 2-, 3- and 4-byte characters, lone surrogates, added tokens, common English pieces.
const PIECES = [
  ...'abcdefghij  \n\t.,:{}"<>/',
  'é',
  'ü',
  'ñ',
  '数',
  '据',
  'テ',
  'ス',
  '😀',
  '🚀',
  '\u0301',
  '\ud800',
  '\udc00',
  '<b>',
  '</div>',
  '<start_of_turn>',
  'the',
  'ing',
  ' of',
  'tion',
  '1234',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => p.join(''));

suite('tokens: SentencePiece counter on the byte-keyed vocabulary', function () {
  this.timeout(120_000);
  let bpe: MapBpe;
  let counter: SentencePieceCounter;
  let uncached: SentencePieceCounter;
  suiteSetup(async () => {
    const pieces = records(gunzipSync(fs.readFileSync(path.join(ASSETS, GEMINI_VOCAB_FILE))));
    const added = JSON.parse(fs.readFileSync(path.join(ASSETS, GEMINI_ADDED_FILE), 'utf8')) as string[];
    bpe = new MapBpe(pieces, added);
    counter = await loadGeminiCounter(ASSETS);
    uncached = new SentencePieceCounter(VocabTable.fromPieces(pieces), added, new NoCache());
  });

  test('the published reference texts, and long runs cut at 512 characters', () => {
    const texts = [
      ...reference.entries.map((e) => e.text),
      'x'.repeat(2000),
      'ab'.repeat(700),
      '数'.repeat(600),
      `${'😀'.repeat(300)}a`,
      ` ${'😀'.repeat(255)}`,
    ];
    for (const t of texts) {
      const want = bpe.count(t);
      assert.equal(counter.count(t), want, JSON.stringify(t.slice(0, 60)));
      assert.equal(uncached.count(t), want, JSON.stringify(t.slice(0, 60)));
    }
    for (const e of reference.entries) {
      assert.equal(counter.count(e.text), e.gemini, JSON.stringify(e.text));
    }
  });

  test('property: the same count as the Map-based BPE, cached or not', () => {
    fc.assert(
      fc.property(text, (t) => {
        const want = bpe.count(t);
        assert.equal(uncached.count(t), want, JSON.stringify(t));
        assert.equal(counter.count(t), want, JSON.stringify(t));
      }),
      { numRuns: 3000 },
    );
  });

  test('property: text in byte form (its UTF-8 bytes as latin1) counts as the text does', () => {
    const bytes = counter.byteForm();
    const asBytes = (t: string): string => Buffer.from(t, 'utf8').toString('latin1');
    fc.assert(
      fc.property(
        text.filter((t) => t.isWellFormed()),
        fc.nat(3),
        (t, copies) => {
          // Repeated past 256 characters: the long-text memo, then the chunk memo alone.
          const long = `${t} `.repeat(copies * 40 + 1);
          assert.equal(bytes.count(asBytes(t)), bpe.count(t), JSON.stringify(t));
          assert.equal(bytes.count(asBytes(long)), counter.count(long), JSON.stringify(t));
        },
      ),
      { numRuns: 1000 },
    );
    // Past the scratch buffer's bound (4 MB) a segment is counted from its string, in either form.
    const huge = ' ab 数据 😀'.repeat(350_000);
    assert.equal(bytes.count(asBytes(huge)), counter.count(huge));
    assert.equal(counter.count(huge), 350_000 * counter.count(' ab 数据 😀'));
  });

  test('a vocabulary record that is not well-formed UTF-8 stands for what Buffer decodes of it', () => {
    // Records: 'a', 0xC3 alone (→ U+FFFD), 'b', and U+FFFD written properly (a later priority: the first one wins).
    const table = VocabTable.fromRecords(
      Buffer.from([1, 0, 0x61, 1, 0, 0xc3, 1, 0, 0x62, 3, 0, 0xef, 0xbf, 0xbd]),
    ) as VocabTable;
    const key = (s: string): Buffer => Buffer.from(s, 'utf8');
    assert.equal(table.get(key('\ufffd'), 0, 3), 1);
    assert.equal(table.get(key('b'), 0, 1), 2);
    assert.equal(table.get(key('c'), 0, 1), -1);
    assert.equal(VocabTable.fromRecords(Buffer.from([5, 0, 0x61])), undefined, 'a truncated record');
  });
});
