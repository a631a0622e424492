import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { estimateLine } from '../../../../src/core/estimate/lineEstimate';
import { tokenizerAssetDir } from '../../../../src/core/tokens/assetDir';
import { loadGeminiCounter } from '../../../../src/core/tokens/tokenizerData';
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

  test('after dispose a request fails at once and starts no worker', async () => {
    const client = new TokenWorkerClient(BOOT);
    client.dispose();
    await assert.rejects(client.inputTokens({ request: { contents: [] } }, undefined), /disposed/);
    assert.equal((client as unknown as { worker?: unknown }).worker, undefined);
  });
});
