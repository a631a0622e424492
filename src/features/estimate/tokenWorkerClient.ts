import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { FileEstimate } from '../../core/estimate/fileEstimate';
import type { LineEstimate, LineOptions } from '../../core/estimate/lineEstimate';
import type { WorkerReply, WorkerRequest } from './tokenProtocol';

type Pending = { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void };
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** A worker died or answered with an error. */
export class TokenWorkerError extends Error {}

/**
 * Talks to the token worker: started on the first request (never at activation), ended on dispose. A worker that
 * dies fails its pending requests, and the next request starts a fresh one. After dispose every request fails: the
 * client is shared (the estimate, the embedded emulator's usage counts), and a user that outlives the dispose (an
 * emulator still closing) must not start a worker nobody would end.
 */
export class TokenWorkerClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private disposed = false;

  constructor(private readonly script: string) {}

  static forExtension(extensionPath: string): TokenWorkerClient {
    return new TokenWorkerClient(path.join(extensionPath, 'dist', 'tokenWorker.js'));
  }

  async lines(lines: { index: number; text: string }[], options: LineOptions): Promise<(LineEstimate | null)[]> {
    const reply = await this.send({ op: 'lines', lines, options });
    if (!('estimates' in reply)) {
      throw new TokenWorkerError('unexpected reply');
    }
    return reply.estimates;
  }

  /**
   * The input tokens `estimateLine` gives one parsed batch line priced at `model` (undefined: the line's own), or
   * undefined when it is no request. The embedded emulator reports these as its usage (EmulatorOptions.promptTokens).
   */
  async inputTokens(line: Record<string, unknown>, model: string | undefined): Promise<number | undefined> {
    const [estimate] = await this.lines([{ index: 0, text: JSON.stringify(line) }], { model, assumedOutputTokens: 0 });
    return estimate?.inputTokens;
  }

  /** `overrides`: the raw `geminiBatch.pricing.overrides` setting (parsed in the worker). */
  async file(filePath: string, options: LineOptions, overrides: unknown = {}): Promise<FileEstimate> {
    // A setting's value is a read-only proxy that postMessage cannot clone ("could not be cloned"): send plain data.
    const plain: unknown = JSON.parse(JSON.stringify(overrides ?? {}));
    const reply = await this.send({ op: 'file', path: filePath, options, overrides: plain });
    if (!('file' in reply)) {
      throw new TokenWorkerError('unexpected reply');
    }
    return reply.file;
  }

  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new TokenWorkerError('disposed'));
    void worker?.terminate();
  }

  private send(request: Request): Promise<WorkerReply> {
    if (this.disposed) {
      return Promise.reject(new TokenWorkerError('disposed'));
    }
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) => ('error' in reply ? reject(new TokenWorkerError(reply.error)) : resolve(reply)),
        reject,
      });
      const worker = this.start();
      // Held while a request waits, let go when idle: an idle worker must not keep its process alive.
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  private start(): Worker {
    if (this.worker) {
      return this.worker;
    }
    const worker = new Worker(this.script);
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) {
        worker.unref();
      }
      waiting?.resolve(reply);
    });
    const died = (error: Error): void => {
      if (this.worker === worker) {
        this.worker = undefined;
      }
      this.failAll(error);
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new TokenWorkerError(`token worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) {
      p.reject(error);
    }
  }
}
