import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { EstimatePool, EstimateWorkerError } from '../core/estimate/estimatePool';
import { estimateFile, type FileEstimate, type FileEstimateOptions } from '../core/estimate/fileEstimate';
import type { TokenProvider } from '../core/estimate/lineEstimate';
import { tokenizerAssetDir } from '../core/tokens/assetDir';
import type { TextCounter } from '../core/tokens/textCounter';
import { type GeminiVocab, geminiCounter, loadGeminiVocab, loadOpenAiCounter } from '../core/tokens/tokenizerData';
import { ExitCode, type CliIo } from './cliIo';
import { parseEstimateArgs, type EstimateArgs } from './estimateArgs';
import { idleCores } from './idleCores';
import { PerLineOutput } from './perLineOutput';
import { count, usd } from './textFormat';

/** The cost at batch (and standard) price; said once when unknown: no model given, or one with no price here. */
function costText(result: FileEstimate): string {
  if (result.costBatch === undefined) {
    return result.model === undefined ? 'price unknown (give --model)' : 'price unknown';
  }
  const standard = result.costStandard === undefined ? '' : ` (${usd(result.costStandard)} standard)`;
  return `${usd(result.costBatch)} at batch price${standard}`;
}

/** Prints a file's figures (after its `--per-line` lines, which `perLine` has streamed). */
function report(io: CliIo, args: EstimateArgs, file: string, result: FileEstimate, perLine?: PerLineOutput): void {
  const method = result.tokenizers.length ? `offline:${result.tokenizers.join('+')}` : 'offline';
  if (args.format === 'json') {
    const record = {
      model: result.model ?? null,
      requests: result.requests,
      input_tokens: result.inputTokens,
      output_tokens_assumed: result.outputTokensAssumed,
      cost_usd_batch: result.costBatch ?? null,
      cost_usd_standard: result.costStandard ?? null,
      method,
    };
    if (perLine) {
      perLine.finish(record);
    } else {
      io.stdout(`${JSON.stringify({ file, ...record })}\n`);
    }
  } else {
    perLine?.finish();
    io.stdout(
      `${file}: ${count(result.requests, 'request')}, ${count(result.inputTokens, 'input token')}, ` +
        `${count(result.outputTokensAssumed, 'output token')} (assumed), ${costText(result)}, ` +
        `${result.model === undefined ? 'no model given' : `model ${result.model}`}, ${method}\n`,
    );
  }
  if (result.unknownMedia > 0) {
    io.stderr(
      `${file}: ${count(result.unknownMedia, 'media part')} of unknown size ${result.unknownMedia === 1 ? 'is' : 'are'} not counted\n`,
    );
  }
  if (result.approximateRequests > 0) {
    io.stderr(
      `${file}: about ${count(result.approximateTokens, 'input token')} in ${count(result.approximateRequests, 'request')} are a guess: the ` +
        `thinking their thought signatures replay (guessed from their length), a request nested too deep to render ` +
        `(counted by its pieces), or a line too long to read (over 64 MB, sized at 4 bytes a token)\n`,
    );
  }
  if (result.unsizedItems > 0) {
    io.stderr(
      `${file}: ${count(result.unsizedItems, 'item')} the client cannot see (encrypted reasoning, compaction, stored items) ${result.unsizedItems === 1 ? 'is' : 'are'} not counted\n`,
    );
  }
  if (result.unpricedModels.length) {
    io.stderr(`${file}: price unknown for ${result.unpricedModels.join(', ')}\n`);
  }
}

/**
 * Files from this size on may be counted on the pool: the calling thread and worker threads, each reading and counting
 * the blocks it claims (estimatePool.ts). A worker costs ~0.3–0.5 s of CPU beyond its share of the counting (see
 * defaultWorkers); on 4 and 8 MB files the pool was slower than the main thread alone (measured on the bench VM).
 */
export const POOL_MIN_BYTES = 16 * 1024 * 1024;

/** Where the CLI finds its pool worker: built next to it (dist/estimateWorker.js); absent when run from sources. */
export interface EstimateRuntime {
  workerScript: string;
  poolMinBytes: number;
  /** Worker threads beside the main thread, which counts too; or how to decide them, at the first large file. */
  workers: number | (() => Promise<number>);
  execArgv?: string[];
}

/** `GEMINI_BATCH_ESTIMATE_WORKERS=0` counts on the main thread only (the bench's serial baseline); N: N workers. */
export const WORKERS_ENV = 'GEMINI_BATCH_ESTIMATE_WORKERS';

