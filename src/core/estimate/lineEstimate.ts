import type { TextCounter } from '../tokens/textCounter';
import { geminiMaxOutput, geminiRequestTokens, geminiRules } from './geminiRequestTokens';
import { openaiMaxOutput, openaiRequestTokens } from './openaiRequestTokens';
import { isGeminiModelId } from '../models/modelTable';
import { countGuarded } from './deepRequestCount';
import { openaiChatAsGemini } from './openaiChatAsGemini';
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

function isOpenaiLine(line: Record<string, unknown>): boolean {
  return isRecord(line.body) || typeof line.custom_id === 'string';
}

/** The endpoint an OpenAI-format line is counted at (a line without `url` is taken as a chat completion). */
function openaiUrl(line: Record<string, unknown>): string {
  return typeof line.url === 'string' ? line.url : '/v1/chat/completions';
}

/**
 * The Gemini model an OpenAI-format line is sent to, when it is one and the endpoint is one Gemini's compatibility
 * layer bills in Gemini tokens (chat completions, embeddings): `model` (the pick) first, else `body.model`.
 */
function compatModel(line: Record<string, unknown>, model: string | undefined): string | undefined {
  const body = isRecord(line.body) ? line.body : {};
  const named = model ?? (typeof body.model === 'string' ? body.model : undefined);
  const url = openaiUrl(line);
  const compat = url.endsWith('/chat/completions') || url.endsWith('/embeddings');
  return compat && named !== undefined && isGeminiModelId(named) ? named.replace(/^models\//, '') : undefined;
}

/**
 * Which tokenizer a parsed line needs: OpenAI lines carry `custom_id`/`body`, Gemini lines `request`/`contents`; an
 * OpenAI line sent to a Gemini model (`model`, the pick, else its `body.model`) goes through Gemini's
 * OpenAI-compatible layer and is billed in Gemini tokens, so it needs Gemini's. Every caller that loads a counter
 * for a line passes the same `model` it gives estimateLine, so the counter loaded is the one estimateLine uses.
 */
export function lineProvider(line: Record<string, unknown>, model: string | undefined): TokenProvider | undefined {
  if (isOpenaiLine(line)) {
    return compatModel(line, model) !== undefined ? 'gemini' : 'openai';
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
  if (isOpenaiLine(line)) {
    const body = isRecord(line.body) ? line.body : {};
    const url = openaiUrl(line);
    const gemini = compatModel(line, options.model);
    // Sent to a Gemini model: counted as the Gemini request the compatibility layer makes of it.
    const count =
      gemini === undefined
        ? countGuarded(() => openaiRequestTokens(url, body, counter), body, counter)
        : countGuarded(
            () => geminiRequestTokens(openaiChatAsGemini(url, body), counter, geminiRules(gemini)),
            body,
            counter,
          );
    const unsized = 'unsizedItems' in count ? Number(count.unsizedItems) : 0;
    return {
      line: lineNo,
      key: stringOr(line.custom_id, asText),
      provider: gemini === undefined ? 'openai' : 'gemini',
      model: options.model ?? stringOr(body.model, asText),
      inputTokens: count.tokens,
      outputTokens: openaiMaxOutput(url, body) ?? options.assumedOutputTokens,
      unknownMedia: count.unknownMedia,
      ...(count.approximateTokens !== undefined && { approximateTokens: count.approximateTokens }),
      ...(unsized > 0 ? { unsizedItems: unsized } : {}),
    };
  }
  if (lineProvider(line, options.model) === 'gemini') {
    // A bare request line (no `key`/`request` envelope) is its own request.
    const request = isRecord(line.request) ? line.request : line;
    const model = options.model ?? stringOr(request.model, asText)?.replace(/^models\//, '');
    const count = countGuarded(() => geminiRequestTokens(request, counter, geminiRules(model)), request, counter);
    const embed = isRecord(request.content) && request.contents === undefined;
    return {
      line: lineNo,
      key: stringOr(line.key, asText),
      provider: 'gemini',
      model,
      inputTokens: count.tokens,
      outputTokens: embed ? 0 : (geminiMaxOutput(request) ?? options.assumedOutputTokens),
      unknownMedia: count.unknownMedia,
      ...(count.approximateTokens !== undefined && { approximateTokens: count.approximateTokens }),
    };
  }
  return undefined;
}
