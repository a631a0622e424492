import { ChunkTable } from './chunkTable';
import { ChunkCache, type TextCounter } from './textCounter';

/**
 * Token count of text under Gemini's SentencePiece BPE vocabulary (the Gemma 3 vocabulary, 262,144 pieces, which
 * the Gemini API tokenizer shares: see test/fixtures/tokens/ for the published counts it is checked against).
 *
 * SentencePiece BPE (byte_fallback, no normalisation beyond ' ' → '▁', no dummy prefix: the `normalizer`,
 * `pre_tokenizer` and `model` of the package's tokenizer.json) merges, at each step, the adjacent pair whose
 * concatenation is the highest-priority piece (its first rank in the package's merge list: the vocabulary file holds
 * the pieces in that order, so a piece's priority is its position). A character outside the vocabulary falls back to one token per UTF-8 byte.
 */
const SPACE = '▁';
// Pieces only cross the start of a run of '▁' in one case (`>▁</`), so each run of '▁' starts an independent chunk.
/** Past this length a chunk (a long run without spaces: base64, CJK) is cut, bounding the quadratic merge loop. */
const MAX_CHUNK = 512;
/**
 * FNV-1a over UTF-16 code units, the chunk hash of the ChunkTable. Written inline in the scan, not imported: an
 * imported function or constant is read through a getter under the test and bench runner's CommonJS output, and
 * the seed is an int32 (`| 0`) so the running hash never becomes a boxed double in V8.
 */
const FNV_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export class SentencePieceCounter implements TextCounter {
  readonly name = 'gemini-sentencepiece';
  private readonly ids = new Map<string, number>();
  /** Whole short texts: batch files repeat their system instruction and prompt template on every line. */
  private readonly texts = new ChunkCache(50_000);

  private readonly atomic: RegExp | undefined;

  /**
   * `pieces` in merge priority order, highest first (empty strings never match); `added`: tokens matched whole in the
   * text before BPE, one token each (the tokenizer's added tokens: `<b>`, `</div>`, `<start_of_turn>`…); `cache`:
   * the memo of chunk counts (injected by the tests, which compare against a table that never hits).
   */
  constructor(
    pieces: readonly string[],
    added: readonly string[] = [],
    private readonly cache = new ChunkTable(),
  ) {
    for (let priority = 0; priority < pieces.length; priority++) {
      const piece = pieces[priority];
      if (piece && !this.ids.has(piece)) {
        this.ids.set(piece, priority);
      }
    }
    const escaped = [...added].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.atomic = escaped.length ? new RegExp(escaped.join('|'), 'g') : undefined;
  }

  count(text: string): number {
    if (text.length > 256) {
      return this.countText(text);
    }
    const cached = this.texts.get(text);
    if (cached !== undefined) {
      return cached;
    }
    const count = this.countText(text);
    this.texts.set(text, count);
    return count;
  }

  private countText(text: string): number {
    // Added tokens all start with '<' or '[': most text has neither, and skips the search.
    if (!this.atomic || (!text.includes('<') && !text.includes('['))) {
      return this.countSegment(text);
    }
    let total = 0;
    let start = 0;
    for (const match of text.matchAll(this.atomic)) {
      total += this.countSegment(text.slice(start, match.index)) + 1;
      start = match.index + match[0].length;
    }
    return total + this.countSegment(text.slice(start));
  }

  private countSegment(text: string): number {
    // A chunk runs from the start of one run of spaces to the start of the next, scanned by hand and hashed on the
    // way, so a cached chunk is found without slicing it out of the text (see ChunkTable).
    const length = text.length;
    let total = 0;
    let i = 0;
    while (i < length) {
      const start = i;
      let hash = FNV_SEED;
      let code = 0;
      while (i < length && text.charCodeAt(i) === 0x20) {
        hash = Math.imul(hash ^ 0x20, FNV_PRIME);
        i++;
      }
      while (i < length && (code = text.charCodeAt(i)) !== 0x20) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        i++;
      }
      total += this.countChunk(text, start, i, hash);
    }
    return total;
  }

  private countChunk(text: string, start: number, end: number, hash: number): number {
    const cached = this.cache.get(text, start, end, hash);
    if (cached >= 0) {
      return cached;
    }
    const chunk = text.slice(start, end);
    const normalized = chunk.replaceAll(' ', SPACE);
    let count = 0;
    for (let from = 0; from < normalized.length; from += MAX_CHUNK) {
      count += this.encodeLength(
        normalized.length <= MAX_CHUNK ? normalized : normalized.slice(from, from + MAX_CHUNK),
      );
    }
    this.cache.set(text, start, end, hash, count);
    return count;
  }

  private encodeLength(chunk: string): number {
    const symbols = Array.from(chunk);
    let fallback = 0;
    for (const symbol of symbols) {
      if (!this.ids.has(symbol)) {
        fallback += Buffer.byteLength(symbol, 'utf8') - 1;
      }
    }
    // priority[i]: of merging symbols i and i+1 (Infinity: no such piece). After a merge only the two neighbours'
    // priorities change, so each merge costs two lookups instead of one per pair.
    const priority = symbols.map((s, i) =>
      i + 1 < symbols.length ? (this.ids.get(s + symbols[i + 1]) ?? Infinity) : Infinity,
    );
    for (;;) {
      let best = -1;
      let bestPriority = Infinity;
      for (let i = 0; i < priority.length; i++) {
        if (priority[i] < bestPriority) {
          bestPriority = priority[i];
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      symbols.splice(best, 2, symbols[best] + symbols[best + 1]);
      priority.splice(best, 1);
      priority[best] =
        best + 1 < symbols.length ? (this.ids.get(symbols[best] + symbols[best + 1]) ?? Infinity) : Infinity;
      if (best > 0) {
        priority[best - 1] = this.ids.get(symbols[best - 1] + symbols[best]) ?? Infinity;
      }
    }
    return symbols.length + fallback;
  }
}
