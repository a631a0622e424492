import type { GeminiVocab } from '../tokens/tokenizerData';
import type { BatchResult } from './batchEstimate';
import type { LineOptions } from './lineEstimate';

// The messages between the estimate pool (estimatePool.ts) and its workers (src/cli/estimateWorker.ts).

/**
 * What a worker is sent per file: where the file is, and the shared claim counters. `claims[0]` is the next block
 * to claim (Atomics.add), `claims[1]` the blocks merged so far, which bounds how far ahead a thread may claim,
 * `claims[2]` 1 once the run is over (finished or failed): a worker waiting to claim gives up.
 */
export interface PoolRun {
  run: number;
  path: string;
  size: number;
  blockBytes: number;
  window: number;
  claims: SharedArrayBuffer;
  options: LineOptions;
  keys: boolean;
}

/** Reply of a worker: a block's result, the end of its share of a run, or why it failed; or a need of Gemini's vocabulary. */
export type WorkerReply =
  BatchResult | { run: number; done: true } | { run: number; seq: number; error: string } | { need: 'gemini-vocab' };

/** What the pool sends a worker: a file to share, or the vocabulary it asked for. */
export type WorkerRequest = PoolRun | { vocab: GeminiVocab } | { vocabError: string };
