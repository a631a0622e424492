import * as assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { APIError } from 'openai';
import { withEmulator, writeJsonl } from './helpers';

const line = (key: string) => ({ key, request: { contents: [{ parts: [{ text: key }] }] } });

suite('emulator: listing files (Gemini files.list, OpenAI GET /v1/files)', () => {
  const env = withEmulator();

  /** Uploads `n` OpenAI files (purpose batch) and returns their ids, oldest first. */
  async function openaiUploads(n: number, purpose: 'batch' | 'user_data' = 'batch'): Promise<string[]> {
    const client = env.openai('/v1/');
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const file = writeJsonl(env.dir, `o${purpose}${i}.jsonl`, [line(`o${i}`)]);
      ids.push((await client.files.create({ file: createReadStream(file), purpose })).id);
    }
    return ids;
  }

  test('Gemini: newest first, pages of pageSize, sizeBytes as a string; OpenAI file- uploads are not listed', async () => {
    const ai = env.genai('v1beta');
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const up = await ai.files.upload({
        file: writeJsonl(env.dir, `g${i}.jsonl`, [line(`g${i}`)]),
        config: { mimeType: 'jsonl', displayName: `g${i}` },
      });
      names.push(up.name!);
    }
    await openaiUploads(1);
    const first = await fetch(`${env.emu.baseUrl}/v1beta/files?pageSize=2`, { headers: { 'x-goog-api-key': 'k' } });
    const page1 = (await first.json()) as {
      files: { name: string; sizeBytes: unknown; displayName: string }[];
      nextPageToken?: string;
    };
    assert.deepEqual(
      page1.files.map((f) => f.name),
      [names[2], names[1]],
    );
    assert.equal(typeof page1.files[0].sizeBytes, 'string');
    assert.equal(page1.files[0].displayName, 'g2');
    assert.ok(page1.nextPageToken);
    const listed: string[] = [];
    for await (const f of await ai.files.list({ config: { pageSize: 2 } })) {
      listed.push(f.name!);
    }
    assert.deepEqual(listed, [...names].reverse(), 'the SDK pages through all Gemini files and nothing else');
    const bad = await fetch(`${env.emu.baseUrl}/v1beta/files?pageToken=nonsense`, {
      headers: { 'x-goog-api-key': 'k' },
    });
    assert.equal(bad.status, 400);
  });

  test('OpenAI: purpose filter, newest first, limit + after paging with has_more, order=asc, bad order → 400', async () => {
    const ids = await openaiUploads(3);
    await openaiUploads(1, 'user_data');
    const client = env.openai('/v1/');
    const page1 = await client.files.list({ purpose: 'batch', limit: 2 });
    assert.deepEqual(
      page1.data.map((f) => f.id),
      [ids[2], ids[1]],
    );
    assert.equal(page1.has_more, true);
    const page2 = await client.files.list({ purpose: 'batch', limit: 2, after: ids[1] });
    assert.deepEqual(
      page2.data.map((f) => f.id),
      [ids[0]],
    );
    assert.equal(page2.has_more, false);
    const all: string[] = [];
    for await (const f of client.files.list({ purpose: 'batch', limit: 1 })) {
      all.push(f.id);
    }
    assert.deepEqual(all, [...ids].reverse(), 'the SDK auto-pages with after = last id');
    assert.equal((await client.files.list()).data.length, 4, 'no purpose: every OpenAI file');
    assert.deepEqual(
      (await client.files.list({ purpose: 'batch', order: 'asc' })).data.map((f) => f.id),
      ids,
    );
    await assert.rejects(
      client.files.list({ order: 'sideways' as 'asc' }),
      (e: unknown) => e instanceof APIError && e.status === 400,
    );
  });
});
