import type { TextCounter } from '../tokens/textCounter';
import { additionalToolsTokens } from './openaiAdditionalTools';
import {
  type CallFormat,
  TOOL_AUTHOR_TOKENS,
  answeringFunction,
  authorTokens,
  callNames,
  callTokens,
} from './openaiCallTokens';
import { finalChannelTokens, isHarmonyChat } from './openaiFinalChannel';
import { PARALLEL_AUTHOR, parallelAnswers } from './openaiParallelAnswers';
import { responseFormatTokens } from './openaiResponseFormat';
import { responsesConversation } from './openaiResponsesInput';
import { functionDefinitions, functionTokens } from './openaiToolTokens';
import { type RequestCount, isRecord } from './requestCount';

/**
 * How OpenAI counts a chat request beyond its text (OpenAI cookbook, "How to count tokens with tiktoken",
 * num_tokens_from_messages for gpt-4o and later): every message costs 3 tokens plus the tokens of each of its
 * values (role, content, name), a `name` one more, and every reply is primed with 3 (`<|start|>assistant<|message|>`).
 * Images and audio in a message are sized by rules this estimate does not apply: they are reported unknown.
 * Reasoning models (o3, o4, gpt-5 and later) are primed with 2: their reply starts `<|start|>assistant` and the model
 * itself writes the channel header that follows (OpenAI cookbook, articles/openai-harmony.md, "Harmony renderer"),
 * which is what the published counts show (one token fewer than the rule above on every o3-mini and gpt-5 text
 * request of test/fixtures/tokens/published-counts.json).
 */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING = 3;
const REASONING_REPLY_PRIMING = 2;

/** o3, o4 and gpt-5 families (o1 is not: its published counts follow neither rule, see the accuracy test). */
function isReasoningModel(model: unknown): boolean {
  return typeof model === 'string' && /^(o[3-9]|gpt-[5-9])/.test(model);
}

function countMessageContent(content: unknown, counter: TextCounter, into: RequestCount): void {
  if (typeof content === 'string') {
    into.tokens += counter.count(content);
    return;
  }
  if (!Array.isArray(content)) {
    return;
  }
  for (const part of content) {
    if (!isRecord(part)) {
      continue;
    }
    if (typeof part.text === 'string') {
      into.tokens += counter.count(part.text);
    } else {
      into.unknownMedia++;
    }
  }
}

function countMessages(
  messages: unknown[],
  counter: TextCounter,
  into: RequestCount,
  options: { withFunctions?: boolean; priming?: number; calls?: CallFormat; finalChannel?: boolean } = {},
): void {
  // With functions, the first system message is followed by a newline before the function block (openaiToolTokens).
  let padSystem = options.withFunctions ?? false;
  const names = callNames(messages);
  // Chat bills the answers to a parallel call as one message (openaiParallelAnswers.ts).
  const merged = options.calls === 'chat' ? parallelAnswers(messages) : undefined;
  for (const raw of messages) {
    if (!isRecord(raw)) {
      continue;
    }
    if (merged?.has(raw)) {
      const content = merged.get(raw);
      if (content !== undefined) {
        into.tokens +=
          TOKENS_PER_MESSAGE + counter.count(PARALLEL_AUTHOR) + TOOL_AUTHOR_TOKENS + counter.count(content);
      }
      continue;
    }
    let message = raw;
    if (padSystem && message.role === 'system' && typeof message.content === 'string') {
      message = { ...message, content: `${message.content}\n` };
      padSystem = false;
    }
    into.tokens += TOKENS_PER_MESSAGE;
    into.tokens += authorTokens(message, names, counter);
    // A tool message's `name` is not billed when its function is its author (authorTokens).
    if (typeof message.name === 'string' && !answeringFunction(message, names)) {
      into.tokens += counter.count(message.name) + TOKENS_PER_NAME;
    }
    countMessageContent(message.content, counter, into);
    into.tokens += options.finalChannel ? finalChannelTokens(message) : 0;
    into.tokens += callTokens(message, counter, options.calls);
  }
  into.tokens += options.priming ?? REPLY_PRIMING;
}

/**
 * Input tokens of an OpenAI request. `unsizedItems`: billed items whose content the client cannot see (encrypted
 * reasoning, compaction, stored items; see openaiResponsesInput.ts), whose tokens are not in `tokens`.
 */
export interface OpenAiRequestCount extends RequestCount {
  unsizedItems: number;
}

/** Input tokens of the `body` of an OpenAI batch line, by endpoint. */
export function openaiRequestTokens(
  url: string,
  body: Record<string, unknown>,
  counter: TextCounter,
): OpenAiRequestCount {
  const into: OpenAiRequestCount = { tokens: 0, unknownMedia: 0, unsizedItems: 0 };
  if (url.endsWith('/embeddings') || url.endsWith('/moderations')) {
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    for (const input of inputs) {
      if (typeof input === 'string') {
        into.tokens += counter.count(input);
      }
      // A pre-tokenized input is its own count.
      if (Array.isArray(input)) {
        into.tokens += input.length;
      }
    }
    return into;
  }
  if (Array.isArray(body.messages)) {
    const functions = functionDefinitions(body);
    const reasoning = isReasoningModel(body.model);
    const priming = reasoning ? REASONING_REPLY_PRIMING : REPLY_PRIMING;
    // Harmony keeps the tools in a message of their own: the system message is not padded.
    countMessages(body.messages, counter, into, {
      withFunctions: functions.length > 0 && !reasoning,
      priming,
      calls: reasoning ? 'harmony' : 'chat',
      finalChannel: isHarmonyChat(body.model),
    });
    const hasSystem = body.messages.some((m) => isRecord(m) && m.role === 'system');
    into.tokens +=
      functionTokens(functions, { hasSystem, reasoning }, counter) + responseFormatTokens(body, counter, reasoning);
    return into;
  }
  // /v1/responses
  const reasoning = isReasoningModel(body.model);
  const conversation = responsesConversation(body);
  const messages = conversation.messages;
  into.unsizedItems = conversation.unsized;
  if (typeof body.prompt === 'string') {
    into.tokens += counter.count(body.prompt);
  }
  if (messages.length) {
    countMessages(messages, counter, into, {
      priming: reasoning ? REASONING_REPLY_PRIMING : REPLY_PRIMING,
      calls: reasoning ? 'harmony' : 'responses',
      finalChannel: isHarmonyChat(body.model),
    });
  }
  const hasSystem = messages.some((m) => isRecord(m) && m.role === 'system');
  into.tokens += functionTokens(functionDefinitions(body), { hasSystem, reasoning, responses: true }, counter);
  into.tokens += additionalToolsTokens(body, counter);
  into.tokens += responseFormatTokens(body, counter, reasoning);
  // Past its threshold the service compacts the request: what it then bills is not known here.
  if (conversation.compactThreshold !== undefined && into.tokens > conversation.compactThreshold) {
    into.unsizedItems++;
  }
  return into;
}

/** The output a request allows: `max_completion_tokens`, `max_tokens` or `max_output_tokens`. */
export function openaiMaxOutput(url: string, body: Record<string, unknown>): number | undefined {
  if (url.endsWith('/embeddings') || url.endsWith('/moderations')) {
    return 0;
  }
  for (const value of [body.max_completion_tokens, body.max_tokens, body.max_output_tokens]) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      return value;
    }
  }
  return undefined;
}
