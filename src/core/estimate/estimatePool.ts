import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { BatchResult, LineBatch } from './batchEstimate';
import { BatchMerge } from './batchMerge';
import type { FileEstimate, FileEstimateOptions } from './fileEstimate';

export interface EstimatePoolOptions {
  /** The worker script (dist/estimateWorker.js next to the CLI; the .ts source under tsx in the tests). */
  workerScript: string;
  /** The assets/tokenizers folder each worker loads its vocabularies from. */
  assetDir: string;
  workers: number;
  /** Bytes per batch: large enough that a postMessage is negligible beside its counting, small enough to balance. */
  batchBytes?: number;
  execArgv?: string[];
}

/** Reply of a worker: a batch result, or why it failed. */
export type WorkerReply = BatchResult | { run: number; seq: number; error: string };

/** A worker died or failed a batch: the estimate cannot be completed (nothing partial is returned). */
export class EstimateWorkerError extends Error {}

const DEFAULT_BATCH_BYTES = 2 * 1024 * 1024;

/**
 * Estimates a file on several worker threads: the main thread reads the file in batches of whole lines, posts
 * each (transferred, not copied) to the least busy worker, and merges the results in file order. At most two
 * batches per worker are in flight, so memory stays flat on any file size. Each worker loads the vocabularies it
 * needs once (a few hundred ms each), hence the serial path for small files. One file at a time.
 */
export class EstimatePool {
  private readonly workers: Worker[];
  private readonly busy: number[];
  private readonly batchBytes: number;
  private failure?: Error;
  private wake?: () => void;
  private run = 0;
  private merge?: BatchMerge;

  constructor(options: EstimatePoolOptions) {
    this.batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
    this.workers = Array.from({ length: Math.max(1, options.workers) }, (_, i) => {
      const worker = new Worker(options.workerScript, {
        workerData: { assetDir: options.assetDir },
        execArgv: options.execArgv,
      });
      worker.on('message', (reply: WorkerReply) => this.onReply(i, reply));
      worker.on('error', (error) => this.fail(`estimate worker ${i + 1} failed: ${error.message}`));
      worker.on('exit', (code) => this.fail(`estimate worker ${i + 1} exited (code ${code})`));
      return worker;
    });
    this.busy = this.workers.map(() => 0);
  }

  private onReply(worker: number, reply: WorkerReply): void {
    this.busy[worker]--;
    if (reply.run === this.run) {
      if ('error' in reply) {
        this.fail(`estimate worker ${worker + 1} failed: ${reply.error}`);
      } else {
        this.merge?.accept(reply);
      }
    }
    this.wake?.();
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

  private async post(batch: LineBatch): Promise<void> {
    while (!this.failure && this.busy.reduce((a, b) => a + b, 0) >= 2 * this.workers.length) {
      await this.next();
    }
    if (this.failure) {
      throw this.failure;
    }
    const worker = this.busy.indexOf(Math.min(...this.busy));
    this.busy[worker]++;
    this.workers[worker].postMessage(batch, [batch.bytes.buffer as ArrayBuffer]);
  }

  async estimate(path: string, options: Omit<FileEstimateOptions, 'counterFor'>): Promise<FileEstimate> {
    const run = ++this.run;
    const merge = new BatchMerge(options.overrides, options.onLine);
    this.merge = merge;
    const lineOptions = { model: options.model, assumedOutputTokens: options.assumedOutputTokens };
    let seq = 0;
    const send = (bytes: Uint8Array): Promise<void> => {
      const batch = { run, seq, bytes, first: seq === 0, options: lineOptions, keys: !!options.onLine };
      seq++;
      return this.post(batch);
    };
    // The tail of the last chunk after its last LF (a line longer than a chunk spans several).
    let carry: Buffer[] = [];
    const stream = createReadStream(path, { highWaterMark: this.batchBytes, signal: options.signal });
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      const nl = buf.lastIndexOf(0x0a);
      if (nl === -1) {
        carry.push(buf);
        continue;
      }
      // A fresh ArrayBuffer per batch: stream chunks may share theirs, and a transfer would take it from them.
      await send(concat([...carry, buf.subarray(0, nl + 1)]));
      carry = [buf.subarray(nl + 1)];
    }
    const tail = concat(carry);
    if (tail.length) {
      await send(tail);
    }
    while (!merge.complete(seq)) {
      await this.next();
    }
    return merge.result(seq);
  }

  /** Ends the workers (each holds its vocabularies: ~70 MB of RSS per worker with Gemini's, as measured). */
  async close(): Promise<void> {
    this.failure ??= new EstimateWorkerError('estimate pool closed');
    await Promise.all(this.workers.map((w) => w.removeAllListeners('exit').terminate()));
  }
}

/** The bytes of `parts` in a new ArrayBuffer of their own (transferable). */
function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
