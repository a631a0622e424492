import { parentPort, workerData } from 'node:worker_threads';
import { estimateBatch, type LineBatch } from '../core/estimate/batchEstimate';
import type { WorkerReply } from '../core/estimate/estimatePool';
import type { TokenProvider } from '../core/estimate/lineEstimate';
import type { TextCounter } from '../core/tokens/textCounter';
import { loadGeminiCounter, loadOpenAiCounter } from '../core/tokens/tokenizerData';

/**
 * A worker of the CLI's estimate pool (dist/estimateWorker.js, next to dist/cli.js): counts the batches of lines
 * the main thread posts. Each vocabulary loads on first use and stays for the worker's life (one CLI run).
 */
const port = parentPort;
const { assetDir } = workerData as { assetDir: string };
const counters = new Map<TokenProvider, Promise<TextCounter>>();

function counterFor(provider: TokenProvider): Promise<TextCounter> {
  let counter = counters.get(provider);
  if (!counter) {
    counter = provider === 'gemini' ? loadGeminiCounter(assetDir) : loadOpenAiCounter(assetDir);
    counters.set(provider, counter);
  }
  return counter;
}

port?.on('message', (batch: LineBatch) => {
  estimateBatch(batch, counterFor).then(
    (result) => port.postMessage(result satisfies WorkerReply, [result.numbers.buffer as ArrayBuffer]),
    (error: unknown) =>
      port.postMessage({
        run: batch.run,
        seq: batch.seq,
        error: error instanceof Error ? error.message : String(error),
      } satisfies WorkerReply),
  );
});
