import * as assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import * as path from 'node:path';
import OpenAI from 'openai';
import { createOpenAiBatch, pollUntil, withEmulator, writeJsonl } from './helpers';

const FIXTURES = path.join(__dirname, '../../fixtures/emulator');
const FINAL = ['completed', 'failed', 'expired', 'cancelled'];

interface Body {
  object?: string;
  choices: { message: { content: string } }[];
  data: { embedding: number[] }[];
  error: { message: string };
  [k: string]: unknown;
}
type Line = {
  id: string;
  custom_id: string;
  response: { status_code: number; request_id: string; body: Body } | null;
  error: unknown;
};

function chatLines(n: number, model: string): unknown[] {
  return Array.from({ length: n }, (_, i) => ({
    custom_id: `request-${i + 1}`,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model, messages: [{ role: 'user', content: `Tell me joke ${i}` }] },
  }));
}

function parseLines(text: string): Line[] {
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
}

/** Same top-level and response keys as OpenAI's own output-line example. */
function assertOpenAIShape(line: Line): void {
  const real = JSON.parse(
    readFileSync(path.join(FIXTURES, 'openai-batch-output-spec-example.jsonl'), 'utf8').trim().split('\n')[0],
  ) as Line;
  assert.deepEqual(Object.keys(line).sort(), Object.keys(real).sort());
  assert.deepEqual(Object.keys(line.response!).sort(), Object.keys(real.response!).sort());
  for (const k of ['id', 'object', 'created', 'model', 'choices', 'usage']) {
    assert.ok(k in line.response!.body, k);
  }
  assert.deepEqual(
    Object.keys(line.response!.body.choices[0])
      .filter((k) => k in real.response!.body.choices[0])
      .sort(),
    Object.keys(real.response!.body.choices[0]).sort(),
  );
}

/** The keys of the real compat-layer output (the cookbook's batch; see src/emulator/jobs/compatLine.ts). */
function assertCompatShape(line: Line): void {
  const real = JSON.parse(
    readFileSync(path.join(FIXTURES, 'gemini-openai-compat-batch-output.jsonl'), 'utf8').trim().split('\n')[0],
  ) as Line;
  const keys = (o: object) => Object.keys(o).sort();
  assert.deepEqual(keys(line), keys(real));
  assert.deepEqual(keys(line.response!), keys(real.response!));
  assert.deepEqual(keys(line.response!.body), keys(real.response!.body));
  assert.deepEqual(keys(line.response!.body.usage as object), keys(real.response!.body.usage as object));
  assert.deepEqual(keys(line.response!.body.choices[0]), keys(real.response!.body.choices[0]));
  assert.equal(typeof line.response!.body.created, typeof real.response!.body.created);
}

