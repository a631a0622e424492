import { isGeminiModelId } from '../models/modelTable';
import type { LineEstimate, LineOptions, TokenProvider } from './lineEstimate';

/**
 * Bytes per token assumed for a line too long to read (blockLines.ts): both providers publish about four characters
 * of English text a token ("a token is equivalent to about 4 characters for Gemini models",
 * ai.google.dev/gemini-api/docs/tokens; "one token generally corresponds to ~4 characters of text for common English
 * text", help.openai.com "What are tokens and how to count them"). A guess, reported as approximate.
 */
const BYTES_PER_TOKEN = 4;

/**
 * The provider of the line as lineProvider (lineEstimate.ts) tells it, from the head alone: an OpenAI line for a chat
 * completion or an embedding whose model (the pick, else the head's `model`) is a Gemini model is Gemini's.
 */
function headProvider(head: string, model: string | undefined): TokenProvider | undefined {
  if (/"(custom_id|body)"\s*:/.test(head)) {
    const named = model ?? /"model"\s*:\s*"([^"\\]*)"/.exec(head)?.[1];
    const url = /"url"\s*:\s*"([^"\\]*)"/.exec(head)?.[1] ?? '/v1/chat/completions';
    const compat = /\/(chat\/completions|embeddings)$/.test(url);
    return named !== undefined && compat && isGeminiModelId(named) ? 'gemini' : 'openai';
  }
  return /"(request|contents)"\s*:/.test(head) ? 'gemini' : undefined;
}

/**
 * The estimate of a line longer than the estimate reads (more than 64 MB: over both providers' request limits, and the
 * validator reports it as too long): it still counts as a request of the kind its head shows, sized from its length
 * and reported approximate, so the file's estimate goes on and says what it guessed. A head that shows no request
 * (neither an OpenAI `custom_id`/`body` nor a Gemini `request`/`contents` key) gives none, as an unparsable line does.
 */
export function tooLongLineEstimate(
  head: string,
  bytes: number,
  lineNo: number,
  options: LineOptions,
): LineEstimate | undefined {
  const provider = headProvider(head, options.model);
  if (!provider) {
    return undefined;
  }
  const tokens = Math.ceil(bytes / BYTES_PER_TOKEN);
  const key = new RegExp(`"${provider === 'openai' ? 'custom_id' : 'key'}"\\s*:\\s*"([^"\\\\]*)"`).exec(head)?.[1];
  return {
    line: lineNo,
    ...(key !== undefined && key !== '' && { key }),
    provider,
    ...(options.model !== undefined && { model: options.model }),
    inputTokens: tokens,
    outputTokens: options.assumedOutputTokens,
    unknownMedia: 0,
    approximateTokens: tokens,
  };
}
