import { closeSync, openSync } from 'node:fs';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { BlockEstimator, blockCount, blockRange } from '../core/estimate/batchEstimate';
import type { TokenProvider } from '../core/estimate/lineEstimate';
import type { PoolRun, WorkerReply, WorkerRequest } from '../core/estimate/poolProtocol';
import type { TextCounter } from '../core/tokens/textCounter';
import { type GeminiVocab, geminiCounter, loadGeminiCounter, loadOpenAiCounter } from '../core/tokens/tokenizerData';

/**
 * A worker of the CLI's estimate pool (dist/estimateWorker.js, next to dist/cli.js): for each file it is sent, claims
 * blocks from the shared counter, reads and counts them itself, and posts their results; then says it is done. Gemini's
 * vocabulary comes built from the main thread when the pool offers it (`sharedVocab`), else each vocabulary loads
 * here; either on first use, kept for the worker's life (one CLI run).
 */
function serve(port: MessagePort, assetDir: string, sharedVocab: boolean): void {
  const counters = new Map<TokenProvider, Promise<TextCounter>>();
  let vocabWaiter: { resolve(vocab: GeminiVocab): void; reject(error: Error): void } | undefined;
  const askVocab = (): Promise<GeminiVocab> =>
    new Promise((resolve, reject) => {
      vocabWaiter = { resolve, reject };
      port.postMessage({ need: 'gemini-vocab' } satisfies WorkerReply);
    });
  const estimator = new BlockEstimator((provider) => {
    let counter = counters.get(provider);
    if (!counter) {
      if (provider === 'openai') {
        counter = loadOpenAiCounter(assetDir);
      } else {
        counter = sharedVocab ? askVocab().then(geminiCounter) : loadGeminiCounter(assetDir);
      }
      counters.set(provider, counter);
    }
    return counter;
  });

  async function share(job: PoolRun): Promise<void> {
    const claims = new Int32Array(job.claims);
    const blocks = blockCount(job.size, job.blockBytes);
    const fd = openSync(job.path, 'r');
    try {
      for (let seq = Atomics.add(claims, 0, 1); seq < blocks; seq = Atomics.add(claims, 0, 1)) {
        // Too far ahead of the merge: wait for it (or for the run's end). This thread has nothing else to do.
        for (let merged = Atomics.load(claims, 1); seq - merged >= job.window; merged = Atomics.load(claims, 1)) {
          if (Atomics.load(claims, 2) === 1) {
            return;
          }
          Atomics.wait(claims, 1, merged, 100);
        }
        const block = blockRange(seq, job.blockBytes, job.size);
        const result = await estimator.estimate(fd, job.size, block, job.options, job.keys, job.run);
        port.postMessage(result satisfies WorkerReply, [result.numbers.buffer as ArrayBuffer]);
      }
    } finally {
      closeSync(fd);
    }
    port.postMessage({ run: job.run, done: true } satisfies WorkerReply);
  }

  // One file at a time, in the order they come.
  let queue = Promise.resolve();
  port.on('message', (message: WorkerRequest) => {
    if ('vocab' in message) {
      vocabWaiter?.resolve(message.vocab);
    } else if ('vocabError' in message) {
      vocabWaiter?.reject(new Error(message.vocabError));
    } else {
      queue = queue.then(() =>
        share(message).catch((error: unknown) =>
          port.postMessage({
            run: message.run,
            seq: -1,
            error: error instanceof Error ? error.message : String(error),
          } satisfies WorkerReply),
        ),
      );
    }
  });
}

if (parentPort) {
  const { assetDir, sharedVocab } = workerData as { assetDir: string; sharedVocab: boolean };
  serve(parentPort, assetDir, sharedVocab);
}
