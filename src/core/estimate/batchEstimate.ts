import { parseObjectLine } from '../jobs/lineReader';
import type { TextCounter } from '../tokens/textCounter';
import { type LineOptions, type TokenProvider, estimateLine, lineProvider } from './lineEstimate';

/**
 * A batch of whole lines cut from a file by the estimate pool: every line ends with LF except, in the file's last
 * batch, the last one. `first` marks the batch holding line 1 (which may start with a UTF-8 BOM).
 */
export interface LineBatch {
  run: number;
  seq: number;
  bytes: Uint8Array;
  first: boolean;
  options: LineOptions;
  /** Whether the estimates must carry their keys (`--per-line`). */
  keys: boolean;
}

/** Numbers per estimate in `BatchResult.numbers`: local line, input, output, unknown media, model index, provider. */
export const BATCH_STRIDE = 6;
export const PROVIDERS: readonly TokenProvider[] = ['gemini', 'openai'];

/**
 * A batch's estimates in file order, packed for a cheap postMessage (one Float64Array instead of an object per
 * line): the main thread adds them to its totals in file order, so sums and costs are the serial path's, bit for bit.
 */
export interface BatchResult {
  run: number;
  seq: number;
  /** Physical lines in the batch, so the next batch's line numbers can follow. */
  lineCount: number;
  numbers: Float64Array;
  /** Models named by the estimates; index −1 in `numbers` is none. */
  models: string[];
  /** One per estimate when keys were asked for (null: no key). */
  keys?: (string | null)[];
  /** Tokenizer names in first-use order. */
  tokenizers: string[];
}

/** Estimates every line of a batch (the worker's half of the pool; the serial path is estimateFile). */
export async function estimateBatch(
  batch: LineBatch,
  counterFor: (provider: TokenProvider) => Promise<TextCounter>,
): Promise<BatchResult> {
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  const counters = new Map<TokenProvider, TextCounter>();
  const models = new Map<string, number>();
  const numbers: number[] = [];
  const keys: (string | null)[] = [];
  let lineNo = 0;
  let start = 0;
  while (start < bytes.length) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl;
    let from = start;
    let to = end;
    // Same line cleaning as readLines: BOM on line 1, a CR before the LF.
    if (batch.first && lineNo === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      from += 3;
    }
    if (to > from && bytes[to - 1] === 0x0d) {
      to--;
    }
    lineNo++;
    start = end + 1;
    const parsed = parseObjectLine(bytes.subarray(from, to));
    const provider = parsed && lineProvider(parsed);
    if (!parsed || !provider) {
      continue;
    }
    let counter = counters.get(provider);
    if (!counter) {
      counter = await counterFor(provider);
      counters.set(provider, counter);
    }
    const estimate = estimateLine(parsed, lineNo, counter, batch.options);
    if (!estimate) {
      continue;
    }
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
    );
    if (batch.keys) {
      keys.push(estimate.key ?? null);
    }
  }
  return {
    run: batch.run,
    seq: batch.seq,
    lineCount: lineNo,
    numbers: Float64Array.from(numbers),
    models: [...models.keys()],
    keys: batch.keys ? keys : undefined,
    tokenizers: [...counters.values()].map((c) => c.name),
  };
}
