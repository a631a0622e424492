import { ChunkTable } from './chunkTable';
import { ChunkedCounter } from './chunkedCounter';
import type { TextCounter } from './textCounter';
import { VocabTable } from './vocabTable';

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
/** Past this length a chunk (a long run without spaces: base64, CJK) is cut, bounding the quadratic merge loop. */
const MAX_CHUNK = 512;
/** No piece for a pair: above every priority (the vocabulary has 262,144 pieces). */
const NONE = 0x7fffffff;

export class SentencePieceCounter implements TextCounter {
  readonly name = 'gemini-sentencepiece';
  private readonly vocab: VocabTable;
  private readonly atomic: RegExp | undefined;
  /** Cuts text into chunks and remembers their counts (chunkedCounter.ts). */
  private readonly chunks: ChunkedCounter;
  private readonly text: TextCounter;
  private bytes?: TextCounter;

  /**
   * `pieces` in merge priority order, highest first (empty strings never match), or their table; `added`: tokens matched whole in the
   * text before BPE, one token each (the tokenizer's added tokens: `<b>`, `</div>`, `<start_of_turn>`…); `cache`:
   * the memo of chunk counts (injected by the tests, which compare against a table that never hits).
   */
  constructor(pieces: readonly string[] | VocabTable, added: readonly string[] = [], cache = new ChunkTable()) {
    this.vocab = pieces instanceof VocabTable ? pieces : VocabTable.fromPieces(pieces);
    const escaped = [...added].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.atomic = escaped.length ? new RegExp(escaped.join('|'), 'g') : undefined;
    this.chunks = new ChunkedCounter(this.atomic, (chunk) => this.chunkTokens(chunk), cache);
    this.text = this.chunks.counter(this.name, false);
  }

  count(text: string): number {
    return this.text.count(text);
  }

  /**
   * The same count for text whose characters are its UTF-8 bytes (a line decoded as latin1, which is cheaper to
   * decode and to parse than UTF-8): both forms are counted on the same UTF-8 bytes (chunkedCounter.ts), so the
   * counts are the same whatever the form.
   */
  byteForm(): TextCounter {
    this.bytes ??= this.chunks.counter(this.name, true);
    return this.bytes;
  }

  /** Tokens of one chunk of UTF-16 text (a run of spaces and what follows it up to the next space), uncached. */
  private chunkTokens(chunk: string): number {
    const normalized = chunk.replaceAll(' ', SPACE);
    let count = 0;
    for (let from = 0; from < normalized.length; from += MAX_CHUNK) {
      count += this.encodeLength(
        normalized.length <= MAX_CHUNK ? normalized : normalized.slice(from, from + MAX_CHUNK),
      );
    }
    return count;
  }

  private encodeLength(chunk: string): number {
    // Symbols are ranges of the chunk's UTF-8 bytes (a merge joins two neighbours, so a symbol stays one range):
    // symbol i is utf8[starts[i], starts[i + 1]), and a pair is looked up as one range, without concatenating.
    const length = chunk.length;
    const utf8 = new Uint8Array(length * 3);
    const starts = new Int32Array(length + 1);
    // A lone surrogate (Array.from makes it a symbol of its own) has no UTF-8 form: no piece holds it, so neither it
    // nor a pair with it is looked up. It is written as U+FFFD, the 3 bytes it falls back to.
    const lone = new Uint8Array(length + 1);
    let symbols = 0;
    let fallback = 0;
    let at = 0;
    for (let i = 0; i < length; symbols++) {
      starts[symbols] = at;
      const code = chunk.charCodeAt(i++);
      if (code < 0x80) {
        utf8[at++] = code;
      } else if (code < 0x800) {
        utf8[at++] = 0xc0 | (code >> 6);
        utf8[at++] = 0x80 | (code & 0x3f);
      } else if ((code & 0xfc00) === 0xd800 && i < length && (chunk.charCodeAt(i) & 0xfc00) === 0xdc00) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (chunk.charCodeAt(i++) - 0xdc00);
        utf8[at++] = 0xf0 | (point >> 18);
        utf8[at++] = 0x80 | ((point >> 12) & 0x3f);
        utf8[at++] = 0x80 | ((point >> 6) & 0x3f);
        utf8[at++] = 0x80 | (point & 0x3f);
      } else if ((code & 0xf800) === 0xd800) {
        lone[symbols] = 1;
        utf8[at++] = 0xef;
        utf8[at++] = 0xbf;
        utf8[at++] = 0xbd;
      } else {
        utf8[at++] = 0xe0 | (code >> 12);
        utf8[at++] = 0x80 | ((code >> 6) & 0x3f);
        utf8[at++] = 0x80 | (code & 0x3f);
      }
      // A character outside the vocabulary is one token per UTF-8 byte.
      if (lone[symbols] === 1 || this.vocab.get(utf8, starts[symbols], at) < 0) {
        fallback += at - starts[symbols] - 1;
      }
    }
    starts[symbols] = at;
    // priority[i]: of merging symbols i and i+1 (NONE: no such piece). After a merge only the two neighbours'
    // priorities change, so each merge costs two lookups instead of one per pair.
    const priority = new Int32Array(symbols + 1);
    const pair = (i: number): number => {
      if (i + 1 >= symbols || lone[i] === 1 || lone[i + 1] === 1) {
        return NONE;
      }
      const found = this.vocab.get(utf8, starts[i], starts[i + 2]);
      return found < 0 ? NONE : found;
    };
    for (let i = 0; i < symbols; i++) {
      priority[i] = pair(i);
    }
    for (;;) {
      let best = -1;
      let bestPriority = NONE;
      for (let i = 0; i < symbols; i++) {
        if (priority[i] < bestPriority) {
          bestPriority = priority[i];
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      // Symbols best and best+1 become one: drop the start of best+1, and the priority of the pair they formed.
      starts.copyWithin(best + 1, best + 2, symbols + 1);
      lone.copyWithin(best + 1, best + 2, symbols + 1);
      priority.copyWithin(best, best + 1, symbols);
      symbols--;
      priority[best] = pair(best);
      if (best > 0) {
        priority[best - 1] = pair(best - 1);
      }
    }
    return symbols + fallback;
  }
}
