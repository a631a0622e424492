import { isRecord } from './requestCount';

/** The conversation of a /v1/responses request as chat messages, and what of it the client cannot size. */
export interface ResponsesConversation {
  messages: unknown[];
  /**
   * Billed items whose content the client cannot see, so whose tokens are not counted: reasoning items of the current
   * turn (their `encrypted_content` is the service's own encryption of the chain of thought), `compaction` items
   * (encrypted summaries of earlier turns), `item_reference` items, a `previous_response_id` and a stored `prompt`
   * template (all stand for stored content).
   */
  unsized: number;
  /**
   * The `compact_threshold` of server-side compaction (`context_management`): a request whose rendered count crosses
   * it is compacted by the service before it is billed ("When the rendered token count crosses the configured
   * threshold, the server runs server-side compaction", developers.openai.com/api/docs/guides/compaction).
   */
  compactThreshold?: number;
}

function compactThreshold(body: Record<string, unknown>): number | undefined {
  const entries = Array.isArray(body.context_management) ? body.context_management : [];
  const thresholds = entries.flatMap((entry) =>
    isRecord(entry) && entry.type === 'compaction' && typeof entry.compact_threshold === 'number'
      ? [entry.compact_threshold]
      : [],
  );
  return thresholds.length ? Math.min(...thresholds) : undefined;
}

/** Item types that stand for content only the service can read. */
const OPAQUE_ITEMS = new Set(['item_reference']);

function isUserMessage(item: unknown): boolean {
  return isRecord(item) && item.role === 'user' && (item.type === undefined || item.type === 'message');
}

/**
 * The conversation of a /v1/responses request as chat messages, so that one set of counting rules serves both
 * endpoints: `instructions` is a system message, a string `input` a user message, and in an `input` list consecutive
 * `function_call` items are one assistant message with those `tool_calls` (gpt-4o and gpt-4.1 bill each call apart,
 * openaiResponsesCalls.ts), a `function_call_output` the `tool` message answering its `call_id`. Other messages pass
 * as they are.
 *
 * Reasoning items before the last user message are not billed: the chain of thought of a finished turn is dropped
 * (OpenAI cookbook, articles/openai-harmony.md, "Handling reasoning output in subsequent sampling"; openai/harmony
 * src/encoding.rs, render_conversation_into, auto_drop_analysis), which the recorded count of
 * test_openai_responses_model_thinking_part (gpt-5, an encrypted reasoning item of 13,176 characters in an earlier
 * turn, count within 1 of the rest of the request) confirms. Those of the current turn, kept for its function calls,
 * are billed and cannot be sized: they are counted in `unsized`.
 *
 * A `compaction` item stands for everything before it: the items it replaced are not billed again ("you can drop
 * items that came before the most recent compaction item", developers.openai.com/api/docs/guides/compaction), as the
 * recorded count of test_openai_responses_compact_stateful_mode (interaction 3) shows: 552 where the whole input
 * would be over 1,250.
 */
export function responsesConversation(body: Record<string, unknown>): ResponsesConversation {
  let messages: unknown[] = [];
  let unsized = 0;
  if (typeof body.previous_response_id === 'string' && body.previous_response_id) {
    unsized++;
  }
  // A stored prompt template (`prompt: {id, version, variables}`) is rendered by the service from text not sent.
  if (isRecord(body.prompt)) {
    unsized++;
  }
  // An empty `instructions` adds no message.
  if (typeof body.instructions === 'string' && body.instructions) {
    messages.push({ role: 'system', content: body.instructions });
  }
  if (typeof body.input === 'string') {
    messages.push({ role: 'user', content: body.input });
  }
  const input = Array.isArray(body.input) ? body.input : [];
  let lastUser = -1;
  input.forEach((item, index) => {
    lastUser = isUserMessage(item) ? index : lastUser;
  });
  let calls: unknown[] | undefined;
  input.forEach((item, index) => {
    if (isRecord(item) && item.type === 'function_call') {
      const fn = { name: item.name, arguments: item.arguments, namespace: item.namespace };
      // An item sent back with the `id` the service gave it is a stored one (openaiCallTokens.ts, STORED_CALL_TOKENS).
      const stored = typeof item.id === 'string' && item.id !== '';
      const call = { id: item.call_id, type: 'function', function: fn, ...(stored ? { stored } : {}) };
      if (calls) {
        calls.push(call);
      } else {
        calls = [call];
        messages.push({ role: 'assistant', content: null, tool_calls: calls });
      }
      return;
    }
    calls = undefined;
    if (!isRecord(item)) {
      return;
    }
    if (item.type === 'function_call_output') {
      messages.push({ role: 'tool', tool_call_id: item.call_id, content: item.output });
    } else if (item.type === 'reasoning') {
      unsized += index > lastUser ? 1 : 0;
    } else if (item.type === 'compaction') {
      messages = messages.filter((m) => isRecord(m) && m.role === 'system' && m.content === body.instructions);
      unsized++;
    } else if (typeof item.type === 'string' && OPAQUE_ITEMS.has(item.type)) {
      unsized++;
    } else if (item.type !== 'additional_tools') {
      // additional_tools items are counted with the tools (openaiAdditionalTools.ts).
      messages.push(item);
    }
  });
  return { messages, unsized, compactThreshold: compactThreshold(body) };
}
