import * as assert from 'node:assert/strict';
import { generate } from '../../../src/emulator/model/localModel';

/** Requests and readers shared by the tests of the emulator's estimate-counted usage (EmulatorOptions.promptTokens). */
export const MODEL = 'gemini-2.5-flash';
export const ask = (text: string): unknown[] => [{ role: 'user', parts: [{ text }] }];
export const GEMINI_LINES: { key: string; request: Record<string, unknown> }[] = [
  {
    key: 'text',
    request: { contents: ask('Résumé : combien font 12345 × 67890 ? Réponds en français, s’il te plaît.') },
  },
  {
    key: 'system',
    request: {
      systemInstruction: { parts: [{ text: 'You are a terse assistant. Answer in French, one line.' }] },
      contents: ask('What is the capital of Australia, and why not Sydney?'),
    },
  },
  {
    key: 'tools',
    request: {
      contents: ask('What is the weather in Lisbon right now?'),
      tools: [
        {
          functionDeclarations: [
            {
              name: 'get_weather',
              description: 'Current weather for a city',
              parameters: { type: 'OBJECT', properties: { city: { type: 'STRING' } }, required: ['city'] },
            },
          ],
        },
      ],
    },
  },
];
export const CHAT = {
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You answer with one word.' },
    { role: 'user', content: 'Which planet is the largest in the solar system?' },
  ],
};

export type Usage = { promptTokenCount: number; promptTokensDetails: { modality: string; tokenCount: number }[] };

/** What the emulator reports without a counter (the rough rule), for the same request. */
export function rough(request: Record<string, unknown>): number {
  const r = generate(MODEL, request);
  assert.ok('response' in r);
  return (r.response.usageMetadata as Usage).promptTokenCount;
}

export async function countTokens(
  baseUrl: string,
  request: Record<string, unknown>,
): Promise<Usage & { totalTokens: number }> {
  const res = await fetch(`${baseUrl}/v1beta/models/${MODEL}:countTokens`, {
    method: 'POST',
    headers: { 'x-goog-api-key': 'k', 'content-type': 'application/json' },
    body: JSON.stringify({ generateContentRequest: { model: `models/${MODEL}`, ...request } }),
  });
  assert.equal(res.status, 200);
  return (await res.json()) as Usage & { totalTokens: number };
}
