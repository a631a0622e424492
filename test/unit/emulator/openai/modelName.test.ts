import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOpenAI } from '../../../../src/emulator/openai/openaiModel';
import { resultsCost } from '../../../../src/core/results/resultsCost';

/**
 * The emulator's OpenAI answers name the model as asked, as real answers name the model that answered (a dated
 * snapshot on OpenAI, reference/real-output/openai-batch-output-real-openai-api-rs.jsonl, which the price table
 * knows as an alias); the answer text is what says "emulated". A `<model>-emulated` name made every cost from
 * emulated results "price unknown".
 */
suite('emulator: OpenAI answers name the model as asked', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['/v1/chat/completions', { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Hi' }] }],
    ['/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }],
    ['/v1/embeddings', { model: 'text-embedding-3-small', input: 'Hi' }],
    ['/v1/responses', { model: 'gpt-4.1-mini', input: 'Hi' }],
    ['/v1/completions', { model: 'gpt-3.5-turbo-instruct', prompt: 'Hi' }],
    ['/v1/moderations', { model: 'omni-moderation-latest', input: 'Hi' }],
  ];
  for (const [endpoint, body] of cases) {
    test(`${endpoint} ${String(body.model)}`, () => {
      const result = runOpenAI(endpoint, body, 1_700_000_000);
      assert.equal(result.status, 200, JSON.stringify(result.body));
      assert.equal(result.body.model, body.model);
    });
  }

  test('the cost of an emulated chat result is priced as the model the line asked for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emu-model-'));
    try {
      const body = { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Why is the sky blue?' }] };
      const result = runOpenAI('/v1/chat/completions', body, 1_700_000_000);
      const line = {
        id: 'batch_req_1',
        custom_id: 'a',
        response: { status_code: 200, request_id: 'r', body: result.body },
      };
      const file = join(dir, 'x.results.jsonl');
      await writeFile(file, `${JSON.stringify(line)}\n`);
      const cost = await resultsCost([file]);
      assert.equal(cost.pricedRows, 1);
      assert.equal(cost.unpricedRows, 0);
      assert.ok(cost.batchUsd > 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
