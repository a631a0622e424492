import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pollUntil, TERMINAL, withEmulator } from './helpers';

/** A JSONL generate file of at least `bytes` bytes. */
function bigJsonl(file: string, bytes: number): number {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = JSON.stringify({
      key: `r${i}`,
      request: { contents: [{ parts: [{ text: `prompt ${i} ${'x'.repeat(400)}` }] }] },
    });
    lines.push(line);
    size += line.length + 1;
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return lines.length;
}

suite('emulator: resumable uploads', () => {
  const env = withEmulator();

  test('a file over 8 MiB goes up in several chunks, round-trips byte for byte and runs as a job', async () => {
    const input = path.join(env.dir, 'big.jsonl');
    const count = bigJsonl(input, 9_000_000);
    const ai = env.genai('v1beta');
    const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl' } });
    const bytes = readFileSync(input);
    assert.equal(file.sizeBytes, String(bytes.length));
    assert.equal(file.sha256Hash, createHash('sha256').update(bytes).digest('base64'));
    const chunkPosts = env.emu.logs.filter((l) => l.startsWith('POST /upload/v1beta/files 200'));
    assert.equal(chunkPosts.length, 3, 'start + two chunks');

    const back = path.join(env.dir, 'back.jsonl');
    await ai.files.download({ file: file.name!, downloadPath: back });
    await pollUntil(
      async () => readFileSync(back).length,
      (n) => n === bytes.length,
      5000,
      20,
    );
    assert.ok(readFileSync(back).equals(bytes));

    const job = await ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! });
    env.runJobs();
    const done = await pollUntil(
      () => ai.batches.get({ name: job.name! }),
      (j) => TERMINAL.includes(j.state ?? ''),
      30000,
    );
    assert.equal(done.state, 'JOB_STATE_SUCCEEDED');
    const op = (await (
      await fetch(`${env.emu.baseUrl}/v1beta/${job.name}`, { headers: { 'x-goog-api-key': 'k' } })
    ).json()) as { metadata: { batchStats: Record<string, string> } };
    assert.deepEqual(op.metadata.batchStats, { requestCount: String(count), successfulRequestCount: String(count) });
  });

  test('a chunk at the wrong offset is refused; query reports the bytes received and the upload resumes', async () => {
    // No SDK call sends a chosen offset, so this speaks the protocol directly (as the SDK does on the wire).
    const body = Buffer.from('{"key":"a","request":{"contents":[{"parts":[{"text":"hi"}]}]}}\n');
    const headers = { 'x-goog-api-key': 'k', 'content-type': 'application/json' };
    const start = await fetch(`${env.emu.baseUrl}/upload/v1beta/files`, {
      method: 'POST',
      headers: {
        ...headers,
        'x-goog-upload-protocol': 'resumable',
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-length': String(body.length),
        'x-goog-upload-header-content-type': 'jsonl',
      },
      body: JSON.stringify({ file: { displayName: 'resume' } }),
    });
    const url = start.headers.get('x-goog-upload-url')!;
    assert.match(url, /\/upload\/v1beta\/files\?upload_id=/);
    const chunk = (offset: number, part: Buffer, command: string): Promise<Response> =>
      fetch(url, {
        method: 'POST',
        headers: { ...headers, 'x-goog-upload-command': command, 'x-goog-upload-offset': String(offset) },
        body: new Uint8Array(part),
      });
    assert.equal((await chunk(0, body.subarray(0, 10), 'upload')).headers.get('x-goog-upload-status'), 'active');
    const wrong = await chunk(5, body.subarray(10), 'upload, finalize');
    assert.equal(wrong.status, 400);
    assert.equal(((await wrong.json()) as { error: { status: string } }).error.status, 'INVALID_ARGUMENT');
    const query = await fetch(url, { method: 'POST', headers: { ...headers, 'x-goog-upload-command': 'query' } });
    assert.equal(query.headers.get('x-goog-upload-size-received'), '10');
    const last = await chunk(10, body.subarray(10), 'upload, finalize');
    assert.equal(last.headers.get('x-goog-upload-status'), 'final');
    const file = ((await last.json()) as { file: { name: string; sizeBytes: string; displayName: string } }).file;
    assert.equal(file.sizeBytes, String(body.length));
    assert.equal((await env.genai().files.get({ name: file.name })).displayName, 'resume');
    // A finalize whose answer was lost: a query gets the file again.
    const again = await fetch(url, { method: 'POST', headers: { ...headers, 'x-goog-upload-command': 'query' } });
    assert.equal(again.headers.get('x-goog-upload-status'), 'final');
    assert.equal(((await again.json()) as { file: { name: string } }).file.name, file.name);
  });
});
