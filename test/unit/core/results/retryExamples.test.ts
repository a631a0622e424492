import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMergedJoin } from '../../../../src/core/results/mergedJoin';
import { writeRetryFile } from '../../../../src/core/results/retryFile';

const JOBS = join(__dirname, '../../../fixtures/jobs');
const INPUT = join(JOBS, 'openai-input-3.jsonl');
const OUTPUT = join(JOBS, 'openai-batch-output-guide-example.jsonl');
const EXPIRED = join(JOBS, 'openai-batch-error-expired-guide-example.jsonl');

function answer(id: string, text: string): string {
  return JSON.stringify({
    id: 'r',
    custom_id: id,
    response: {
      status_code: 200,
      body: { model: 'm', choices: [{ message: { content: text }, finish_reason: 'stop' }] },
    },
    error: null,
  });
}

suite('retry: an expired OpenAI batch, then its follow-ups', () => {
  let dir: string;
  setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'retry-ex-'));
  });
  teardown(() => rm(dir, { recursive: true, force: true }));

  test('the finished lines are kept; only the expired and missing ones are retried, and merged back', async () => {
    const inputLines = (await readFile(INPUT, 'utf8')).split('\n').filter((l) => l.trim());
    const first = { inputPath: INPUT, resultPaths: [OUTPUT, EXPIRED] };
    const retry1 = join(dir, 'in.retry-1.jsonl');
    const plan1 = await writeRetryFile(INPUT, [first], retry1);
    assert.deepEqual(
      { succeeded: plan1.succeeded, failed: plan1.failed, missing: plan1.missing },
      { succeeded: 2, failed: 1, missing: 1 },
    );
    assert.equal(await readFile(retry1, 'utf8'), `${inputLines[2]}\n${inputLines[3]}\n`);

    // The follow-up answers request-3; request-4 fails again (a 500).
    const out1 = join(dir, 'r1.jsonl');
    await writeFile(
      out1,
      `${JSON.stringify({ custom_id: 'request-4', response: { status_code: 500, body: { error: { message: 'boom', type: 'server_error' } } }, error: null })}\n${answer('request-3', 'Third.')}\n`,
    );
    const second = { inputPath: retry1, resultPaths: [out1] };
    const retry2 = join(dir, 'in.retry-2.jsonl');
    const plan2 = await writeRetryFile(INPUT, [first, second], retry2);
    assert.equal(await readFile(retry2, 'utf8'), `${inputLines[3]}\n`);
    assert.equal(plan2.failed, 1);

    const merged = join(dir, 'in.joined.jsonl');
    const counts = await writeMergedJoin(INPUT, [first, second], merged);
    assert.deepEqual(counts, {
      requests: 4,
      succeeded: 3,
      noAnswer: 0,
      failed: 1,
      missing: 0,
      // request-3 only: request-4 failed again, which no retry answered.
      fromRetries: 1,
      retried: true,
      orphans: 1,
    });
    const rows = (await readFile(merged, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      rows.map((r) => [r.key, r.attempt, r.response ? 'ok' : 'error']),
      [
        ['request-1', 0, 'ok'],
        ['request-2', 0, 'ok'],
        ['request-3', 1, 'ok'],
        ['request-4', 1, 'error'],
        ['request-7', 0, 'error'],
      ],
    );
  });

  test('a response without an answer after the retries is counted as no answer, never as failed', async () => {
    const input = join(dir, 'g.jsonl');
    const lines = ['a', 'b', 'c'].map((k) =>
      JSON.stringify({ key: k, request: { contents: [{ parts: [{ text: k }] }] } }),
    );
    await writeFile(input, `${lines.join('\n')}\n`);
    const answered = (k: string) =>
      JSON.stringify({
        key: k,
        response: { candidates: [{ content: { parts: [{ text: k }] }, finishReason: 'STOP' }] },
      });
    const blocked = (k: string) => JSON.stringify({ key: k, response: { promptFeedback: { blockReason: 'SAFETY' } } });
    // a: answered; b: blocked; c: a quota error. The retry blocks b again and answers c.
    const results = join(dir, 'g.results.jsonl');
    await writeFile(
      results,
      [answered('a'), blocked('b'), JSON.stringify({ key: 'c', error: { code: 8, message: 'quota' } })].join('\n'),
    );
    const retryInput = join(dir, 'g.retry-1.jsonl');
    await writeFile(retryInput, `${lines[1]}\n${lines[2]}\n`);
    const retryResults = join(dir, 'g.retry-1.results.jsonl');
    await writeFile(retryResults, `${blocked('b')}\n${answered('c')}\n`);
    const counts = await writeMergedJoin(
      input,
      [
        { inputPath: input, resultPaths: [results] },
        { inputPath: retryInput, resultPaths: [retryResults] },
      ],
      join(dir, 'g.joined.jsonl'),
    );
    assert.deepEqual(
      {
        succeeded: counts.succeeded,
        noAnswer: counts.noAnswer,
        failed: counts.failed,
        fromRetries: counts.fromRetries,
      },
      // c only: b was blocked again, and a was answered by the first job.
      { succeeded: 2, noAnswer: 1, failed: 0, fromRetries: 1 },
    );
  });

  test('a group of split parts: the later parts answer their own lines, which no retry did', async () => {
    const input = join(dir, 'big.jsonl');
    const lines = ['a', 'b', 'c', 'd'].map((k) =>
      JSON.stringify({ key: k, request: { contents: [{ parts: [{ text: k }] }] } }),
    );
    await writeFile(input, `${lines.join('\n')}\n`);
    const answered = (k: string) =>
      JSON.stringify({
        key: k,
        response: { candidates: [{ content: { parts: [{ text: k }] }, finishReason: 'STOP' }] },
      });
    const failed = (k: string) => JSON.stringify({ key: k, error: { code: 8, message: 'quota' } });
    const part = async (n: number, keys: number[], results: string[]) => {
      const partInput = join(dir, `big.part-0${n}.jsonl`);
      await writeFile(partInput, `${keys.map((i) => lines[i]).join('\n')}\n`);
      const partResults = join(dir, `big.part-0${n}.results.jsonl`);
      await writeFile(partResults, `${results.join('\n')}\n`);
      return { inputPath: partInput, resultPaths: [partResults] };
    };
    const parts = [
      { ...(await part(1, [0, 1], [answered('a'), answered('b')])), role: 'original' as const },
      { ...(await part(2, [2, 3], [answered('c'), failed('d')])), role: 'part' as const },
    ];
    const counts = await writeMergedJoin(input, parts, join(dir, 'big.joined.jsonl'));
    assert.deepEqual(
      { succeeded: counts.succeeded, failed: counts.failed, fromRetries: counts.fromRetries, retried: counts.retried },
      { succeeded: 3, failed: 1, fromRetries: 0, retried: false },
    );

    // Retry Failed Lines on the group then answers d: that one is by a retry.
    const retryInput = join(dir, 'big.retry-1.jsonl');
    await writeFile(retryInput, `${lines[3]}\n`);
    const retryResults = join(dir, 'big.retry-1.results.jsonl');
    await writeFile(retryResults, `${answered('d')}\n`);
    const retry = { inputPath: retryInput, resultPaths: [retryResults], role: 'retry' as const };
    const after = await writeMergedJoin(input, [...parts, retry], join(dir, 'big.joined.jsonl'));
    assert.deepEqual(
      { succeeded: after.succeeded, failed: after.failed, fromRetries: after.fromRetries, retried: after.retried },
      { succeeded: 4, failed: 0, fromRetries: 1, retried: true },
    );
  });

  test('nothing left to retry: no file is written', async () => {
    const out = join(dir, 'all.jsonl');
    await writeFile(out, ['request-1', 'request-2', 'request-3', 'request-4'].map((id) => answer(id, 'x')).join('\n'));
    const plan = await writeRetryFile(INPUT, [{ inputPath: INPUT, resultPaths: [out] }], join(dir, 'none.jsonl'));
    assert.equal(plan.path, undefined);
    assert.equal(plan.indices.length, 0);
    await assert.rejects(readFile(join(dir, 'none.jsonl')), { code: 'ENOENT' });
  });

  test('failures a retry cannot fix are counted apart (still retried: nothing is dropped without the user)', async () => {
    const input = join(dir, 'g.jsonl');
    const lines = ['a', 'b', 'c'].map((k) =>
      JSON.stringify({ key: k, request: { contents: [{ parts: [{ text: k }] }] } }),
    );
    await writeFile(input, `${lines.join('\n')}\n`);
    const results = join(dir, 'g.results.jsonl');
    // a: INVALID_ARGUMENT (gRPC 3, as the real output writes it); b: RESOURCE_EXHAUSTED; c: answered.
    await writeFile(
      results,
      [
        JSON.stringify({ key: 'a', error: { code: 3, message: 'bad request' } }),
        JSON.stringify({ key: 'b', error: { code: 8, message: 'quota' } }),
        JSON.stringify({ key: 'c', response: { candidates: [{ content: { parts: [{ text: 'c' }] } }] } }),
      ].join('\n'),
    );
    const first = { inputPath: input, resultPaths: [results] };
    const plan = await writeRetryFile(input, [first], join(dir, 'g.retry-1.jsonl'));
    assert.deepEqual(
      { failed: plan.failed, needsFix: plan.needsFix, indices: plan.indices },
      { failed: 2, needsFix: 1, indices: [0, 1] },
    );
    // The line was fixed and failed again, this time for a reason a retry can fix: it no longer counts.
    const again = join(dir, 'g.retry-1.results.jsonl');
    await writeFile(again, `${JSON.stringify({ key: 'a', error: { code: 14, message: 'unavailable' } })}\n`);
    const plan2 = await writeRetryFile(
      input,
      [first, { inputPath: join(dir, 'g.retry-1.jsonl'), resultPaths: [again] }],
      join(dir, 'g.retry-2.jsonl'),
    );
    assert.equal(plan2.needsFix, 0);
  });
});
