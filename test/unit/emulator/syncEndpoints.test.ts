import * as assert from 'node:assert/strict';
import { ApiError } from '@google/genai';
import OpenAI from 'openai';
import { isErrorShape, withEmulator } from './helpers';

suite('emulator: synchronous calls answered by the local model', () => {
  const env = withEmulator({}, 'sync');

  test('@google/genai generateContent and embedContent', async () => {
    const ai = env.genai('v1');
    const r = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Say hi' });
    assert.match(r.text ?? '', /^\[emulated gemini-2\.5-flash\] .*Say hi/);
    const again = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Say hi' });
    assert.equal(again.text, r.text, 'deterministic');
    const e = await ai.models.embedContent({
      model: 'gemini-embedding-001',
      contents: 'hello',
      config: { outputDimensionality: 16 },
    });
    assert.equal(e.embeddings?.[0]?.values?.length, 16);
    await assert.rejects(
      ai.models.generateContent({ model: 'nope-model', contents: 'x' }),
      (err) => err instanceof ApiError && err.status === 404,
    );
  });

  test('openai chat completions (compat and /v1), embeddings and responses', async () => {
    const compat = env.openai('/v1beta/openai/');
    const c = await compat.chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Tell me a joke' }],
    });
    assert.equal(c.object, 'chat.completion');
    assert.match(c.choices[0].message.content ?? '', /^\[emulated gemini-2\.5-flash\]/);
    await assert.rejects(
      compat.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }),
      (err) => err instanceof OpenAI.NotFoundError,
    );
    const v1 = env.openai('/v1/');
    const emb = await v1.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'], dimensions: 4 });
    assert.equal(emb.data.length, 2);
    assert.equal(emb.data[1].embedding.length, 4);
    const resp = await v1.responses.create({ model: 'gpt-4o-mini', input: 'hello' });
    assert.match(resp.output_text, /^\[emulated gpt-4o-mini\]/);
    const models = await v1.models.list();
    assert.ok(models.data.some((m) => m.id === 'gemini-2.5-flash'));
  });
});

suite('emulator: synchronous calls with a value of the wrong type', () => {
  const env = withEmulator({}, 'sync-types');

  // Found by the property test: `role: {"toString": "x"}` made the local model throw, answered 500.
  test('an object where a string belongs is a 400 in the error shape', async () => {
    const res = await fetch(`${env.emu.baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: ' ', messages: [{ role: { toString: 'x' } }] }),
    });
    const text = await res.text();
    assert.equal(res.status, 400, text);
    assert.ok(isErrorShape(text, 400), text);
  });
});
