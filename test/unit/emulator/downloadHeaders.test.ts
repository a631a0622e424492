import * as assert from 'node:assert/strict';
import { withEmulator } from './helpers';

suite('emulator: downloads whatever name and MIME type the client gave', () => {
  const env = withEmulator({}, 'names');

  test('a Unicode multipart file name downloads with an ASCII fallback and filename* (not a 500)', async () => {
    const client = env.openai('/v1/');
    const file = await client.files.create({ file: new File(['{"a":1}\n'], '日本 x.jsonl'), purpose: 'user_data' });
    const res = await fetch(`${env.emu.baseUrl}/v1/files/${file.id}/content`, {
      headers: { authorization: 'Bearer k' },
    });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '{"a":1}\n');
    const disposition = res.headers.get('content-disposition') ?? '';
    assert.match(disposition, /filename="__ x\.jsonl"/);
    assert.match(disposition, /filename\*=UTF-8''%E6%97%A5%E6%9C%AC%20x\.jsonl/);
  });

  test('a MIME type from the JSON body that cannot be a header is served as octet-stream', async () => {
    const start = await fetch(`${env.emu.baseUrl}/upload/v1beta/files`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'k', 'x-goog-upload-command': 'start', 'x-goog-upload-header-content-length': '2' },
      body: JSON.stringify({ file: { mimeType: 'text/日本\r\nx-evil: 1' } }),
    });
    assert.equal(start.status, 200);
    const done = await fetch(start.headers.get('x-goog-upload-url')!, {
      method: 'POST',
      headers: { 'x-goog-upload-command': 'upload, finalize', 'x-goog-upload-offset': '0' },
      body: 'hi',
    });
    const name = ((await done.json()) as { file: { name: string } }).file.name;
    const res = await fetch(`${env.emu.baseUrl}/v1beta/${name}:download?alt=media`, {
      headers: { 'x-goog-api-key': 'k' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/octet-stream');
    assert.equal(res.headers.get('x-evil'), null);
    assert.equal(await res.text(), 'hi');
  });
});
