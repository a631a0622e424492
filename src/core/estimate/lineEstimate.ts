import type { TextCounter } from '../tokens/textCounter';
import { geminiMaxOutput, geminiRequestTokens, geminiRules } from './geminiRequestTokens';
import { openaiMaxOutput, openaiRequestTokens } from './openaiRequestTokens';
import { countGuarded } from './deepRequestCount';
import { isRecord } from './requestCount';

export type TokenProvider = 'gemini' | 'openai';

/** The estimate of one batch line. `outputTokens` is assumed: the request's own cap, else the configured default. */
export interface LineEstimate {
  line: number;
  key?: string;
  provider: TokenProvider;
  model?: string;
  inputTokens: number;
  outputTokens: number;
  /** Media parts whose size could not be known (their tokens are not in `inputTokens`). */
  unknownMedia: number;
  /** Tokens of `inputTokens` that are a fitted guess (RequestCount.approximateTokens); absent when none are. */
  approximateTokens?: number;
  /**
   * Billed items the client cannot see, so could not size (their tokens are not in `inputTokens`): OpenAI encrypted
   * reasoning and compaction items, stored items (openaiResponsesInput.ts). Absent when there are none.
   */
  unsizedItems?: number;
}

export interface LineOptions {
  /** The model the lines will be sent to (`--model`, the submit pick); wins over a model named in the line. */
  model?: string;
  /** Output tokens assumed for a request that sets no cap. */
  assumedOutputTokens: number;
}

/** Which tokenizer a parsed line needs: OpenAI lines carry `custom_id`/`body`, Gemini lines `request`/`contents`. */
export function lineProvider(line: Record<string, unknown>): TokenProvider | undefined {
  if (isRecord(line.body) || typeof line.custom_id === 'string') {
    return 'openai';
  }
  if (isRecord(line.request) || line.contents !== undefined) {
    return 'gemini';
  }
  return undefined;
}

function stringOr(value: unknown, asText: (value: string) => string): string | undefined {
  return typeof value === 'string' && value !== '' ? asText(value) : undefined;
}

/**
 * Estimates a parsed line with the counter of its provider. `asText` turns a string of the line that the estimate
 * gives back (its key, its model) into text: a line parsed in byte form (blockLines.ts) holds UTF-8 bytes.
 */
export function estimateLine(
  line: Record<string, unknown>,
  lineNo: number,
  counter: TextCounter,
  options: LineOptions,
  asText: (value: string) => string = (value) => value,
): LineEstimate | undefined {
  const provider = lineProvider(line);
  if (provider === 'openai') {
    const body = isRecord(line.body) ? line.body : {};
    const url = typeof line.url === 'string' ? line.url : '/v1/chat/completions';
    const count = countGuarded(() => openaiRequestTokens(url, body, counter), body, counter);
    const unsized = 'unsizedItems' in count ? Number(count.unsizedItems) : 0;
    return {
      line: lineNo,
      key: stringOr(line.custom_id, asText),
      provider,
      model: options.model ?? stringOr(body.model, asText),
      inputTokens: count.tokens,
      outputTokens: openaiMaxOutput(url, body) ?? options.assumedOutputTokens,
      unknownMedia: count.unknownMedia,
      ...(count.approximateTokens !== undefined && { approximateTokens: count.approximateTokens }),
      ...(unsized > 0 ? { unsizedItems: unsized } : {}),
    };
  }
  if (provider === 'gemini') {
    // A bare request line (no `key`/`request` envelope) is its own request.
    const request = isRecord(line.request) ? line.request : line;
    const model = options.model ?? stringOr(request.model, asText)?.replace(/^models\//, '');
    const count = countGuarded(() => geminiRequestTokens(request, counter, geminiRules(model)), request, counter);
    const embed = isRecord(request.content) && request.contents === undefined;
    return {
      line: lineNo,
      key: stringOr(line.key, asText),
      provider,
      model,
      inputTokens: count.tokens,
      outputTokens: embed ? 0 : (geminiMaxOutput(request) ?? options.assumedOutputTokens),
      unknownMedia: count.unknownMedia,
      ...(count.approximateTokens !== undefined && { approximateTokens: count.approximateTokens }),
    };
  }
  return undefined;
}
