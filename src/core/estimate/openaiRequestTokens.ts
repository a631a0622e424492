import type { TextCounter } from '../tokens/textCounter';
import { type RequestCount, isRecord } from './requestCount';

/**
 * How OpenAI counts a chat request beyond its text (OpenAI cookbook, "How to count tokens with tiktoken",
 * num_tokens_from_messages for gpt-4o and later): every message costs 3 tokens plus the tokens of each of its
 * values (role, content, name), a `name` one more, and every reply is primed with 3 (`<|start|>assistant<|message|>`).
 * Images and audio in a message are sized by rules this estimate does not apply: they are reported unknown.
 */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING = 3;

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

function countMessages(messages: unknown[], counter: TextCounter, into: RequestCount): void {
  for (const message of messages) {
    if (!isRecord(message)) {
      continue;
    }
    into.tokens += TOKENS_PER_MESSAGE;
    if (typeof message.role === 'string') {
      into.tokens += counter.count(message.role);
    }
    if (typeof message.name === 'string') {
      into.tokens += counter.count(message.name) + TOKENS_PER_NAME;
    }
    countMessageContent(message.content, counter, into);
  }
  into.tokens += REPLY_PRIMING;
}

/** Input tokens of the `body` of an OpenAI batch line, by endpoint. */
export function openaiRequestTokens(url: string, body: Record<string, unknown>, counter: TextCounter): RequestCount {
  const into: RequestCount = { tokens: 0, unknownMedia: 0 };
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
    countMessages(body.messages, counter, into);
    return into;
  }
  // /v1/responses: `instructions` as a system message, `input` as a user message or a list of messages.
  const messages: unknown[] = [];
  if (typeof body.instructions === 'string') {
    messages.push({ role: 'system', content: body.instructions });
  }
  if (typeof body.input === 'string') {
    messages.push({ role: 'user', content: body.input });
  }
  if (Array.isArray(body.input)) {
    messages.push(...body.input);
  }
  if (typeof body.prompt === 'string') {
    into.tokens += counter.count(body.prompt);
  }
  if (messages.length) {
    countMessages(messages, counter, into);
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
