// Batch lines whose estimate carries a caveat, for tests of the paths that must carry it through (pool, CLI).

/** A Gemini 3 line replaying a function call with a thought signature of `bytes` bytes: its thinking is guessed. */
export function signatureLine(key: string, bytes: number): string {
  const call = {
    functionCall: { name: 'get_weather', args: { city: 'Paris' } },
    thoughtSignature: Buffer.alloc(bytes, 0xfb).toString('base64url'),
  };
  return JSON.stringify({
    key,
    request: {
      model: 'models/gemini-3-flash-preview',
      contents: [
        { role: 'user', parts: [{ text: 'Weather in Paris?' }] },
        { role: 'model', parts: [call] },
      ],
    },
  });
}

/**
 * An OpenAI Responses line holding the current turn's encrypted reasoning, then a call and its output: the reasoning
 * is an item the client cannot size.
 */
export function unsizedResponsesLine(id: string): string {
  return JSON.stringify({
    custom_id: id,
    method: 'POST',
    url: '/v1/responses',
    body: {
      model: 'gpt-5',
      input: [
        { role: 'user', content: 'Weather in Paris?' },
        { type: 'reasoning', id: `rs_${id}`, summary: [], encrypted_content: 'gAAAA' },
        { type: 'function_call', call_id: `c_${id}`, name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call_output', call_id: `c_${id}`, output: 'Sunny' },
      ],
    },
  });
}
