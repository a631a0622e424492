import { isRecord } from './requestCount';

/**
 * The conversation of a /v1/responses request as chat messages, so that one set of counting rules serves both
 * endpoints: `instructions` is a system message, a string `input` a user message, and in an `input` list consecutive
 * `function_call` items are one assistant message with those `tool_calls`, a `function_call_output` the `tool` message
 * answering its `call_id`. Other items (messages) pass as they are.
 */
export function responsesMessages(body: Record<string, unknown>): unknown[] {
  const messages: unknown[] = [];
  // An empty `instructions` adds no message.
  if (typeof body.instructions === 'string' && body.instructions) {
    messages.push({ role: 'system', content: body.instructions });
  }
  if (typeof body.input === 'string') {
    messages.push({ role: 'user', content: body.input });
  }
  let calls: unknown[] | undefined;
  for (const item of Array.isArray(body.input) ? body.input : []) {
    if (isRecord(item) && item.type === 'function_call') {
      const call = { id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments } };
      if (calls) {
        calls.push(call);
      } else {
        calls = [call];
        messages.push({ role: 'assistant', content: null, tool_calls: calls });
      }
      continue;
    }
    calls = undefined;
    if (isRecord(item) && item.type === 'function_call_output') {
      messages.push({ role: 'tool', tool_call_id: item.call_id, content: item.output });
    } else {
      messages.push(item);
    }
  }
  return messages;
}
