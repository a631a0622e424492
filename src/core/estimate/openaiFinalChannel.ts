import { isRecord } from './requestCount';

/** Whether a message's content holds any text. */
function hasText(content: unknown): boolean {
  if (typeof content === 'string') {
    return content !== '';
  }
  return Array.isArray(content) && content.some((part) => isRecord(part) && typeof part.text === 'string');
}

/**
 * gpt-5 and later render an earlier answer of the assistant as harmony writes it,
 * `<|start|>assistant<|channel|>final<|message|>…<|end|>`: 2 tokens more than chat's `<|start|>assistant<|message|>`
 * (openai/harmony docs/format.md, "the input for the next sampling", v0.0.8). Measured: every gpt-5-mini and gpt-5.4
 * chat request with an assistant text message was 2 under per such message without it (Mirascope's
 * encodes-assistant-message and resume recordings, chatlas's test_data_extraction: 2, 4, 6 under for 1, 2, 3
 * answers); with it chat reasoning text 48 → 57 of 58 exact, /v1/responses 340 → 360 of 588 (one gpt-5.4
 * function-call request, exact before, now 2 over). o3-mini is not harmony: its `uau` request is exact without it.
 * An assistant message that also calls tools is unmeasured and left as it was.
 */
const FINAL_CHANNEL_TOKENS = 2;

export function isHarmonyChat(model: unknown): boolean {
  return typeof model === 'string' && /^gpt-[5-9]/.test(model);
}

/** The tokens the final channel adds to a message: an assistant answer with text and no tool calls. */
export function finalChannelTokens(message: Record<string, unknown>): number {
  return message.role === 'assistant' && !message.tool_calls && hasText(message.content) ? FINAL_CHANNEL_TOKENS : 0;
}
