import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseFaults } from '../../../src/emulator/faults';
import fc from 'fast-check';
import { activePresets, faultsForPresets, REHEARSAL_PRESETS } from '../../../src/emulator/jobs/rehearsalPresets';
import { joinResults } from '../../../src/core/jobs/joinResults';
import { summarizeResults } from '../../../src/core/jobs/summarizeResults';
import { createOpenAiBatch, pollUntil, TERMINAL, withEmulator, writeJsonl, type EmulatorFixture } from './helpers';

const keyed = (n: number, json = false): unknown[] =>
  Array.from({ length: n }, (_, i) => ({
    key: `k${i}`,
    request: {
      contents: [{ parts: [{ text: `q${i}` }] }],
      ...(json
        ? {
            generationConfig: {
              responseMimeType: 'application/json',
              responseSchema: { type: 'OBJECT', properties: { a: { type: 'STRING' } } },
            },
          }
        : {}),
    },
  }));

/** Creates a Gemini file job of `lines` and waits for its end; returns the job and the results path (if any). */
async function run(env: EmulatorFixture, lines: unknown[], name = 'in.jsonl') {
  const ai = env.genai();
  const input = writeJsonl(env.dir, name, lines);
  const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl' } });
  const job = await ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! });
  env.runJobs();
  const done = await pollUntil(
    () => ai.batches.get({ name: job.name! }),
    (j) => TERMINAL.includes(j.state ?? ''),
    10000,
    30,
  );
  let results: string | undefined;
  if (done.dest?.fileName) {
    results = path.join(env.dir, `${name}.out`);
    await ai.files.download({ file: done.dest.fileName, downloadPath: results });
    await pollUntil(
      async () => readFileSync(results!, 'utf8'),
      (t) => t.endsWith('\n'),
      2000,
      20,
    );
  }
  return { input, done, results };
}

