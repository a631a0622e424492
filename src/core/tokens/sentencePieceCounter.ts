import { ChunkCache, type TextCounter } from './textCounter';

/**
 * Token count of text under Gemini's SentencePiece BPE vocabulary (the Gemma 3 vocabulary, 262,144 pieces, which
 * the Gemini API tokenizer shares: see test/fixtures/tokens/ for the published counts it is checked against).
 *
 * SentencePiece BPE (byte_fallback, no normalisation beyond ' ' → '▁', no dummy prefix: the `normalizer`,
 * `pre_tokenizer` and `model` of the package's tokenizer.json) merges, at each step, the adjacent pair whose
 * concatenation is the highest-priority piece; the vocabulary is stored in priority order, so the priority is the
 * id. A character outside the vocabulary falls back to one token per UTF-8 byte.
 */
const SPACE = '▁';
/** Pieces only cross the start of a run of '▁' in one case (`>▁</`), so runs of '▁' start independent chunks. */
const CHUNK = /▁*[^▁]+|▁+/gu;
/** Past this length a chunk (a long run without spaces: base64, CJK) is cut, bounding the quadratic merge loop. */
const MAX_CHUNK = 512;

export class SentencePieceCounter implements TextCounter {
  readonly name = 'gemini-sentencepiece';
  private readonly ids = new Map<string, number>();
  private readonly cache = new ChunkCache();

  /** `pieces[id]` is the piece of that id; empty strings are reserved ids that never match. */
  constructor(pieces: readonly string[]) {
    for (let id = 0; id < pieces.length; id++) {
      const piece = pieces[id];
      if (piece) this.ids.set(piece, id);
    }
  }

  count(text: string): number {
    if (text.length === 0) return 0;
    const normalized = text.replaceAll(' ', SPACE);
    let total = 0;
    for (const match of normalized.matchAll(CHUNK)) {
      const chunk = match[0];
      for (let start = 0; start < chunk.length; start += MAX_CHUNK) {
        total += this.countChunk(chunk.length <= MAX_CHUNK ? chunk : chunk.slice(start, start + MAX_CHUNK));
      }
    }
    return total;
  }

  private countChunk(chunk: string): number {
    const cached = this.cache.get(chunk);
    if (cached !== undefined) return cached;
    const count = this.encodeLength(chunk);
    this.cache.set(chunk, count);
    return count;
  }

  private encodeLength(chunk: string): number {
    const symbols = Array.from(chunk);
    let fallback = 0;
    for (const symbol of symbols) {
      if (!this.ids.has(symbol)) fallback += Buffer.byteLength(symbol, 'utf8') - 1;
    }
    for (;;) {
      let best = -1;
      let bestId = Number.POSITIVE_INFINITY;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const id = this.ids.get(symbols[i] + symbols[i + 1]);
        if (id !== undefined && id < bestId) {
          bestId = id;
          best = i;
        }
      }
      if (best < 0) break;
      symbols.splice(best, 2, symbols[best] + symbols[best + 1]);
    }
    return symbols.length + fallback;
  }
}
