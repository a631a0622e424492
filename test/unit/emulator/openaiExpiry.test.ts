import * as assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { withEmulator, writeJsonl } from './helpers';

suite('emulator: OpenAI batch expiry', () => {
  const env = withEmulator({ jobSeconds: 600 }, 'expiry');

  // openai-openapi.yaml (listBatches example: created_at 1711471533, expires_at 1711557933) and the cookbook
  // output in reference batch-api.md §5: expires_at is created_at + 24 h, the completion window.
  test('expires_at is created_at + 24 h', async () => {
    const client = env.openai('/v1/');
    const line = {
      custom_id: 'a',
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
    };
    const file = await client.files.create({
      file: createReadStream(writeJsonl(env.dir, 'in.jsonl', [line])),
      purpose: 'batch',
    });
    const batch = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    assert.equal(batch.expires_at! - batch.created_at, 24 * 3600);
  });
});
