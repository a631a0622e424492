import { closeSync, fstatSync, openSync } from 'node:fs';
import type { PriceOverride } from '../pricing/prices';
import type { TextCounter } from '../tokens/textCounter';
import { BlockEstimator, DEFAULT_BLOCK_BYTES, blockCount, blockRange } from './batchEstimate';
import { BatchMerge } from './batchMerge';
import type { EstimateSummary } from './estimateTotals';
import type { LineEstimate, LineOptions, TokenProvider } from './lineEstimate';

export interface FileEstimateOptions extends LineOptions {
  /** Loads a provider's counter the first time a line needs it (the vocabularies are large: load only what is used). */
  counterFor(provider: TokenProvider): Promise<TextCounter>;
  overrides?: ReadonlyMap<string, PriceOverride>;
  /** Called with every line's estimate (`--per-line`); the summary holds no lines either way. */
  onLine?(line: LineEstimate): void;
  signal?: AbortSignal;
  /** Bytes per block (the tests cut small files in many). */
  blockBytes?: number;
}

export interface FileEstimate extends EstimateSummary {
  /** Names of the tokenizers used (`gemini-sentencepiece`, `o200k_base`). */
  tokenizers: string[];
}

/**
 * Estimates a batch file line by line on this thread; lines that are not batch requests are skipped. The file is
 * read block by block through the same code and the same merge as the estimate pool's threads, so the pool's answer
 * is this one by construction. Memory stays flat: one block's read buffer (or one line) and its packed results.
 */
export async function estimateFile(path: string, options: FileEstimateOptions): Promise<FileEstimate> {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
    const blocks = blockCount(size, blockBytes);
    const estimator = new BlockEstimator((p) => options.counterFor(p));
    const merge = new BatchMerge(options.overrides, options.onLine);
    const lineOptions = { model: options.model, assumedOutputTokens: options.assumedOutputTokens };
    for (let seq = 0; seq < blocks; seq++) {
      options.signal?.throwIfAborted();
      merge.accept(
        await estimator.estimate(fd, size, blockRange(seq, blockBytes, size), lineOptions, !!options.onLine),
      );
    }
    return merge.result(blocks);
  } finally {
    closeSync(fd);
  }
}
