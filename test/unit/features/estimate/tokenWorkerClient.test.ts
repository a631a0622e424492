import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { estimateLine } from '../../../../src/core/estimate/lineEstimate';
import { tokenizerAssetDir } from '../../../../src/core/tokens/assetDir';
import { loadGeminiCounter, loadOpenAiCounter } from '../../../../src/core/tokens/tokenizerData';
import { TokenWorkerClient } from '../../../../src/features/estimate/tokenWorkerClient';

const BOOT = path.join(__dirname, 'tokenWorkerBoot.js');

suite('TokenWorkerClient.inputTokens (the embedded emulator counts its usage with it)', () => {
  test("a line's input tokens are estimateLine's, at the model asked for; no request gives undefined", async () => {
    const client = new TokenWorkerClient(BOOT);
    try {
      const line = {
        request: {
          systemInstruction: { parts: [{ text: 'Réponds en une ligne.' }] },
          contents: [{ role: 'user', parts: [{ text: 'Combien font 12345 × 67890 ?' }] }],
        },
      };
      const counter = await loadGeminiCounter(tokenizerAssetDir(__dirname)!);
      const at = (model: string): number =>
        estimateLine(line, 1, counter, { model, assumedOutputTokens: 0 })!.inputTokens;
      // 2.0 bills no per-Content token, 2.5 does: the model reaches the worker.
      assert.notEqual(at('gemini-2.0-flash'), at('gemini-2.5-flash'));
      assert.equal(await client.inputTokens(line, 'gemini-2.5-flash'), at('gemini-2.5-flash'));
      assert.equal(await client.inputTokens(line, 'gemini-2.0-flash'), at('gemini-2.0-flash'));
      assert.equal(await client.inputTokens({ nothing: true }, undefined), undefined);
    } finally {
      client.dispose();
    }
  });

  test("the lens path: an OpenAI-format line for a Gemini model is counted with Gemini's tokenizer", async () => {
    const client = new TokenWorkerClient(BOOT);
    try {
      // Digits: Gemini's vocabulary splits them one a token, o200k_base in threes.
      const body = { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'What is 1234567890 times 2?' }] };
      const text = JSON.stringify({ custom_id: 'c1', method: 'POST', url: '/v1/chat/completions', body });
      const counter = await loadGeminiCounter(tokenizerAssetDir(__dirname)!);
      const expected = estimateLine(JSON.parse(text) as Record<string, unknown>, 1, counter, {
        assumedOutputTokens: 0,
      });
      const [lens] = await client.lines([{ index: 0, text }], { assumedOutputTokens: 0 });
      assert.equal(lens?.provider, 'gemini');
      assert.equal(lens?.inputTokens, expected?.inputTokens);
      const [gpt] = await client.lines([{ index: 0, text }], { model: 'gpt-4o', assumedOutputTokens: 0 });
      assert.equal(gpt?.provider, 'openai', "picked for an OpenAI model, the line is OpenAI's");
      const openai = await loadOpenAiCounter(tokenizerAssetDir(__dirname)!);
      const line = JSON.parse(text) as Record<string, unknown>;
      const asGpt = estimateLine(line, 1, openai, { model: 'gpt-4o', assumedOutputTokens: 0 })!.inputTokens;
      assert.notEqual(asGpt, estimateLine(line, 1, counter, { model: 'gpt-4o', assumedOutputTokens: 0 })!.inputTokens);
      assert.equal(gpt?.inputTokens, asGpt, 'counted with o200k_base');
    } finally {
      client.dispose();
    }
  });

  test('after dispose a request fails at once and starts no worker', async () => {
    const client = new TokenWorkerClient(BOOT);
    client.dispose();
    await assert.rejects(client.inputTokens({ request: { contents: [] } }, undefined), /disposed/);
    assert.equal((client as unknown as { worker?: unknown }).worker, undefined);
  });
});
