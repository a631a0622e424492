import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ApiError } from '@google/genai';
import { pollUntil, TERMINAL, withEmulator, writeJsonl } from './helpers';

type Op = { metadata: { state: string; batchStats: Record<string, string> } };

suite('emulator: Gemini job operations with @google/genai', () => {
  const env = withEmulator();

  const lines = (n: number): unknown[] =>
    Array.from({ length: n }, (_, i) => ({
      key: `k${i}`,
      request: { contents: [{ parts: [{ text: `prompt ${i}` }] }] },
    }));

  /** batchStats is not mapped by the SDK (reference §4.4), so progress is read over REST. */
  const rawOp = async (name: string): Promise<Op> =>
    (await (await fetch(`${env.emu.baseUrl}/v1beta/${name}`, { headers: { 'x-goog-api-key': 'test' } })).json()) as Op;

  test('cancel mid-run keeps the results made so far; batchStats advance as strings', async () => {
    const ai = env.genai();
    const file = await ai.files.upload({
      file: writeJsonl(env.dir, 'in.jsonl', lines(40)),
      config: { mimeType: 'jsonl' },
    });
    const job = await ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! });
    const first = await rawOp(job.name!);
    assert.equal(first.metadata.state, 'BATCH_STATE_PENDING');
    assert.deepEqual(first.metadata.batchStats, { requestCount: '40', pendingRequestCount: '40' });
    // 10 s jobs: 2 s pending, then a line every 200 ms. At 2.7 s three lines are done, and the run waits for time.
    env.clock.advance(2700);
    const mid = await pollUntil(
      () => rawOp(job.name!),
      (o) => o.metadata.batchStats.successfulRequestCount === '3',
    );
    assert.equal(mid.metadata.state, 'BATCH_STATE_RUNNING');
    await ai.batches.cancel({ name: job.name! });
    const cancelled = await ai.batches.get({ name: job.name! });
    assert.equal(cancelled.state, 'JOB_STATE_CANCELLED');
    const out = path.join(env.dir, 'partial.jsonl');
    await ai.files.download({ file: cancelled.dest!.fileName!, downloadPath: out });
    const got = await pollUntil(
      async () => readFileSync(out, 'utf8'),
      (t) => t.endsWith('\n'),
      2000,
      20,
    );
    const n = got.trim().split('\n').length;
    assert.equal(n, 3, 'the results made before the cancel, no more');
    const op = await rawOp(job.name!);
    assert.equal(op.metadata.batchStats.successfulRequestCount, String(n));
    assert.equal(op.metadata.batchStats.pendingRequestCount, String(40 - n));
  });

  test('list batches and files page by page; delete forgets; unknown batch is 404', async () => {
    const ai = env.genai('v1');
    const file = await ai.files.upload({
      file: writeJsonl(env.dir, 'in.jsonl', lines(2)),
      config: { mimeType: 'jsonl', displayName: 'two' },
    });
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      names.push(
        (await ai.batches.create({ model: 'gemini-2.5-flash', src: file.name!, config: { displayName: `job-${i}` } }))
          .name!,
      );
    }
    const pager = await ai.batches.list({ config: { pageSize: 2 } });
    assert.equal(pager.page.length, 2);
    const seen: string[] = [];
    for await (const j of pager) {
      seen.push(j.name!);
    }
    assert.deepEqual(seen, [...names].reverse(), 'newest first, every job once');

    await ai.files.upload({ file: writeJsonl(env.dir, 'b.jsonl', lines(1)), config: { mimeType: 'jsonl' } });
    await ai.files.upload({ file: writeJsonl(env.dir, 'c.jsonl', lines(1)), config: { mimeType: 'jsonl' } });
    const files: string[] = [];
    for await (const f of await ai.files.list({ config: { pageSize: 2 } })) {
      files.push(f.name!);
    }
    assert.equal(files.length, 3);
    assert.equal((await ai.files.get({ name: file.name! })).displayName, 'two');

    await ai.batches.delete({ name: names[0] });
    await assert.rejects(
      ai.batches.get({ name: names[0] }),
      (e) => e instanceof ApiError && e.status === 404 && /NOT_FOUND/.test(e.message),
    );
    await assert.rejects(ai.batches.get({ name: 'batches/nope' }), (e) => e instanceof ApiError && e.status === 404);
    await ai.files.delete({ name: file.name! });
    await assert.rejects(ai.files.get({ name: file.name! }), (e) => e instanceof ApiError && e.status === 404);
    for (const n of names.slice(1)) {
      await ai.batches.cancel({ name: n });
      assert.ok(TERMINAL.includes((await ai.batches.get({ name: n })).state ?? ''));
    }
  });

  test('no key → 403 ApiError; key in ?key= works; models list', async () => {
    const noKey = env.genai('v1beta', '');
    await assert.rejects(
      noKey.files.list(),
      (e) => e instanceof ApiError && e.status === 403 && /PERMISSION_DENIED/.test(e.message),
    );
    await assert.rejects(noKey.batches.get({ name: 'batches/x' }), (e) => e instanceof ApiError && e.status === 403);
    assert.equal((await fetch(`${env.emu.baseUrl}/v1beta/files?key=secret-abc`)).status, 200);
    assert.ok(
      env.emu.logs.length > 0 && env.emu.logs.every((l) => !l.includes('secret-abc')),
      'the key never reaches the log',
    );
    const ai = env.genai('v1beta');
    const models: string[] = [];
    for await (const m of await ai.models.list()) {
      models.push(m.name!);
      if (m.name === 'models/gemini-embedding-001') {
        assert.ok(m.supportedActions?.includes('asyncBatchEmbedContent'));
      }
    }
    for (const id of ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash-lite', 'gemini-embedding-001']) {
      assert.ok(models.includes(`models/${id}`), id);
    }
  });

  test('lines the service cannot parse reject the batch at create: 400 with one Error on line N per bad line', async () => {
    const ai = env.genai('v1beta');
    const input = writeJsonl(env.dir, 'bad.jsonl', [
      lines(1)[0],
      '{"key": "broken", "request": {"contents": [',
      { key: 'unknown', request: { contents: [{ parts: [{ text: 'x' }] }], thinking_config: { thinking_budget: 0 } } },
      {
        key: 'wrong-type',
        request: { system_instruction: [{ text: 'be brief' }], contents: [{ parts: [{ text: 'x' }] }] },
      },
      '',
      lines(2)[1],
    ]);
    const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl' } });
    const err = await ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof ApiError, String(err));
    assert.equal(err.status, 400);
    const body = JSON.parse(err.message) as { error: { status: string; message: string } };
    assert.equal(body.error.status, 'INVALID_ARGUMENT');
    const msgLines = body.error.message.split('\n');
    assert.equal(msgLines.length, 3);
    assert.match(msgLines[0], /^Error on line 2: invalid JSON, near column \d+: /);
    assert.match(msgLines[1], /^Error on line 3: invalid JSON, near column \d+: no such field: 'thinking_config'/);
    assert.match(
      msgLines[2],
      /^Error on line 4: invalid JSON, near column \d+: unexpected character: '\['; expected '\{'/,
    );
    const jobs = await ai.batches.list();
    assert.equal(jobs.page.length, 0, 'no job was made');
  });
});