suite('emulator: failure rehearsals', () => {
  const env = withEmulator({}, 'rehearse');

  test('lineFailRate 1 (set through the admin endpoint): SUCCEEDED while every line failed, with real gRPC codes', async () => {
    const admin = await fetch(`${env.emu.baseUrl}/emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ lineFailRate: 1 }),
    });
    assert.equal(admin.status, 200);
    const { done, results } = await run(env, keyed(30));
    assert.equal(done.state, 'JOB_STATE_SUCCEEDED');
    const lines = readFileSync(results!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { error?: { code: number; message: string } });
    assert.ok(lines.every((l) => l.error && [3, 8, 13, 14].includes(l.error.code) && !('status' in l.error)));
    const summary = await summarizeResults({ results });
    assert.equal(summary.failed, 30);
    assert.ok(
      Object.keys(summary.byErrorCode).every((c) =>
        ['INVALID_ARGUMENT', 'RESOURCE_EXHAUSTED', 'INTERNAL', 'UNAVAILABLE'].includes(c),
      ),
      JSON.stringify(summary.byErrorCode),
    );
  });

  test('shuffled results with some lines failing: the joined file has every key exactly once, the summary adds up', async () => {
    env.emu.setFaults({ lineFailRate: 0.4 });
    const { input, results } = await run(env, keyed(50));
    const summary = await summarizeResults({ results });
    assert.ok(summary.failed > 5 && summary.failed < 45, JSON.stringify(summary));
    assert.equal(summary.succeeded + summary.failed, 50);
    const out = path.join(env.dir, 'joined.jsonl');
    const counts = await joinResults(input, results!, undefined, out);
    assert.deepEqual(counts, { matched: 50, missingResults: 0, orphanResults: 0, unparseableResults: 0 });
    const joined = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; line: number; error?: unknown });
    assert.deepEqual(
      joined.map((l) => l.key),
      keyed(50).map((l) => (l as { key: string }).key),
      'input order, each key once',
    );
    assert.equal(joined.filter((l) => l.error).length, summary.failed);
  });

  test('truncateJsonRate 1: JSON answers cut short, finishReason MAX_TOKENS, the text no longer parses', async () => {
    env.emu.setFaults({ truncateJsonRate: 1 });
    const { results } = await run(env, keyed(5, true));
    for (const l of readFileSync(results!, 'utf8').trim().split('\n')) {
      const c = (
        JSON.parse(l) as {
          response: { candidates: { finishReason: string; content: { parts: { text: string }[] } }[] };
        }
      ).response.candidates[0];
      assert.equal(c.finishReason, 'MAX_TOKENS');
      assert.throws(() => JSON.parse(c.content.parts[0].text));
    }
  });

  test('failJobs: FAILED with an error and no results; expireJobs: EXPIRED with no results (Gemini)', async () => {
    env.emu.setFaults({ failJobs: true });
    const failed = await run(env, keyed(6), 'f.jsonl');
    assert.equal(failed.done.state, 'JOB_STATE_FAILED');
    // The SDK does not map the Operation's `error`; read it over REST.
    const op = (await (
      await fetch(`${env.emu.baseUrl}/v1beta/${failed.done.name}`, { headers: { 'x-goog-api-key': 'k' } })
    ).json()) as { error?: { code: number; message: string } };
    assert.equal(op.error?.code, 13);
    assert.match(op.error?.message ?? '', /Rehearsed failure/);
    assert.equal(failed.results, undefined);
    env.emu.setFaults({ expireJobs: true });
    const expired = await run(env, keyed(6), 'e.jsonl');
    assert.equal(expired.done.state, 'JOB_STATE_EXPIRED');
    assert.equal(expired.results, undefined);
  });

  test('expireJobs on an OpenAI batch: partial results plus batch_expired lines, every custom_id once', async () => {
    env.emu.setFaults({ expireJobs: true });
    const client = env.openai('/v1/');
    const lines = Array.from({ length: 10 }, (_, i) => ({
      custom_id: `r${i}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `q${i}` }] },
    }));
    const batch = await createOpenAiBatch(client, writeJsonl(env.dir, 'oa.jsonl', lines));
    env.runJobs();
    const done = await pollUntil(
      () => client.batches.retrieve(batch.id),
      (b) => ['completed', 'failed', 'expired', 'cancelled'].includes(b.status),
      10000,
      30,
    );
    assert.equal(done.status, 'expired');
    const out = (await (await client.files.content(done.output_file_id!)).text()).trim().split('\n');
    const errs = (await (await client.files.content(done.error_file_id!)).text()).trim().split('\n');
    assert.ok(out.length >= 1 && out.length < 10);
    assert.ok(errs.every((l) => (JSON.parse(l) as { error: { code: string } }).error.code === 'batch_expired'));
    const ids = [...out, ...errs].map((l) => (JSON.parse(l) as { custom_id: string }).custom_id).sort();
    assert.deepEqual(ids, lines.map((l) => l.custom_id).sort());
  });

  test('pendingSeconds: a job stays PENDING after a job made without it has finished', async () => {
    const ai = env.genai();
    const src = [{ contents: [{ parts: [{ text: 'x' }], role: 'user' }] }];
    env.emu.setFaults({ pendingSeconds: 600 });
    const slow = await ai.batches.create({ model: 'gemini-2.5-flash', src });
    env.runJobs();
    env.emu.setFaults({});
    const quick = await ai.batches.create({ model: 'gemini-2.5-flash', src });
    env.runJobs();
    await pollUntil(
      () => ai.batches.get({ name: quick.name! }),
      (j) => j.state === 'JOB_STATE_SUCCEEDED',
      10000,
      30,
    );
    assert.equal((await ai.batches.get({ name: slow.name! })).state, 'JOB_STATE_PENDING');
  });

  test('parseFaults: the rehearsal options with their types; anything else refused', () => {
    assert.deepEqual(
      parseFaults({ lineFailRate: 0.1, truncateJsonRate: 0.2, pendingSeconds: 5, failJobs: true, expireJobs: false }),
      {
        lineFailRate: 0.1,
        truncateJsonRate: 0.2,
        pendingSeconds: 5,
        failJobs: true,
        expireJobs: false,
      },
    );
    assert.throws(() => parseFaults({ failJobs: 1 }), /boolean/);
    assert.throws(() => parseFaults({ lineFailRate: 'high' }), /non-negative number/);
  });
});

suite('emulator: rehearsal presets', () => {
  test('every preset is a valid fault setting; picks merge; only one exclusive pick survives', () => {
    for (const p of REHEARSAL_PRESETS) {
      assert.deepEqual(parseFaults(p.faults), p.faults, p.id);
    }
    assert.equal(new Set(REHEARSAL_PRESETS.map((p) => p.id)).size, REHEARSAL_PRESETS.length);
    assert.deepEqual(faultsForPresets(['line-failures', 'long-pending']), { lineFailRate: 0.2, pendingSeconds: 60 });
    assert.deepEqual(faultsForPresets(['job-fails', 'job-expires']), { failJobs: true });
    assert.deepEqual(faultsForPresets([]), {});
  });

  test('the pick shows what is rehearsed: the presets found in the settings give the same settings again', () => {
    assert.deepEqual(activePresets(faultsForPresets(['line-failures', 'long-pending'])), [
      'line-failures',
      'long-pending',
    ]);
    assert.deepEqual(activePresets({}), []);
    assert.deepEqual(activePresets({ lineFailRate: 0.5 }), [], 'a setting no preset makes checks nothing');
    const ids = REHEARSAL_PRESETS.map((p) => p.id);
    fc.assert(
      fc.property(fc.subarray(ids), (picked) => {
        const faults = faultsForPresets(picked);
        const active = activePresets(faults);
        assert.ok(
          active.every((id) => picked.includes(id)),
          'only picked presets are shown as active',
        );
        assert.deepEqual(faultsForPresets(active), faults);
      }),
    );
  });
});
