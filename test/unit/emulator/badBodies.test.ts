import * as assert from 'node:assert/strict';
import { isErrorShape, withEmulator, writeJsonl } from './helpers';

const KEY = { 'x-goog-api-key': 'k', 'content-type': 'application/json' };
const request = { contents: [{ parts: [{ text: 'hi' }] }] };

suite('emulator: a body field of the wrong type is a 400, never a 500', () => {
  const env = withEmulator({}, 'bodies');
  const post = (p: string, body: unknown, headers: Record<string, string> = KEY): Promise<Response> =>
    fetch(`${env.emu.baseUrl}${p}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const create = (batch: unknown): Promise<Response> =>
    post('/v1beta/models/gemini-2.5-flash:batchGenerateContent', { batch });
  const inline = { requests: { requests: [{ request }] } };

  test('batch create: displayName, priority, fileName, inputConfig, requests', async () => {
    const bad = [
      { displayName: { toString: 'x' }, inputConfig: inline },
      { displayName: ['a'], inputConfig: inline },
      { priority: { toString: 'x' }, inputConfig: inline },
      { priority: '1.5', inputConfig: inline },
      { inputConfig: { fileName: { toString: 'x' } } },
      { inputConfig: { fileName: 7 } },
      { inputConfig: 'files/x' },
      { inputConfig: { requests: [] } },
      'batch',
      [inline],
    ];
    for (const batch of bad) {
      const res = await create(batch);
      const text = await res.text();
      assert.equal(res.status, 400, `${JSON.stringify(batch)} → ${text}`);
      assert.ok(isErrorShape(text, 400), text);
    }
    assert.equal((await env.genai().batches.list()).page.length, 0);
    const ok = await create({ displayName: 'fine', priority: '5', inputConfig: inline });
    assert.equal(ok.status, 200, await ok.text());
  });

  test('the 400 words what it found as the proto-JSON parser does; a number priority is accepted', async () => {
    const message = async (priority: unknown): Promise<string> => {
      const res = await create({ priority, inputConfig: inline });
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    assert.match(await message(['1']), /'batch\.priority' \(TYPE_INT64\), Starting an array on a scalar field$/);
    assert.match(await message({ a: 1 }), /\(TYPE_INT64\), Starting an object on a scalar field$/);
    assert.match(await message(true), /\(TYPE_INT64\), true$/);
    const ok = await create({ priority: 5, inputConfig: inline });
    assert.equal(ok.status, 200, await ok.text());
  });

  test('upload start: file name, displayName, mimeType and sizeBytes of the wrong type', async () => {
    const start = {
      ...KEY,
      'x-goog-upload-protocol': 'resumable',
      'x-goog-upload-command': 'start',
      'x-goog-upload-header-content-type': 'jsonl',
    };
    for (const file of [
      { name: { toString: 'x' } },
      { displayName: { toString: 'x' } },
      { sizeBytes: { a: 1 } },
      { sizeBytes: '-5' },
      'file',
    ]) {
      const res = await post('/upload/v1beta/files', { file }, start);
      const text = await res.text();
      assert.equal(res.status, 400, `${JSON.stringify(file)} → ${text}`);
      assert.ok(isErrorShape(text, 400), text);
    }
    // A negative declared size names the field it came from, not "undefined".
    const neg = await post('/upload/v1beta/files', { file: { sizeBytes: -5 } }, start);
    assert.match(((await neg.json()) as { error: { message: string } }).error.message, /file\.sizeBytes/);
    const header = await post('/upload/v1beta/files', {}, { ...start, 'x-goog-upload-header-content-length': '-5' });
    assert.match(
      ((await header.json()) as { error: { message: string } }).error.message,
      /X-Goog-Upload-Header-Content-Length: "-5"/,
    );
  });

  test('OpenAI batch create: metadata that is not a map of strings', async () => {
    const client = env.openai('/v1/');
    const file = await client.files.create({
      file: new File(
        [
          JSON.stringify({
            custom_id: 'a',
            method: 'POST',
            url: '/v1/chat/completions',
            body: { model: 'gpt-4o-mini', messages: [] },
          }),
        ],
        'in.jsonl',
      ),
      purpose: 'batch',
    });
    for (const metadata of [
      { a: { toString: 'x' } },
      'm',
      Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])),
    ]) {
      const res = await fetch(`${env.emu.baseUrl}/v1/batches`, {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
        body: JSON.stringify({
          input_file_id: file.id,
          endpoint: '/v1/chat/completions',
          completion_window: '24h',
          metadata,
        }),
      });
      const text = await res.text();
      assert.equal(res.status, 400, text);
      assert.ok(isErrorShape(text, 400), text);
    }
    assert.equal((await client.batches.list()).data.length, 0);
  });

  test('a line the validator cannot check is a 400 for that line, not a 500', async () => {
    const ai = env.genai();
    const src = writeJsonl(env.dir, 'proto.jsonl', [
      { key: 'a', request: { ...request, constructor: 1 } },
      { key: 'b', request: { ...request, __proto__x: 1 } },
    ]);
    const file = await ai.files.upload({ file: src, config: { mimeType: 'jsonl' } });
    const res = await create({ inputConfig: { fileName: file.name } });
    const text = await res.text();
    assert.equal(res.status, 400, text);
    assert.match(text, /Error on line 1/);
  });
});

suite('emulator: the upload protocol refuses what it does not know', () => {
  const env = withEmulator({}, 'protocol');

  async function session(): Promise<string> {
    const res = await fetch(`${env.emu.baseUrl}/upload/v1beta/files`, {
      method: 'POST',
      headers: {
        ...KEY,
        'x-goog-upload-protocol': 'resumable',
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-type': 'jsonl',
        'x-goog-upload-header-content-length': '3',
      },
      body: '{}',
    });
    return res.headers.get('x-goog-upload-url')!;
  }

  test('an unknown or missing x-goog-upload-command is a 400, at start and on the data step', async () => {
    for (const command of [undefined, 'bogus', 'start, upload', '']) {
      const headers: Record<string, string> = { ...KEY, 'x-goog-upload-header-content-type': 'jsonl' };
      if (command !== undefined) {
        headers['x-goog-upload-command'] = command;
      }
      assert.equal(
        (await fetch(`${env.emu.baseUrl}/upload/v1beta/files`, { method: 'POST', headers, body: '{}' })).status,
        400,
        `start ${command}`,
      );
    }
    const url = await session();
    for (const command of [undefined, 'bogus', 'upload, bogus', '', 'start']) {
      const headers: Record<string, string> = { 'x-goog-upload-offset': '0' };
      if (command !== undefined) {
        headers['x-goog-upload-command'] = command;
      }
      const res = await fetch(url, { method: 'POST', headers, body: 'abc' });
      assert.equal(res.status, 400, `data step ${command}`);
      assert.ok(isErrorShape(await res.text(), 400));
    }
  });

  test('an offset that is not decimal digits is a 400 (not 0)', async () => {
    const url = await session();
    for (const offset of ['', '0x0', '+0', '-0', '0.0', ' ', '0e0']) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'x-goog-upload-command': 'upload', 'x-goog-upload-offset': offset },
        body: 'abc',
      });
      assert.equal(res.status, 400, JSON.stringify(offset));
    }
    const query = await fetch(url, { method: 'POST', headers: { 'x-goog-upload-command': 'query' } });
    assert.equal(query.headers.get('x-goog-upload-size-received'), '0');
  });

  test('two data steps of one session sent together run one after the other: one file, the right size', async () => {
    const url = await session();
    const step = (): Promise<Response> =>
      fetch(url, {
        method: 'POST',
        headers: { 'x-goog-upload-command': 'upload, finalize', 'x-goog-upload-offset': '0' },
        body: 'abc',
      });
    const answers = await Promise.all([step(), step(), step()]);
    const files = await Promise.all(
      answers.map(async (r) => ({
        status: r.status,
        file: ((await r.json()) as { file?: { name: string; sizeBytes: string } }).file,
      })),
    );
    assert.deepEqual(
      files.map((f) => f.status),
      [200, 200, 200],
    );
    assert.equal(new Set(files.map((f) => f.file?.name)).size, 1, 'the late steps get the finished file again');
    assert.deepEqual(
      files.map((f) => f.file?.sizeBytes),
      ['3', '3', '3'],
    );
    assert.equal((await env.genai().files.list()).page.length, 1);
  });

  test('two sessions that chose the same file name and finalize together: one file, the other 409', async () => {
    const named = async (): Promise<string> => {
      const res = await fetch(`${env.emu.baseUrl}/upload/v1beta/files`, {
        method: 'POST',
        headers: { ...KEY, 'x-goog-upload-command': 'start', 'x-goog-upload-header-content-type': 'jsonl' },
        body: JSON.stringify({ file: { name: 'files/same-name' } }),
      });
      return res.headers.get('x-goog-upload-url')!;
    };
    const urls = await Promise.all([named(), named()]);
    const answers = await Promise.all(
      urls.map((u, i) =>
        fetch(u, {
          method: 'POST',
          headers: { 'x-goog-upload-command': 'upload, finalize', 'x-goog-upload-offset': '0' },
          body: `body${i}`,
        }),
      ),
    );
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409]);
    assert.equal((await env.genai().files.list()).page.length, 1);
  });

  test('the data step needs no key (the upload URL authorises it), as on the real service; the start does', async () => {
    const noKey = await fetch(`${env.emu.baseUrl}/upload/v1beta/files`, {
      method: 'POST',
      headers: { 'x-goog-upload-command': 'start', 'x-goog-upload-header-content-type': 'jsonl' },
      body: '{}',
    });
    assert.equal(noKey.status, 403);
    const url = await session();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'x-goog-upload-command': 'upload, finalize', 'x-goog-upload-offset': '0' },
      body: 'abc',
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('x-goog-upload-status'), 'final');
  });
});
