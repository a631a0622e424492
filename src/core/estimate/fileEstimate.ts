import { parseObjectLine, readLines } from '../jobs/lineReader';
import type { PriceOverride } from '../pricing/prices';
import type { TextCounter } from '../tokens/textCounter';
import { EstimateTotals, type EstimateSummary } from './estimateTotals';
import { type LineEstimate, type LineOptions, type TokenProvider, estimateLine, lineProvider } from './lineEstimate';

export interface FileEstimateOptions extends LineOptions {
  /** Loads a provider's counter the first time a line needs it (the vocabularies are large: load only what is used). */
  counterFor(provider: TokenProvider): Promise<TextCounter>;
  overrides?: ReadonlyMap<string, PriceOverride>;
  /** Called with every line's estimate (`--per-line`); the summary holds no lines either way. */
  onLine?(line: LineEstimate): void;
  signal?: AbortSignal;
}

export interface FileEstimate extends EstimateSummary {
  /** Names of the tokenizers used (`gemini-sentencepiece`, `o200k_base`). */
  tokenizers: string[];
}

/** Streams a batch file and estimates it line by line; lines that are not batch requests are skipped. */
export async function estimateFile(path: string, options: FileEstimateOptions): Promise<FileEstimate> {
  const totals = new EstimateTotals(options.overrides);
  const counters = new Map<TokenProvider, TextCounter>();
  for await (const { lineNo, bytes } of readLines(path, options.signal)) {
    const parsed = parseObjectLine(bytes);
    const provider = parsed && lineProvider(parsed);
    if (!parsed || !provider) {
      continue;
    }
    let counter = counters.get(provider);
    if (!counter) {
      counter = await options.counterFor(provider);
      counters.set(provider, counter);
    }
    const estimate = estimateLine(parsed, lineNo, counter, options);
    if (!estimate) {
      continue;
    }
    totals.add(estimate);
    options.onLine?.(estimate);
  }
  return { ...totals.result(), tokenizers: [...counters.values()].map((c) => c.name) };
}