/**
 * Worker threads when none are asked for: one per core idle beyond the main thread's, at most 3 (each holds its own
 * chunk memo and heap); `idle` is measured over IDLE_SAMPLE_MS before the first large file (idleCores.ts). A worker
 * costs CPU of its own (its start, its JIT and memo warming up, a second heap), so it pays only where a core is idle.
 * Measured on the 2-vCPU bench VM, 100 MB file: main thread and one worker 1.3× the main thread alone with the
 * second core free, 0.93× with a busy loop on it.
 */
export function defaultWorkers(cores: number, idle: number): number {
  return Math.max(0, Math.min(cores - 1, 3, Math.round(idle) - 1));
}

/** The wait before the first large file (≥ POOL_MIN_BYTES, a second or more of counting) to see which cores are idle. */
const IDLE_SAMPLE_MS = 100;

function defaultRuntime(): EstimateRuntime {
  const asked = Number.parseInt(process.env[WORKERS_ENV] ?? '', 10);
  const decide = async (): Promise<number> => defaultWorkers(availableParallelism(), await idleCores(IDLE_SAMPLE_MS));
  return {
    workerScript: join(__dirname, 'estimateWorker.js'),
    workers: asked >= 0 ? asked : decide,
    poolMinBytes: POOL_MIN_BYTES,
  };
}

/**
 * `gemini-batch estimate FILE... [--model M] [--format text|json] [--per-line] [--output-tokens N]`: streams each
 * file and prints its requests, input tokens, assumed output tokens and cost at batch and standard price.
 * Exit 0, 2 on bad usage or an unreadable file, 3 when a pool worker fails (files of POOL_MIN_BYTES and more).
 */
export async function runEstimate(
  argv: readonly string[],
  io: CliIo,
  assetStart = __dirname,
  runtime = defaultRuntime(),
): Promise<number> {
  const args = parseEstimateArgs(argv);
  const dir = tokenizerAssetDir(assetStart);
  if (!dir) {
    io.stderr('gemini-batch: the tokenizer data (assets/tokenizers) is missing from this installation\n');
    return ExitCode.Internal;
  }
  const loaded = new Map<TokenProvider, Promise<TextCounter>>();
  // Gemini's table is built once per run and shared with the pool's workers.
  let gemini: Promise<GeminiVocab> | undefined;
  const geminiVocab = (): Promise<GeminiVocab> => (gemini ??= loadGeminiVocab(dir));
  const counterFor = (provider: TokenProvider): Promise<TextCounter> => {
    let counter = loaded.get(provider);
    if (!counter) {
      counter = provider === 'gemini' ? geminiVocab().then(geminiCounter) : loadOpenAiCounter(dir);
      loaded.set(provider, counter);
    }
    return counter;
  };
  // Started at the first large file, kept for the next ones (its workers keep their vocabularies loaded); none when
  // no worker is to run.
  let pool: Promise<EstimatePool | undefined> | undefined;
  const startPool = async (): Promise<EstimatePool | undefined> => {
    const workers = typeof runtime.workers === 'number' ? runtime.workers : await runtime.workers();
    return workers > 0 ? new EstimatePool({ ...runtime, workers, assetDir: dir, counterFor, geminiVocab }) : undefined;
  };
  const poolFor = (file: string): Promise<EstimatePool | undefined> | undefined => {
    try {
      const large = statSync(file).size >= runtime.poolMinBytes && existsSync(runtime.workerScript);
      return large ? (pool ??= startPool()) : undefined;
    } catch {
      return undefined; // the serial path reports the unreadable file
    }
  };
  let exit: number = ExitCode.Ok;
  try {
    for (const file of args.files) {
      const perLine = args.perLine ? new PerLineOutput(io, args.format, file) : undefined;
      const options: Omit<FileEstimateOptions, 'counterFor'> = {
        model: args.model,
        assumedOutputTokens: args.outputTokens,
        onLine: perLine && ((l) => perLine.line(l)),
      };
      try {
        const pooled = await poolFor(file);
        const result = pooled
          ? await pooled.estimate(file, options)
          : await estimateFile(file, { ...options, counterFor });
        report(io, args, file, result, perLine);
      } catch (error) {
        perLine?.fail(error instanceof Error ? error.message : String(error));
        if (error instanceof EstimateWorkerError) {
          io.stderr(`gemini-batch: cannot estimate ${file}: ${error.message}\n`);
          return ExitCode.Internal;
        }
        const code = (error as NodeJS.ErrnoException).code;
        if (typeof code !== 'string' || !code.startsWith('E')) {
          throw error;
        }
        io.stderr(`gemini-batch: cannot read ${file}: ${code}\n`);
        exit = ExitCode.Usage;
      }
    }
  } finally {
    await (await pool?.catch(() => undefined))?.close();
  }
  return exit;
}
