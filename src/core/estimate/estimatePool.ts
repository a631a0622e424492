import { closeSync, fstatSync, openSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { TextCounter } from '../tokens/textCounter';
import type { GeminiVocab } from '../tokens/tokenizerData';
import { type BatchResult, BlockEstimator, DEFAULT_BLOCK_BYTES, blockCount, blockRange } from './batchEstimate';
import { BatchMerge } from './batchMerge';
import type { FileEstimate, FileEstimateOptions } from './fileEstimate';
import type { TokenProvider } from './lineEstimate';
import type { PoolRun, WorkerReply, WorkerRequest } from './poolProtocol';

export interface EstimatePoolOptions {
  /** The worker script (dist/estimateWorker.js next to the CLI; the .ts source under tsx in the tests). */
  workerScript: string;
  /** The assets/tokenizers folder each worker loads its vocabularies from. */
  assetDir: string;
  /** Worker threads beside the calling thread, which counts too. */
  workers: number;
  /** The calling thread's counters (the CLI's, kept from file to file). */
  counterFor(provider: TokenProvider): Promise<TextCounter>;
  /**
   * Gemini's vocabulary as the calling thread loads it (once): the workers ask for it instead of building their own
   * table (~0.1 s of CPU each, measured). Without it, each worker loads its own from `assetDir`.
   */
  geminiVocab?(): Promise<GeminiVocab>;
  /** Bytes per block (the tests cut small files in many). */
  blockBytes?: number;
  /** Whether the calling thread counts blocks too (default); without it, the workers count every block. */
  callerCounts?: boolean;
  execArgv?: string[];
}

/** A worker died or failed a block: the estimate cannot be completed (nothing partial is returned). */
export class EstimateWorkerError extends Error {}

/** Blocks a thread may run ahead of the merge, per thread: results held out of order stay few and small. */
const WINDOW_PER_THREAD = 4;

/**
 * Estimates a file on the calling thread and `workers` worker threads. Nothing is read twice or posted but results:
 * the file is cut in blocks of whole lines (BlockLines), each thread claims the next block from a shared counter,
 * reads it itself and counts it, and the calling thread merges the results in file order (BatchMerge), as the serial
 * path does. A thread claims at most WINDOW_PER_THREAD × threads blocks ahead of the merge, so memory stays flat on
 * any file. Each worker loads the vocabularies it needs once, for the pool's life. One file at a time.
 */
export class EstimatePool {
  private readonly workers: Worker[];
  private readonly estimator: BlockEstimator;
  private readonly blockBytes: number;
  private readonly callerCounts: boolean;
  private failure?: Error;
  private wake?: () => void;
  private run = 0;
  private merge?: BatchMerge;
  private claims?: Int32Array;
  /** Workers that have finished their share of the current run. */
  private done = 0;

  constructor(options: EstimatePoolOptions) {
    this.blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
    this.callerCounts = options.callerCounts ?? true;
    this.estimator = new BlockEstimator(options.counterFor);
    this.workers = Array.from({ length: Math.max(0, options.workers) }, (_, i) => {
      const worker = new Worker(options.workerScript, {
        workerData: { assetDir: options.assetDir, sharedVocab: !!options.geminiVocab },
        execArgv: options.execArgv,
      });
      worker.on('message', (reply: WorkerReply) => {
        if ('need' in reply) {
          this.sendVocab(worker, options);
        } else {
          this.onReply(i, reply);
        }
      });
      worker.on('error', (error) => this.fail(`estimate worker ${i + 1} failed: ${error.message}`));
      worker.on('exit', (code) => this.fail(`estimate worker ${i + 1} exited (code ${code})`));
      return worker;
    });
  }

  private sendVocab(worker: Worker, options: EstimatePoolOptions): void {
    options.geminiVocab?.().then(
      (vocab) => worker.postMessage({ vocab } satisfies WorkerRequest),
      (error: unknown) =>
        worker.postMessage({
          vocabError: error instanceof Error ? error.message : String(error),
        } satisfies WorkerRequest),
    );
  }

  private onReply(worker: number, reply: Exclude<WorkerReply, { need: 'gemini-vocab' }>): void {
    if (reply.run !== this.run) {
      return;
    }
    if ('error' in reply) {
      this.fail(`estimate worker ${worker + 1} failed: ${reply.error}`);
    } else if ('done' in reply) {
      this.done++;
    } else {
      this.accept(reply);
    }
    this.wake?.();
  }

  private accept(result: BatchResult): void {
    this.merge?.accept(result);
    if (this.claims && this.merge) {
      Atomics.store(this.claims, 1, this.merge.merged);
      Atomics.notify(this.claims, 1);
    }
  }

  private fail(message: string): void {
    this.failure ??= new EstimateWorkerError(message);
    this.wake?.();
  }

  /** Resolves when a reply arrives or a worker fails; throws the failure. */
  private async next(): Promise<void> {
    if (!this.failure) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    if (this.failure) {
      throw this.failure;
    }
  }

  /** The next block for the calling thread: none (past the last) when only the workers count. */
  private claim(claims: Int32Array): number {
    return this.callerCounts ? Atomics.add(claims, 0, 1) : Number.POSITIVE_INFINITY;
  }

  async estimate(path: string, options: Omit<FileEstimateOptions, 'counterFor'>): Promise<FileEstimate> {
    if (this.failure) {
      throw this.failure;
    }
    const run = ++this.run;
    const merge = new BatchMerge(options.overrides, options.onLine);
    this.merge = merge;
    this.done = 0;
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const blockBytes = options.blockBytes ?? this.blockBytes;
      const blocks = blockCount(size, blockBytes);
      const claims = new Int32Array(new SharedArrayBuffer(12));
      this.claims = claims;
      const window = WINDOW_PER_THREAD * (this.workers.length + 1);
      const message: PoolRun = {
        run,
        path,
        size,
        blockBytes,
        window,
        claims: claims.buffer as SharedArrayBuffer,
        options: { model: options.model, assumedOutputTokens: options.assumedOutputTokens },
        keys: !!options.onLine,
      };
      for (const worker of this.workers) {
        worker.postMessage(message satisfies WorkerRequest);
      }
      for (let seq = this.claim(claims); seq < blocks; seq = this.claim(claims)) {
        while (seq - merge.merged >= window) {
          await this.next();
        }
        const block = blockRange(seq, blockBytes, size);
        this.accept(await this.estimator.estimate(fd, size, block, message.options, message.keys, run));
        // Lets the workers' results in between blocks (they are merged as they come, in file order).
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.failure) {
          throw this.failure;
        }
      }
      // Every worker says when it has no block left: a worker that died holding one fails the run here.
      while (!merge.complete(blocks) || this.done < this.workers.length) {
        await this.next();
      }
      return merge.result(blocks);
    } finally {
      closeSync(fd);
      if (this.claims) {
        Atomics.store(this.claims, 2, 1);
        Atomics.notify(this.claims, 1);
      }
      this.claims = undefined;
    }
  }

  /** Ends the workers (each holds its vocabularies). */
  async close(): Promise<void> {
    this.failure ??= new EstimateWorkerError('estimate pool closed');
    await Promise.all(this.workers.map((w) => w.removeAllListeners('exit').terminate()));
  }
}
