/** Counts the tokens of plain text for one tokenizer. Implementations cache per chunk, so they hold state. */
export interface TextCounter {
  /** Which vocabulary this is, for reports (`gemini-sentencepiece`, `o200k_base`). */
  readonly name: string;
  count(text: string): number;
  /**
   * This tokenizer's counter for text whose characters are its UTF-8 bytes (latin1-decoded), when it has one: the
   * estimate decodes lines that way where it can (blockLines.ts). The counts are those of `count` on the text.
   */
  byteForm?(): TextCounter;
}

/**
 * A bounded memo of chunk → token count. Batch files repeat the same words and prompt templates on every line, so
 * this is what makes counting stream at file speed; the bound keeps memory flat on files of unique text.
 */
export class ChunkCache {
  private readonly map = new Map<string, number>();
  constructor(private readonly limit = 200_000) {}

  get(chunk: string): number | undefined {
    return this.map.get(chunk);
  }

  set(chunk: string, count: number): void {
    // Dropping everything when full is cheaper than LRU bookkeeping, and a refill costs one pass of misses.
    if (this.map.size >= this.limit) {
      this.map.clear();
    }
    this.map.set(chunk, count);
  }
}
