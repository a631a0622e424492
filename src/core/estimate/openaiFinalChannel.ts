import { isRecord } from './requestCount';

/** Whether a message's content holds any text. */
function hasText(content: unknown): boolean {
  if (typeof content === 'string') {
    return content !== '';
  }
  return Array.isArray(content) && content.some((part) => isRecord(part) && typeof part.text === 'string');
}

/**
 * On gpt-5 and later an assistant message with text bills 2 more: harmony writes it on the `final` channel,
 * `<|start|>assistant<|channel|>final<|message|>…<|end|>` against chat's `<|start|>assistant<|message|>`
 * (openai/harmony docs/format.md, "the input for the next sampling", v0.0.8; OpenAI cookbook,
 * articles/openai-harmony.md). Measured 2026-11-28, chat and /v1/responses alike, on four sources: chatlas's gpt-5.4
 * (test_data_extraction: 2, 4, 6 under with 1, 2, 3 such messages), Mirascope's gpt-5 and gpt-5-mini
 * (test_call_with_thinking, resume tests), pydantic-ai's gpt-5 (test_openai_responses_model_thinking_part),
 * openinference's gpt-5-mini: all 2 under per message, exact so. openai-chat-reasoning text 48 → 57 of 58,
 * /v1/responses text 203 → 212 of 225. 2 further off: chatlas's test_openai_tool_variations on chat, pydantic-ai's
 * test_cross_provider_capability_replay with Gemini's answers. o3-mini's one such request
 * (test_openai_model_thinking_part) is exact without: not applied. An assistant message that also calls tools is
 * unmeasured and left as it was.
 */
const FINAL_CHANNEL_TOKENS = 2;

export function isHarmonyChat(model: unknown): boolean {
  return typeof model === 'string' && /^gpt-[5-9]/.test(model);
}

/** The tokens the final channel adds to a message: an assistant answer with text and no tool calls. */
export function finalChannelTokens(message: Record<string, unknown>): number {
  return message.role === 'assistant' && !message.tool_calls && hasText(message.content) ? FINAL_CHANNEL_TOKENS : 0;
}
