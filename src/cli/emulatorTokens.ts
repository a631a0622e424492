import { estimateLine, lineProvider, type TokenProvider } from '../core/estimate/lineEstimate';
import { tokenizerAssetDir } from '../core/tokens/assetDir';
import type { TextCounter } from '../core/tokens/textCounter';
import { loadGeminiCounter, loadOpenAiCounter } from '../core/tokens/tokenizerData';
import type { PromptTokenCounter } from '../emulator';

/**
 * The emulator's prompt counter when it runs from the CLI: `estimateLine` itself, in this process, so the usage the
 * emulator reports is the input the estimate (`gemini-batch estimate`, the editor's CodeLens) gave the same line.
 * In-process is right here (the CLI's event loop serves only the emulator); the extension host counts in its token
 * worker instead (features/emulator/emulatorHost.ts). Each vocabulary loads on the first line that needs it.
 * Undefined when the tokenizer data is missing from the installation: the emulator then keeps its rough rule.
 */
export function inProcessPromptTokens(assetStart = __dirname): PromptTokenCounter | undefined {
  const assetDir = tokenizerAssetDir(assetStart);
  if (!assetDir) {
    return undefined;
  }
  const loaded = new Map<TokenProvider, Promise<TextCounter>>();
  const counterFor = (provider: TokenProvider): Promise<TextCounter> => {
    let counter = loaded.get(provider);
    if (!counter) {
      counter = provider === 'gemini' ? loadGeminiCounter(assetDir) : loadOpenAiCounter(assetDir);
      loaded.set(provider, counter);
    }
    return counter;
  };
  return async (line, model) => {
    const provider = lineProvider(line, model);
    if (!provider) {
      return undefined;
    }
    // Output tokens are not wanted: 0 keeps the estimate from reading a configured default.
    return estimateLine(line, 1, await counterFor(provider), { model, assumedOutputTokens: 0 })?.inputTokens;
  };
}
