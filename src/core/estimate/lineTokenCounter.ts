import { parseObjectLine } from '../jobs/lineReader';
import type { TextCounter } from '../tokens/textCounter';
import { estimateLine, lineProvider, type TokenProvider } from './lineEstimate';

/**
 * The input tokens of one raw batch line, for splitting by tokens: the same count the estimate gives that line
 * (so a part's total matches what the estimate lens shows), 0 for a line that is not a request (it is refused
 * anyway, and costs nothing enqueued). The counter of a provider is loaded the first time a line needs it.
 */
export function lineTokenCounter(
  counterFor: (provider: TokenProvider) => TextCounter | Promise<TextCounter>,
  model?: string,
): (line: Buffer, lineNo: number) => Promise<number> {
  const loaded = new Map<TokenProvider, TextCounter>();
  return async (line, lineNo) => {
    const parsed = parseObjectLine(line);
    const provider = parsed ? lineProvider(parsed, model) : undefined;
    if (!parsed || !provider) {
      return 0;
    }
    let counter = loaded.get(provider);
    if (!counter) {
      counter = await counterFor(provider);
      loaded.set(provider, counter);
    }
    return estimateLine(parsed, lineNo, counter, { model, assumedOutputTokens: 0 })?.inputTokens ?? 0;
  };
}
