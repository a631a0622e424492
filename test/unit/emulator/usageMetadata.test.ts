import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generate } from '../../../src/emulator/model/localModel';
import { MODEL_TABLE, modelIds, modelRow } from '../../../src/core/models/modelTable';
import { FALLBACK_MODELS } from '../../../src/core/providers/models';
import { withEmulator } from './helpers';

type Usage = Record<string, unknown> & {
  promptTokenCount: number;
  candidatesTokenCount: number;
  totalTokenCount: number;
  thoughtsTokenCount?: number;
};
type Resp = {
  usageMetadata: Usage;
  modelVersion: string;
  responseId: string;
  candidates: { content: { parts: Record<string, unknown>[] } }[];
};

const FIXTURES = path.join(__dirname, '../../fixtures/emulator');
const ask = (text: string, extra: Record<string, unknown> = {}) => ({
  contents: [{ role: 'user', parts: [{ text }] }],
  ...extra,
});

function answer(model: string, request: unknown): Resp {
  const r = generate(model, request);
  assert.ok('response' in r, JSON.stringify(r));
  return r.response as unknown as Resp;
}

suite('emulator: usageMetadata as real answers carry it', () => {
  test('a thinking model (2.5 flash) carries thoughtsTokenCount, and the total adds it, as the real lines do', () => {
    const real = readFileSync(path.join(FIXTURES, 'gemini-batch-generate-output.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).response as Resp);
    const ours = answer('gemini-2.5-flash', ask('Explain how AI works'));
    for (const r of real) {
      assert.deepEqual(
        Object.keys(ours.usageMetadata).sort(),
        Object.keys(r.usageMetadata).sort(),
        'same usage fields as a real 2.5-flash line',
      );
      assert.equal(
        r.usageMetadata.totalTokenCount,
        r.usageMetadata.promptTokenCount + r.usageMetadata.candidatesTokenCount + r.usageMetadata.thoughtsTokenCount!,
      );
    }
    const u = ours.usageMetadata;
    assert.ok(u.thoughtsTokenCount! > 0);
    assert.equal(u.totalTokenCount, u.promptTokenCount + u.candidatesTokenCount + u.thoughtsTokenCount!);
    assert.equal(ours.modelVersion, 'gemini-2.5-flash', 'modelVersion names the model, as in real lines');
    assert.ok(ours.responseId.length > 10);
  });

  test('thinkingBudget 0 turns thinking off; a positive budget caps it; a model that does not think has none', () => {
    const off = answer('gemini-2.5-flash', ask('x', { generationConfig: { thinkingConfig: { thinkingBudget: 0 } } }));
    assert.equal(off.usageMetadata.thoughtsTokenCount, undefined);
    assert.equal(
      off.usageMetadata.totalTokenCount,
      off.usageMetadata.promptTokenCount + off.usageMetadata.candidatesTokenCount,
    );
    const capped = answer(
      'gemini-2.5-flash',
      ask('x', { generation_config: { thinking_config: { thinking_budget: 10 } } }),
    );
    assert.ok(capped.usageMetadata.thoughtsTokenCount! <= 10 && capped.usageMetadata.thoughtsTokenCount! > 0);
    assert.equal(answer('gemini-2.0-flash', ask('x')).usageMetadata.thoughtsTokenCount, undefined);
    assert.ok(
      answer('gemini-3-flash-preview', ask('x')).usageMetadata.thoughtsTokenCount! > 0,
      'Gemini 3 thinks by default',
    );
  });

  test('cachedContent: cachedContentTokenCount, included in promptTokenCount', () => {
    const plain = answer('gemini-2.5-flash', ask('question'));
    const cached = answer('gemini-2.5-flash', ask('question', { cachedContent: 'cachedContents/abc' }));
    const c = cached.usageMetadata.cachedContentTokenCount as number;
    assert.ok(c > 0);
    assert.equal(plain.usageMetadata.cachedContentTokenCount, undefined);
    assert.equal(cached.usageMetadata.promptTokenCount, plain.usageMetadata.promptTokenCount + c);
  });

  test('promptTokensDetails by modality; image and TTS models answer media with candidatesTokensDetails', () => {
    const withImage = answer('gemini-2.5-flash', {
      contents: [{ parts: [{ text: 'what is this' }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }] }],
    });
    const modalities = (withImage.usageMetadata.promptTokensDetails as { modality: string; tokenCount: number }[])
      .map((d) => d.modality)
      .sort();
    assert.deepEqual(modalities, ['IMAGE', 'TEXT']);
    assert.equal(
      withImage.usageMetadata.candidatesTokensDetails,
      undefined,
      'a text answer has none, as in real lines',
    );
    const img = answer('gemini-2.5-flash-image', ask('a cat'));
    assert.ok(
      img.candidates[0].content.parts.some(
        (p) => (p.inlineData as { mimeType: string } | undefined)?.mimeType === 'image/png',
      ),
    );
    assert.deepEqual(
      (img.usageMetadata.candidatesTokensDetails as { modality: string }[]).map((d) => d.modality),
      ['IMAGE'],
    );
    const tts = answer('gemini-2.5-flash-preview-tts', ask('say hi'));
    assert.match((tts.candidates[0].content.parts[0].inlineData as { mimeType: string }).mimeType, /^audio\/L16/);
    assert.deepEqual(
      (tts.usageMetadata.candidatesTokensDetails as { modality: string }[]).map((d) => d.modality),
      ['AUDIO'],
    );
  });

  test('the model table: unique ids, every task present, the emulator and the fallback picks read it', () => {
    assert.equal(new Set(MODEL_TABLE.map((m) => m.id)).size, MODEL_TABLE.length);
    for (const task of ['generate', 'embed', 'image', 'tts'] as const) {
      assert.ok(modelIds(task).length > 0, task);
    }
    assert.ok(MODEL_TABLE.some((m) => m.family === 'gemini-3') && MODEL_TABLE.some((m) => m.family === 'gemini-2.5'));
    assert.equal(modelRow('models/gemini-embedding-001')?.task, 'embed');
    assert.deepEqual(FALLBACK_MODELS.gemini['gemini-embed'], ['gemini-embedding-001']);
    assert.ok(FALLBACK_MODELS.gemini['gemini-generate'].includes('gemini-3-flash-preview'));
  });
});

suite('emulator: countTokens counts as usageMetadata does', () => {
  const env = withEmulator({}, 'count');

  for (const apiVersion of ['v1', 'v1beta'] as const) {
    test(`@google/genai models.countTokens equals promptTokenCount (${apiVersion})`, async () => {
      const ai = env.genai(apiVersion);
      const contents = [
        {
          role: 'user',
          parts: [
            { text: 'How many tokens is this sentence, roughly?' },
            { inlineData: { mimeType: 'image/png', data: 'AAAA' } },
          ],
        },
      ];
      const counted = await ai.models.countTokens({ model: 'gemini-2.5-flash', contents });
      const generated = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents });
      assert.ok((counted.totalTokens ?? 0) > 0);
      assert.equal(counted.totalTokens, generated.usageMetadata?.promptTokenCount);
      assert.equal(counted.totalTokens, answer('gemini-2.5-flash', { contents }).usageMetadata.promptTokenCount);
    });
  }

  test('REST countTokens with a generateContentRequest, cachedContent counted in', async () => {
    const request = { model: 'models/gemini-2.5-flash', ...ask('hello there'), cachedContent: 'cachedContents/xyz' };
    const res = await fetch(`${env.emu.baseUrl}/v1beta/models/gemini-2.5-flash:countTokens`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ generateContentRequest: request }),
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { totalTokens: number; cachedContentTokenCount: number };
    const usage = answer('gemini-2.5-flash', request).usageMetadata;
    assert.equal(body.totalTokens, usage.promptTokenCount);
    assert.equal(body.cachedContentTokenCount, usage.cachedContentTokenCount);
  });
});
