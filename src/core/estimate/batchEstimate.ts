import { utf16Of } from '../tokens/byteForm';
import type { TextCounter } from '../tokens/textCounter';
import { BlockLines } from './blockLines';
import { parseObjectText } from '../jobs/lineReader';
import { type LineEstimate, type LineOptions, type TokenProvider, estimateLine, lineProvider } from './lineEstimate';
import { tooLongLineEstimate } from './tooLongLine';

/**
 * Numbers per estimate in `BatchResult.numbers`: local line, input, output, unknown media, model index, provider,
 * approximate tokens (−1: none, LineEstimate.approximateTokens absent), unsized items.
 */
export const BATCH_STRIDE = 8;
export const PROVIDERS: readonly TokenProvider[] = ['gemini', 'openai'];

/**
 * Bytes per block: the unit the pool's threads claim. Small enough that the threads finish close together (the last
 * block is the tail one thread runs alone) and a result stays small, large enough that claiming one is negligible.
 */
export const DEFAULT_BLOCK_BYTES = 1024 * 1024;

/** Block `seq` of a file cut in blocks of `blockBytes`: the lines that start in [seq × blockBytes, next block). */
export interface BlockRange {
  seq: number;
  start: number;
  end: number;
}

export function blockRange(seq: number, blockBytes: number, size: number): BlockRange {
  return { seq, start: seq * blockBytes, end: Math.min(size, (seq + 1) * blockBytes) };
}

export function blockCount(size: number, blockBytes: number): number {
  return Math.ceil(size / blockBytes);
}

/**
 * A block's estimates in file order, packed for a cheap postMessage (one Float64Array instead of an object per
 * line): BatchMerge adds them to its totals in file order, so sums and costs are the same bit for bit whichever
 * thread counted the block.
 */
export interface BatchResult {
  run: number;
  seq: number;
  /** Physical lines that start in the block, so the next block's line numbers can follow. */
  lineCount: number;
  numbers: Float64Array;
  /** Models named by the estimates; index −1 in `numbers` is none. */
  models: string[];
  /** One per estimate when keys were asked for (null: no key). */
  keys?: (string | null)[];
  /** Tokenizer names in first-use order. */
  tokenizers: string[];
}

/**
 * Estimates blocks of a file, one thread's share (the serial path takes every block; the pool's threads claim
 * theirs). Holds the thread's counters, loaded on first use, across blocks and files.
 */
export class BlockEstimator {
  private readonly counters = new Map<TokenProvider, TextCounter>();
  /** The read buffer of the last block, reused by the next. */
  private buffer?: Buffer;
  /** Whether lines may be read in byte form: until a line needs a counter that has none (blockLines.ts). */
  private bytesAllowed = true;

  constructor(private readonly counterFor: (provider: TokenProvider) => Promise<TextCounter>) {}

  /** `keys`: whether the estimates must carry their keys (`--per-line`). */
  async estimate(
    fd: number,
    size: number,
    block: BlockRange,
    options: LineOptions,
    keys: boolean,
    run = 0,
  ): Promise<BatchResult> {
    const lines = new BlockLines(fd, block.start, block.end, size, this.buffer, this.bytesAllowed);
    const used: TextCounter[] = [];
    const models = new Map<string, number>();
    const numbers: number[] = [];
    const keyList: (string | null)[] = [];
    const add = (estimate: LineEstimate): void => {
      let model = -1;
      if (estimate.model !== undefined) {
        model = models.get(estimate.model) ?? models.size;
        models.set(estimate.model, model);
      }
      numbers.push(
        estimate.line,
        estimate.inputTokens,
        estimate.outputTokens,
        estimate.unknownMedia,
        model,
        PROVIDERS.indexOf(estimate.provider),
        estimate.approximateTokens ?? -1,
        estimate.unsizedItems ?? 0,
      );
      if (keys) {
        keyList.push(estimate.key ?? null);
      }
    };
    for (let text = lines.nextLine(); text !== undefined; text = lines.nextLine()) {
      if (lines.lastTooLong > 0) {
        const estimate = tooLongLineEstimate(lines.lastHead, lines.lastTooLong, lines.lineNo, options);
        if (estimate) {
          add(estimate);
        }
        continue;
      }
      let parsed = parseObjectText(text);
      const provider = parsed && lineProvider(parsed, options.model);
      if (!parsed || !provider) {
        continue;
      }
      let counter = this.counters.get(provider);
      if (!counter) {
        counter = await this.counterFor(provider);
        this.counters.set(provider, counter);
      }
      if (!used.includes(counter)) {
        used.push(counter);
      }
      // A line in byte form is counted so by a tokenizer that can (blockLines.ts, SentencePieceCounter.byteForm).
      const bytesCounter = lines.lastInBytes ? counter.byteForm?.() : undefined;
      if (lines.lastInBytes && !bytesCounter) {
        // This tokenizer counts text only (tiktoken's pre-split is by Unicode class): this line is parsed again as
        // text, and the lines after it are read as text.
        parsed = parseObjectText(utf16Of(text)) ?? {};
        this.bytesAllowed = lines.bytesAllowed = false;
      }
      const estimate = estimateLine(parsed, lines.lineNo, bytesCounter ?? counter, options, bytesCounter && utf16Of);
      if (estimate) {
        add(estimate);
      }
    }
    this.buffer = lines.buffer;
    return {
      run,
      seq: block.seq,
      lineCount: lines.lineNo,
      numbers: Float64Array.from(numbers),
      models: [...models.keys()],
      keys: keys ? keyList : undefined,
      tokenizers: used.map((c) => c.name),
    };
  }
}
