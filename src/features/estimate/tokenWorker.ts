import { parentPort } from 'node:worker_threads';
import { estimateFile } from '../../core/estimate/fileEstimate';
import { estimateLine, lineProvider, type TokenProvider } from '../../core/estimate/lineEstimate';
import { parseOverrides } from '../../core/pricing/prices';
import { tokenizerAssetDir } from '../../core/tokens/assetDir';
import type { TextCounter } from '../../core/tokens/textCounter';
import { loadGeminiCounter, loadOpenAiCounter } from '../../core/tokens/tokenizerData';
import type { WorkerReply, WorkerRequest } from './tokenProtocol';

/**
 * The token worker (dist/tokenWorker.js, a worker_threads worker): loading a vocabulary takes a few hundred ms and
 * ~100 MB, and counting a large file takes seconds, none of which may block the extension host's main thread.
 * Each vocabulary loads on first use and stays for the worker's life (the client ends the worker when idle).
 */
const port = parentPort;
const dir = tokenizerAssetDir(__dirname);
const counters = new Map<TokenProvider, Promise<TextCounter>>();

function counterFor(provider: TokenProvider): Promise<TextCounter> {
  let counter = counters.get(provider);
  if (!counter) {
    if (!dir) {
      return Promise.reject(new Error('the tokenizer data (assets/tokenizers) is missing'));
    }
    counter = provider === 'gemini' ? loadGeminiCounter(dir) : loadOpenAiCounter(dir);
    counters.set(provider, counter);
  }
  return counter;
}

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  if (request.op === 'file') {
    return {
      id: request.id,
      file: await estimateFile(request.path, {
        ...request.options,
        counterFor,
        overrides: parseOverrides(request.overrides),
      }),
    };
  }
  const estimates = [];
  for (const { index, text } of request.lines) {
    let parsed: unknown;
    try {
      parsed = text.trim() ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    const line =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : undefined;
    const provider = line && lineProvider(line, request.options.model);
    estimates.push(
      line && provider ? (estimateLine(line, index + 1, await counterFor(provider), request.options) ?? null) : null,
    );
  }
  return { id: request.id, estimates };
}

port?.on('message', (request: WorkerRequest) => {
  answer(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies WorkerReply),
  );
});
