import * as assert from 'node:assert/strict';
import { createReadStream, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { genai, openai, pollUntil, startTestEmulator, tempDir, TERMINAL, writeJsonl } from './helpers';
import { ManualClock } from './manualClock';
import type { RunningEmulator } from '../../../src/emulator';

const FIXTURES = path.join(__dirname, '../../fixtures/emulator');
const genLines = (n: number): unknown[] =>
  Array.from({ length: n }, (_, i) => ({ key: `k${i}`, request: { contents: [{ parts: [{ text: `p${i}` }] }] } }));

suite('emulator: restart and expiry', () => {
  let emu: RunningEmulator | undefined;
  let tmp: ReturnType<typeof tempDir>;

  setup(() => {
    tmp = tempDir();
  });
  teardown(async () => {
    try {
      await emu?.close();
    } finally {
      tmp.cleanup();
    }
  });

  test('a restart keeps files and jobs, and an unfinished job resumes to success', async () => {
    const data = path.join(tmp.dir, 'data');
    // 10 s jobs on simulated time: the one clock goes on across the restart, as a real clock would.
    const clock = new ManualClock();
    emu = await startTestEmulator(data, { jobSeconds: 10, clock });
    let ai = genai(emu.baseUrl);
    const file = await ai.files.upload({
      file: writeJsonl(tmp.dir, 'in.jsonl', genLines(30)),
      config: { mimeType: 'jsonl', displayName: 'keep me' },
    });
    const quick = await ai.batches.create({ model: 'gemini-2.5-flash', src: [{ contents: 'inline one' }] });
    clock.advance(10_000);
    await pollUntil(
      () => ai.batches.get({ name: quick.name! }),
      (j) => TERMINAL.includes(j.state ?? ''),
    );
    const slow = await ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! });
    // 4 s in: 2 s pending, then 2 s of the 8 s running window, so the job is a quarter done when the process stops.
    clock.advance(4000);
    await pollUntil(
      () => ai.batches.get({ name: slow.name! }),
      (j) => j.state === 'JOB_STATE_RUNNING',
    );
    await emu.close();
    assert.deepEqual(readdirSync(path.join(data, 'tmp')), [], 'no temp results left behind');

    emu = await startTestEmulator(data, { jobSeconds: 10, clock });
    ai = genai(emu.baseUrl);
    assert.equal(
      (await ai.batches.get({ name: slow.name! })).state,
      'JOB_STATE_RUNNING',
      'resumed, not restarted as new',
    );
    clock.advance(10_000);
    assert.equal((await ai.files.get({ name: file.name! })).displayName, 'keep me');
    const q = await ai.batches.get({ name: quick.name! });
    assert.equal(q.state, 'JOB_STATE_SUCCEEDED');
    assert.equal(q.dest?.inlinedResponses?.length, 1);
    const s = await pollUntil(
      () => ai.batches.get({ name: slow.name! }),
      (j) => TERMINAL.includes(j.state ?? ''),
      10000,
    );
    assert.equal(s.state, 'JOB_STATE_SUCCEEDED');
    const out = path.join(tmp.dir, 'out.jsonl');
    await ai.files.download({ file: s.dest!.fileName!, downloadPath: out });
    const lines = await pollUntil(
      async () => readFileSync(out, 'utf8').split('\n').filter(Boolean),
      (l) => l.length === 30,
      2000,
      20,
    );
    assert.equal(new Set(lines.map((l) => JSON.parse(l).key)).size, 30, 'each request answered once');
  });

  test('expiry on simulated time: a Gemini job has no results; an OpenAI batch keeps the lines finished by then, the rest batch_expired', async () => {
    // 10 s jobs (2 s pending, then a line every 0.8 s) expiring at 6 s: the clock only moves when the test says so.
    const clock = new ManualClock();
    emu = await startTestEmulator(path.join(tmp.dir, 'data'), { jobSeconds: 10, expirySeconds: 6, clock });
    const ai = genai(emu.baseUrl);
    const file = await ai.files.upload({
      file: writeJsonl(tmp.dir, 'in.jsonl', genLines(10)),
      config: { mimeType: 'jsonl' },
    });
    const job = await ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! });

    const client = openai(`${emu.baseUrl}/v1/`);
    const input = writeJsonl(
      tmp.dir,
      'oa.jsonl',
      Array.from({ length: 10 }, (_, i) => ({
        custom_id: `request-${i}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `q${i}` }] },
      })),
    );
    const oaFile = await client.files.create({ file: createReadStream(input), purpose: 'batch' });
    const batch = await client.batches.create({
      input_file_id: oaFile.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    assert.equal((await client.batches.retrieve(batch.id)).status, 'validating', 'no time has passed');

    // At 5.9 s the jobs have run 3.9 s of their 8: four lines. Then the clock passes the expiry.
    clock.advance(5900);
    await pollUntil(
      () => client.batches.retrieve(batch.id),
      (x) => x.request_counts?.completed === 4,
    );
    clock.advance(200);

    const g = await pollUntil(
      () => ai.batches.get({ name: job.name! }),
      (j) => TERMINAL.includes(j.state ?? ''),
    );
    assert.equal(g.state, 'JOB_STATE_EXPIRED');
    assert.equal(g.dest?.fileName, undefined);

    const b = await pollUntil(
      () => client.batches.retrieve(batch.id),
      (x) => ['completed', 'expired', 'failed', 'cancelled'].includes(x.status),
    );
    assert.equal(b.status, 'expired');
    assert.ok(b.expired_at);
    const done = b.request_counts!.completed;
    assert.equal(done, 4, 'the lines finished before the expiry, and no more');
    const okLines = (await (await client.files.content(b.output_file_id!)).text()).trim().split('\n');
    assert.equal(okLines.length, done);
    const expired = (await (await client.files.content(b.error_file_id!)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(expired.length, 10 - done);
    const real = JSON.parse(
      readFileSync(path.join(FIXTURES, 'openai-batch-error-expired-guide-example.jsonl'), 'utf8').split('\n')[0],
    );
    for (const e of expired) {
      assert.deepEqual(Object.keys(e).sort(), Object.keys(real).sort());
      assert.equal(e.response, null);
      assert.deepEqual(e.error, real.error);
    }
  });
});
