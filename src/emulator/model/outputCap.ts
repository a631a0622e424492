/**
 * `maxOutputTokens` as the Gemini API applies it: thinking counts against it on 2.5 and later, and an answer that
 * reaches it ends with `finishReason: MAX_TOKENS`. When thinking uses the whole cap, the answer is empty: gemini-2.5-pro
 * with `max_output_tokens` 256 answered `text=''` and MAX_TOKENS (googleapis/python-genai#811; #782 shows the
 * candidate as `parts=[Part(text='')]`, `finish_reason=MAX_TOKENS`); stanford-crfm/helm PR #3804 ("can reach the max
 * token limit during thinking, resulting in a response with no output text"); NousResearch/hermes-agent#87208 ("Gemini
 * bills thought tokens against maxOutputTokens"). A text answer over what is left is cut, as a real one stops.
 */
export interface CappedAnswer {
  text: string;
  outTokens: number;
  thoughts: number;
  finishReason: 'STOP' | 'MAX_TOKENS';
}

/** The answer of one candidate under `max` (undefined or not a positive number: no cap). */
export function capAnswer(text: string, outTokens: number, thoughts: number, max: unknown): CappedAnswer {
  if (typeof max !== 'number' || !Number.isFinite(max) || max < 1 || thoughts + outTokens <= max) {
    return { text, outTokens, thoughts, finishReason: 'STOP' };
  }
  const cap = Math.floor(max);
  if (thoughts >= cap) {
    return { text: '', outTokens: 0, thoughts: cap, finishReason: 'MAX_TOKENS' };
  }
  const left = cap - thoughts;
  return {
    text: text.slice(0, Math.floor((text.length * left) / outTokens)),
    outTokens: left,
    thoughts,
    finishReason: 'MAX_TOKENS',
  };
}
