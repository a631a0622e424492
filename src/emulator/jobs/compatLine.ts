/**
 * An answered chat line as Gemini's OpenAI compatibility layer writes it to a batch output file, not as OpenAI does.
 * Evidence: the only real output found (google-gemini/cookbook quickstarts/Get_started_OpenAI_Compatibility.ipynb at
 * 64d2f7ea, cell 56; test/fixtures/emulator/gemini-openai-compat-batch-output.jsonl):
 * `{custom_id, response: {status_code, body}}` with no line `id`, `request_id` or `error`; a body whose `usage` is
 * camelCase (`promptTokens`, `completionTokens`, `totalTokens`), whose choices carry `finishReason` and no `index`
 * (proto3 JSON leaves a zero out), whose `created` is a string (an int64 in proto3 JSON), and no
 * `system_fingerprint`. Failed lines and embeddings keep OpenAI's shape: no real sample of them was found.
 */

type Obj = Record<string, unknown>;

interface ChatChoice {
  index?: number;
  message?: { role?: string; content?: unknown };
  finish_reason?: unknown;
}

function compatChoice(choice: ChatChoice): Obj {
  return {
    ...(choice.index ? { index: choice.index } : {}),
    message: { role: choice.message?.role ?? 'assistant', content: choice.message?.content ?? null },
    finishReason: choice.finish_reason,
  };
}

/** The compat layer's body of an answered chat completion, from the emulator's OpenAI-shaped one. */
export function compatChatBody(body: Obj): Obj {
  const usage = (body.usage ?? {}) as { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
  const choices = Array.isArray(body.choices) ? (body.choices as ChatChoice[]) : [];
  return {
    id: body.id,
    usage: {
      completionTokens: usage.completion_tokens ?? 0,
      promptTokens: usage.prompt_tokens ?? 0,
      totalTokens: usage.total_tokens ?? 0,
    },
    object: body.object,
    choices: choices.map(compatChoice),
    created: String(body.created),
    model: body.model,
  };
}

/** The output-file line of an answered chat request on the compat layer. */
export function compatChatLine(customId: unknown, statusCode: number, body: Obj): Obj {
  return { custom_id: customId, response: { status_code: statusCode, body: compatChatBody(body) } };
}
