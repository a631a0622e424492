import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ResultWriter, SHUFFLE_WINDOW } from '../../../src/emulator/jobs/resultFiles';
import { seededRandom } from '../../../src/core/util/seededRandom';
import {
  createOpenAiBatch,
  pollUntil,
  TERMINAL,
  tempDir,
  withEmulator,
  writeJsonl,
  type EmulatorFixture,
} from './helpers';

type Line = { key?: string; custom_id?: string; response?: unknown; error?: unknown };

const keyed = (n: number): unknown[] =>
  Array.from({ length: n }, (_, i) => ({
    key: `k${i}`,
    request: { contents: [{ parts: [{ text: `prompt ${i}` }] }] },
  }));
const bare = (i: number): unknown => ({ contents: [{ parts: [{ text: `bare ${i}` }] }] });

/** Runs a Gemini file job of `lines` to the end and returns its result lines as written. */
async function runGemini(env: EmulatorFixture, lines: unknown[]): Promise<Line[]> {
  const ai = env.genai();
  const file = await ai.files.upload({ file: writeJsonl(env.dir, 'in.jsonl', lines), config: { mimeType: 'jsonl' } });
  const job = await ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! });
  env.runJobs();
  const done = await pollUntil(
    () => ai.batches.get({ name: job.name! }),
    (j) => TERMINAL.includes(j.state ?? ''),
    10000,
    30,
  );
  assert.equal(done.state, 'JOB_STATE_SUCCEEDED');
  const out = path.join(env.dir, 'out.jsonl');
  await ai.files.download({ file: done.dest!.fileName!, downloadPath: out });
  const text = await pollUntil(
    async () => readFileSync(out, 'utf8'),
    (t) => t.split('\n').length > lines.length,
    2000,
    20,
  );
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
}

suite('emulator: result order', () => {
  suite('default (shuffled, as the services do not keep order)', () => {
    const env = withEmulator();

    test('keyed results come back in another order, every key exactly once', async () => {
      const got = await runGemini(env, keyed(60));
      const keys = got.map((l) => l.key!);
      assert.deepEqual(
        [...keys].sort(),
        keyed(60)
          .map((l) => (l as { key: string }).key)
          .sort(),
        'every key once',
      );
      assert.notDeepEqual(
        keys,
        keyed(60).map((l) => (l as { key: string }).key),
        'not in input order',
      );
    });

    test('bare request lines (no key) keep their order among themselves: position is their only join', async () => {
      const lines = [
        bare(0),
        ...keyed(10),
        bare(1),
        ...keyed(10).map((l, i) => ({ ...(l as object), key: `m${i}` })),
        bare(2),
      ];
      const got = await runGemini(env, lines);
      assert.equal(got.length, lines.length);
      const bareTexts = got.filter((l) => l.key === undefined).map((l) => JSON.stringify(l.response));
      assert.equal(bareTexts.length, 3);
      for (const [i, t] of bareTexts.entries()) {
        assert.ok(t.includes(`bare ${i}`), `bare line ${i} in place ${i}: ${t.slice(0, 200)}`);
      }
    });

    test('inline responses with metadata are shuffled (reported out of order); ones without metadata keep their order', async () => {
      const ai = env.genai();
      const src = Array.from({ length: 40 }, (_, i) =>
        i % 10 === 0 ? { contents: `plain ${i / 10}` } : { contents: `q${i}`, metadata: { key: `m${i}` } },
      );
      const job = await ai.batches.create({ model: 'gemini-2.5-flash', src });
      env.runJobs();
      const done = await pollUntil(
        () => ai.batches.get({ name: job.name! }),
        (j) => TERMINAL.includes(j.state ?? ''),
        10000,
        30,
      );
      const responses = done.dest?.inlinedResponses ?? [];
      const keys = responses.filter((r) => r.metadata).map((r) => r.metadata!.key);
      const want = src.filter((r) => r.metadata).map((r) => r.metadata!.key);
      assert.deepEqual([...keys].sort(), [...want].sort());
      assert.notDeepEqual(keys, want);
      const plain = responses
        .filter((r) => !r.metadata)
        .map((r) => /plain (\d)/.exec(r.response?.candidates?.[0]?.content?.parts?.[0]?.text ?? '')?.[1]);
      assert.deepEqual(plain, ['0', '1', '2', '3']);
    });

    test('OpenAI /v1/ batches are shuffled too (the guide lists request-2 first)', async () => {
      const client = env.openai('/v1/');
      const n = 40;
      const lines = Array.from({ length: n }, (_, i) => ({
        custom_id: `r${i}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `q${i}` }] },
      }));
      const batch = await createOpenAiBatch(client, writeJsonl(env.dir, 'oa.jsonl', lines));
      env.runJobs();
      const done = await pollUntil(
        () => client.batches.retrieve(batch.id),
        (b) => b.status === 'completed',
        10000,
        30,
      );
      const text = await (await client.files.content(done.output_file_id!)).text();
      const ids = text
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as Line).custom_id!);
      assert.deepEqual([...ids].sort(), lines.map((l) => l.custom_id).sort());
      assert.notDeepEqual(
        ids,
        lines.map((l) => l.custom_id),
      );
    });
  });

  suite('ordered: true (--ordered)', () => {
    const env = withEmulator({ ordered: true });

    test('results keep input order', async () => {
      const got = await runGemini(env, keyed(60));
      assert.deepEqual(
        got.map((l) => l.key),
        keyed(60).map((l) => (l as { key: string }).key),
      );
    });
  });

  suite('ResultWriter shuffle window', () => {
    test('a job larger than the window: every line exactly once, lines move, keyless ones stay in order', async () => {
      const tmp = tempDir('order');
      try {
        const file = path.join(tmp.dir, 'r.jsonl');
        const w = new ResultWriter(file, seededRandom(7));
        const total = SHUFFLE_WINDOW * 4;
        for (let i = 0; i < total; i++) {
          await w.write(i % 50 === 0 ? `bare${i}` : `k${i}`, i % 50 !== 0);
        }
        await w.close();
        assert.equal(w.lines, total);
        const got = readFileSync(file, 'utf8').trim().split('\n');
        assert.deepEqual(
          [...got].sort(),
          Array.from({ length: total }, (_, i) => (i % 50 === 0 ? `bare${i}` : `k${i}`)).sort(),
        );
        const bares = got.filter((l) => l.startsWith('bare')).map((l) => Number(l.slice(4)));
        assert.deepEqual(
          bares,
          [...bares].sort((a, b) => a - b),
        );
        const moved = got.filter((l, i) => l.startsWith('k') && l !== `k${i}`).length;
        assert.ok(moved > total / 2, `moved ${moved} of ${total}`);
      } finally {
        tmp.cleanup();
      }
    });
  });
});
