import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { toFile } from 'openai';
import OpenAI from 'openai';
import { isErrorShape, withEmulator } from './helpers';

const KEY = { 'x-goog-api-key': 'k' };

suite('emulator: file size caps hold while the bytes stream', () => {
  // Small caps stand in for 2 GB / 512 MB / 200 MB: the code path is the same.
  const env = withEmulator(
    { limits: { geminiFileBytes: 1000, openaiFileBytes: 1000, openaiBatchFileBytes: 500 } },
    'caps',
  );
  const leftovers = (): string[] => ['uploads', 'tmp'].flatMap((d) => readdirSync(path.join(env.dir, 'data', d)));

  /** Starts a resumable upload that declares no size (neither the header nor `file.sizeBytes`). */
  async function startUndeclared(): Promise<string> {
    const start = await fetch(`${env.emu.baseUrl}/upload/v1beta/files`, {
      method: 'POST',
      headers: {
        ...KEY,
        'x-goog-upload-protocol': 'resumable',
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-type': 'jsonl',
      },
      body: JSON.stringify({ file: { displayName: 'big' } }),
    });
    assert.equal(start.status, 200);
    return start.headers.get('x-goog-upload-url')!;
  }
  const chunk = (url: string, offset: number, bytes: number, command: string): Promise<Response> =>
    fetch(url, {
      method: 'POST',
      headers: { 'x-goog-upload-command': command, 'x-goog-upload-offset': String(offset) },
      body: new Uint8Array(bytes).fill(120),
    });

  test('an undeclared Gemini upload past the cap gets 413, in one chunk or across chunks, and leaves nothing behind', async () => {
    const one = await chunk(await startUndeclared(), 0, 1500, 'upload, finalize');
    assert.equal(one.status, 413);
    assert.ok(isErrorShape(await one.text(), 413));
    const url = await startUndeclared();
    assert.equal((await chunk(url, 0, 600, 'upload')).status, 200);
    const second = await chunk(url, 600, 600, 'upload, finalize');
    assert.equal(second.status, 413);
    assert.deepEqual(leftovers(), []);
    assert.equal((await env.genai().files.list()).page.length, 0);
    // At the cap exactly is fine.
    const fits = await chunk(await startUndeclared(), 0, 1000, 'upload, finalize');
    assert.equal(fits.status, 200);
    assert.equal(fits.headers.get('x-goog-upload-status'), 'final');
  });

  test('a declared size over the cap is refused at start', async () => {
    const start = await fetch(`${env.emu.baseUrl}/upload/v1beta/files`, {
      method: 'POST',
      headers: {
        ...KEY,
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-type': 'jsonl',
        'x-goog-upload-header-content-length': '1001',
      },
      body: '{}',
    });
    assert.equal(start.status, 413);
  });

  test('an OpenAI multipart upload past the cap gets 413 with no file and no temp file; a batch file past 200 MB too', async () => {
    const client = env.openai('/v1/');
    const upload = async (bytes: number, purpose: 'batch' | 'user_data'): Promise<unknown> =>
      client.files.create({ file: await toFile(Buffer.alloc(bytes, 120), 'in.jsonl'), purpose });
    await assert.rejects(upload(1500, 'user_data'), (e) => e instanceof OpenAI.APIError && e.status === 413);
    await assert.rejects(upload(800, 'batch'), (e) => e instanceof OpenAI.APIError && e.status === 413);
    assert.deepEqual((await client.files.list()).data, []);
    assert.deepEqual(leftovers(), []);
    await upload(800, 'user_data');
    assert.equal((await client.files.list()).data.length, 1);
  });
});

suite('emulator: the cap on active jobs holds under concurrent creates', () => {
  const env = withEmulator({ jobSeconds: 600 }, 'slots');

  test('150 creates at once: 100 accepted, 50 refused with 429', async () => {
    const create = (): Promise<number> =>
      fetch(`${env.emu.baseUrl}/v1beta/models/gemini-2.5-flash:batchGenerateContent`, {
        method: 'POST',
        headers: { ...KEY, 'content-type': 'application/json' },
        body: JSON.stringify({
          batch: {
            inputConfig: { requests: { requests: [{ request: { contents: [{ parts: [{ text: 'hi' }] }] } }] } },
          },
        }),
      }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      });
    const statuses = await Promise.all(Array.from({ length: 150 }, create));
    assert.equal(statuses.filter((s) => s === 200).length, 100);
    assert.equal(statuses.filter((s) => s === 429).length, 50);
    const listed = (await (
      await fetch(`${env.emu.baseUrl}/v1beta/batches?pageSize=1000`, { headers: KEY })
    ).json()) as { operations: unknown[] };
    assert.equal(listed.operations.length, 100);
  });
});
