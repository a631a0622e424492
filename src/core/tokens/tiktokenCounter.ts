import { bpeMergeCount } from './bpeMerge';
import { ChunkCache, type TextCounter } from './textCounter';

/**
 * Token count of text under OpenAI's o200k_base encoding (gpt-4o, gpt-4.1, o-series, gpt-5: tiktoken's model
 * map). tiktoken splits text with a regular expression, then byte-pair merges each piece by rank.
 * The split pattern is tiktoken's o200k_base `pat_str`, written without inline flags as gpt-tokenizer does
 * (gpt-tokenizer src/encodingParams/constants.ts, MIT).
 */
const CONTRACTION = String.raw`(?:'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE]))?`;
const UPPER = String.raw`[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`;
const LOWER = String.raw`[\p{Ll}\p{Lm}\p{Lo}\p{M}]`;
const SPLIT = new RegExp(
  String.raw`[^\r\n\p{L}\p{N}]?${UPPER}*${LOWER}+${CONTRACTION}|[^\r\n\p{L}\p{N}]?${UPPER}+${LOWER}*${CONTRACTION}` +
    String.raw`|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
  'gu',
);

export class TiktokenCounter implements TextCounter {
  readonly name = 'o200k_base';
  private readonly cache = new ChunkCache();

  /** `ranks` maps a token's bytes, as a latin1 string (one char per byte), to its rank. */
  constructor(private readonly ranks: ReadonlyMap<string, number>) {}

  count(text: string): number {
    let total = 0;
    for (const match of text.matchAll(SPLIT)) {
      const piece = match[0];
      const cached = this.cache.get(piece);
      if (cached !== undefined) {
        total += cached;
        continue;
      }
      const count = bpeMergeCount(Buffer.from(piece, 'utf8').toString('latin1'), this.ranks);
      this.cache.set(piece, count);
      total += count;
    }
    return total;
  }
}
