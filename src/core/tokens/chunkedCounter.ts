import { Buffer } from 'node:buffer';
import { utf16Of } from './byteForm';
import { ChunkTable } from './chunkTable';
import { LongTextMemo } from './longTextMemo';
import { ChunkCache, type TextCounter } from './textCounter';

/**
 * The text side of a SentencePiece count: text is cut at the tokenizer's added tokens (one token each) and then into
 * chunks, and each chunk's count comes from the memo or, on a miss, from `countChunk`. A chunk runs from the start of
 * one run of spaces to the start of the next: pieces only cross the start of a run of '▁' in one case (`>▁</`), so
 * each run of '▁' starts an independent chunk.
 *
 * The chunks are found in the text's UTF-8 bytes, written into a scratch buffer by Node (a copy for text in byte
 * form, see byteForm.ts): scanning a Uint8Array took half the time of charCodeAt on the string, measured on the bench
 * file's texts, and both forms of a text give the same bytes, so they share the chunk memo. The memos of whole texts
 * are keyed on the string as given, so each form has its own (`counter`): "é" in byte form is the string "Ã©".
 */
/**
 * FNV-1a over the bytes, the chunk hash of the ChunkTable. Written inline in the scan, not imported: an imported
 * function or constant is read through a getter under the test and bench runner's CommonJS output, and the seed is an
 * int32 (`| 0`) so the running hash never becomes a boxed double in V8.
 */
const FNV_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/**
 * Past this many bytes of scratch a segment is counted from its string instead (`segmentAsText`), as is UTF-16 text
 * with a lone surrogate, which has no UTF-8 form (SentencePieceCounter gives it a count of its own): one hostile line
 * does not grow the scratch to its size.
 */
const MAX_SCRATCH = 4 * 1024 * 1024;

export class ChunkedCounter {
  private scratch = Buffer.allocUnsafe(64 * 1024);
  /** The scratch as a plain Uint8Array: indexing a Buffer was slower than indexing its view, measured. */
  private bytes = new Uint8Array(this.scratch.buffer, this.scratch.byteOffset, this.scratch.length);
  /** Chunks of the segments counted from their strings. */
  private readonly textChunks = new ChunkCache(50_000);

  /**
   * `atomic`: the added tokens, matched whole before the chunks; `countChunk`: the uncached count of one chunk of
   * UTF-16 text; `cache`: the chunk memo (the tests inject one that never hits).
   */
  constructor(
    private readonly atomic: RegExp | undefined,
    private readonly countChunk: (chunk: string) => number,
    private readonly cache = new ChunkTable(),
  ) {}

  /** A counter of text in one form (UTF-16, or UTF-8 bytes one character each) on this memo. */
  counter(name: string, inBytes: boolean): TextCounter {
    return new FormCounter(name, (text) => this.countText(text, inBytes));
  }

  private countText(text: string, inBytes: boolean): number {
    // Added tokens all start with '<' or '[': most text has neither, and skips the search. They are ASCII, so they
    // are found alike in both forms.
    if (!this.atomic || (!text.includes('<') && !text.includes('['))) {
      return this.segment(text, inBytes);
    }
    let total = 0;
    let start = 0;
    for (const match of text.matchAll(this.atomic)) {
      total += this.segment(text.slice(start, match.index), inBytes) + 1;
      start = match.index + match[0].length;
    }
    return total + this.segment(text.slice(start), inBytes);
  }

  private segment(text: string, inBytes: boolean): number {
    const room = inBytes ? text.length : text.length * 3;
    if (room > MAX_SCRATCH || (!inBytes && !text.isWellFormed())) {
      return this.segmentAsText(inBytes ? utf16Of(text) : text);
    }
    if (room > this.scratch.length) {
      this.scratch = Buffer.allocUnsafe(Math.max(room, this.scratch.length * 2));
      this.bytes = new Uint8Array(this.scratch.buffer, this.scratch.byteOffset, this.scratch.length);
    }
    const length = this.scratch.write(text, 0, inBytes ? 'latin1' : 'utf8');
    const bytes = this.bytes;
    let total = 0;
    let i = 0;
    while (i < length) {
      const start = i;
      let hash = FNV_SEED;
      let code = 0;
      while (i < length && bytes[i] === 0x20) {
        hash = Math.imul(hash ^ 0x20, FNV_PRIME);
        i++;
      }
      while (i < length && (code = bytes[i]) !== 0x20) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        i++;
      }
      let count = this.cache.get(bytes, start, i, hash);
      if (count < 0) {
        count = this.countChunk(this.scratch.toString('utf8', start, i));
        this.cache.set(bytes, start, i, hash, count);
      }
      total += count;
    }
    return total;
  }

  /** The same count from the UTF-16 string, chunk by chunk, each one sliced out. */
  private segmentAsText(text: string): number {
    let total = 0;
    for (let start = 0; start < text.length;) {
      let end = start;
      while (end < text.length && text.charCodeAt(end) === 0x20) {
        end++;
      }
      end = text.indexOf(' ', end);
      end = end < 0 ? text.length : end;
      const chunk = text.slice(start, end);
      let count = this.textChunks.get(chunk);
      if (count === undefined) {
        count = this.countChunk(chunk);
        this.textChunks.set(chunk, count);
      }
      total += count;
      start = end;
    }
    return total;
  }
}

declare global {
  /** String.prototype.isWellFormed (ES2024, in Node 20), which the ES2022 lib does not declare. */
  interface String {
    isWellFormed(): boolean;
  }
}

/** Counts texts of one form, remembering whole texts: batch files repeat them on every line. */
class FormCounter implements TextCounter {
  /** Whole short texts: a system instruction or a prompt template on every line. */
  private readonly texts = new ChunkCache(50_000);
  /** Whole long texts seen more than once (a long system instruction on every line). */
  private readonly longTexts = new LongTextMemo();

  constructor(
    readonly name: string,
    private readonly countText: (text: string) => number,
  ) {}

  count(text: string): number {
    if (text.length > 256) {
      return this.longTexts.count(text, this.countText);
    }
    const cached = this.texts.get(text);
    if (cached !== undefined) {
      return cached;
    }
    const count = this.countText(text);
    this.texts.set(text, count);
    return count;
  }
}