suite('emulator: OpenAI batch with the openai SDK', () => {
  const env = withEmulator();

  test('Gemini compat (/v1beta/openai/): genai upload, openai create/retrieve/list, genai download', async () => {
    const ai = env.genai('v1beta');
    const client = env.openai('/v1beta/openai/');
    const lines = chatLines(3, 'gemini-2.5-flash');
    lines.push({
      custom_id: 'request-bad',
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gemini-2.5-flash', messages: [{ role: 'wizard', content: 'x' }] },
    });
    const file = await ai.files.upload({
      file: writeJsonl(env.dir, 'in.jsonl', lines),
      config: { mimeType: 'jsonl', displayName: 'compat' },
    });
    const batch = await client.batches.create({
      input_file_id: file.name!,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    env.runJobs();
    assert.match(batch.id, /^batches\//);
    assert.equal(batch.status, 'validating');
    const done = await pollUntil(
      () => client.batches.retrieve(batch.id),
      (b) => FINAL.includes(b.status),
    );
    assert.equal(done.status, 'completed');
    assert.deepEqual(done.request_counts, { total: 4, completed: 3, failed: 1 });
    assert.match(done.output_file_id ?? '', /^files\/batch-/);
    assert.match(done.error_file_id ?? '', /^files\/batch-/);
    const listed = await client.batches.list({ limit: 10 });
    assert.deepEqual(
      listed.data.map((b) => b.id),
      [batch.id],
    );

    const out = path.join(env.dir, 'out.jsonl');
    await ai.files.download({ file: done.output_file_id!, downloadPath: out });
    const ok = await pollUntil(
      async () => parseLines(readFileSync(out, 'utf8')),
      (l) => l.length === 3,
      2000,
      20,
    );
    ok.forEach(assertCompatShape);
    assert.equal(ok[0].response!.status_code, 200);
    assert.match(ok[0].response!.body.choices[0].message.content, /^\[emulated gemini-2\.5-flash\]/);
    const errOut = path.join(env.dir, 'err.jsonl');
    await ai.files.download({ file: done.error_file_id!, downloadPath: errOut });
    const bad = await pollUntil(
      async () => parseLines(readFileSync(errOut, 'utf8')),
      (l) => l.length === 1,
      2000,
      20,
    );
    assert.equal(bad[0].custom_id, 'request-bad');
    assert.equal(bad[0].error, null);
    assert.equal(bad[0].response!.status_code, 400);
    assert.ok(bad[0].response!.body.error.message);
  });

  test('compat cancel: cancelling, then cancelled with the partial output', async () => {
    const ai = env.genai('v1beta');
    const client = env.openai('/v1beta/openai/');
    const file = await ai.files.upload({
      file: writeJsonl(env.dir, 'in.jsonl', chatLines(50, 'gemini-2.5-flash')),
      config: { mimeType: 'jsonl' },
    });
    const batch = await client.batches.create({
      input_file_id: file.name!,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    // 10 s jobs: 2 s validating, then a line every 160 ms. At 2.4 s two lines are done, and the run waits for time.
    env.clock.advance(2400);
    await pollUntil(
      () => client.batches.retrieve(batch.id),
      (b) => b.request_counts?.completed === 2,
    );
    const cancelling = await client.batches.cancel(batch.id);
    assert.equal(cancelling.status, 'cancelling');
    assert.equal(
      (await client.batches.retrieve(batch.id)).status,
      'cancelling',
      'it shows cancelling until time passes',
    );
    env.clock.advance(300);
    const cancelled = await pollUntil(
      () => client.batches.retrieve(batch.id),
      (b) => b.status === 'cancelled',
    );
    assert.equal(cancelled.request_counts!.completed, 2, 'exactly the lines finished before the cancel');
    assert.ok(cancelled.output_file_id);
  });

  test('OpenAI style (/v1/): files.create, batches create/retrieve/list pages/cancel, files.content, files.delete', async () => {
    const client = env.openai('/v1/');
    const input = writeJsonl(env.dir, 'in.jsonl', chatLines(3, 'gpt-4o-mini'));
    const file = await client.files.create({ file: createReadStream(input), purpose: 'batch' });
    assert.match(file.id, /^file-/);
    assert.equal(file.bytes, readFileSync(input).length);
    assert.equal((await client.files.retrieve(file.id)).filename, 'in.jsonl');
    assert.equal(await (await client.files.content(file.id)).text(), readFileSync(input, 'utf8'));

    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (
          await client.batches.create({
            input_file_id: file.id,
            endpoint: '/v1/chat/completions',
            completion_window: '24h',
            metadata: { n: String(i) },
          })
        ).id,
      );
      env.runJobs();
    }
    assert.ok(ids.every((id) => id.startsWith('batch_')));
    const page = await client.batches.list({ limit: 2 });
    assert.equal(page.data.length, 2);
    assert.equal(page.has_more, true);
    const all: string[] = [];
    for await (const b of client.batches.list({ limit: 2 })) {
      all.push(b.id);
    }
    assert.deepEqual(all, [...ids].reverse());

    await client.batches.cancel(ids[2]);
    const done = await pollUntil(
      () => client.batches.retrieve(ids[0]),
      (b) => FINAL.includes(b.status),
    );
    assert.equal(done.status, 'completed');
    assert.deepEqual(done.metadata, { n: '0' });
    assert.match(done.output_file_id ?? '', /^file-/);
    assert.equal(done.error_file_id, null);
    assert.ok((done.usage?.total_tokens ?? 0) > 0);
    const lines = parseLines(await (await client.files.content(done.output_file_id!)).text());
    assert.deepEqual(lines.map((l) => l.custom_id).sort(), ['request-1', 'request-2', 'request-3']);
    lines.forEach(assertOpenAIShape);
    assert.equal((await client.files.delete(file.id)).deleted, true);
    await assert.rejects(client.files.retrieve(file.id), (e) => e instanceof OpenAI.NotFoundError);
    await assert.rejects(client.batches.retrieve('batch_nope'), (e) => e instanceof OpenAI.NotFoundError);
  });

  test('OpenAI validation errors fail the batch after validating; no key is 401', async () => {
    const client = env.openai('/v1/');
    const input = writeJsonl(env.dir, 'bad.jsonl', [
      ...chatLines(1, 'gpt-4o-mini'),
      'not json',
      { custom_id: 'request-1', method: 'POST', url: '/v1/embeddings', body: { model: 'gpt-4o-mini', input: 'x' } },
    ]);
    const batch = await createOpenAiBatch(client, input);
    env.runJobs();
    const failed = await pollUntil(
      () => client.batches.retrieve(batch.id),
      (b) => FINAL.includes(b.status),
    );
    assert.equal(failed.status, 'failed');
    const codes = (failed.errors?.data ?? []).map((e) => `${e.line}:${e.code}`);
    assert.deepEqual(codes, ['2:invalid_json_line', '3:duplicate_custom_id', '3:invalid_url']);
    // The SDK insists on a key, so the header is removed per request to see the server's answer.
    const compat = env.openai('/v1beta/openai/');
    await assert.rejects(
      compat.batches.list({}, { headers: { Authorization: null } }),
      (e) => e instanceof OpenAI.AuthenticationError && e.status === 401,
    );
  });

  test('embeddings batch in OpenAI shape', async () => {
    const client = env.openai('/v1/');
    const input = writeJsonl(env.dir, 'emb.jsonl', [
      {
        custom_id: 'e1',
        method: 'POST',
        url: '/v1/embeddings',
        body: { model: 'text-embedding-3-small', input: 'I really enjoyed the movie', dimensions: 8 },
      },
    ]);
    const batch = await createOpenAiBatch(client, input, '/v1/embeddings');
    env.runJobs();
    const done = await pollUntil(
      () => client.batches.retrieve(batch.id),
      (b) => FINAL.includes(b.status),
    );
    const [line] = parseLines(await (await client.files.content(done.output_file_id!)).text());
    assert.equal(line.response!.body.object, 'list');
    assert.equal(line.response!.body.data[0].embedding.length, 8);
  });
});
