import { EstimateTotals } from '../../../../src/core/estimate/estimateTotals';
import type { FileEstimate } from '../../../../src/core/estimate/fileEstimate';
import {
  type LineEstimate,
  type LineOptions,
  type TokenProvider,
  estimateLine,
  lineProvider,
} from '../../../../src/core/estimate/lineEstimate';
import { parseObjectLine, readLines } from '../../../../src/core/jobs/lineReader';
import type { PriceOverride } from '../../../../src/core/pricing/prices';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';

/**
 * The estimate of a file as the serial path made it before the block reader: lineReader's lines, parseObjectLine,
 * one estimate per line into one EstimateTotals. The block reader and the pool are held to it, line for line.
 */
export async function referenceEstimate(
  path: string,
  counterFor: (provider: TokenProvider) => Promise<TextCounter>,
  options: LineOptions & { overrides?: ReadonlyMap<string, PriceOverride> },
): Promise<{ result: FileEstimate; lines: LineEstimate[] }> {
  const totals = new EstimateTotals(options.overrides);
  const counters = new Map<TokenProvider, TextCounter>();
  const lines: LineEstimate[] = [];
  for await (const { lineNo, bytes } of readLines(path)) {
    const parsed = parseObjectLine(bytes);
    const provider = parsed && lineProvider(parsed, options.model);
    if (!parsed || !provider) {
      continue;
    }
    let counter = counters.get(provider);
    if (!counter) {
      counter = await counterFor(provider);
      counters.set(provider, counter);
    }
    const estimate = estimateLine(parsed, lineNo, counter, options);
    if (estimate) {
      totals.add(estimate);
      lines.push(estimate);
    }
  }
  return { result: { ...totals.result(), tokenizers: [...counters.values()].map((c) => c.name) }, lines };
}
