import * as assert from 'node:assert/strict';
import {
  describeJob,
  resultsAvailable,
  EXPIRY_MS,
  formatDuration,
  formatRelative,
  formatTimestamp,
} from '../../../../src/core/jobs/jobView';
import { mergeJobs, type JobRecord } from '../../../../src/core/jobs/jobRecords';
import { isTerminal, type BatchJob } from '../../../../src/core/providers/types';
import { mapGeminiOperation } from '../../../../src/core/providers/geminiOperation';
import { mapOpenAIBatch } from '../../../../src/core/providers/openaiBatch';
import type { Batch } from 'openai/resources/batches';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const job = (over: Partial<BatchJob> = {}): BatchJob => ({
  name: 'batches/a',
  provider: 'gemini',
  displayName: 'nightly',
  model: 'models/gemini-2.5-flash',
  state: 'running',
  rawState: 'BATCH_STATE_RUNNING',
  createTime: new Date(T0).toISOString(),
  progress: { total: 10, succeeded: 6, failed: 1, pending: 3 },
  ...over,
});

suite('describeJob', () => {
  test('running job: description parts, active group, elapsed and expiry', () => {
    const view = describeJob(job(), T0 + 5 * 60_000);
    assert.equal(view.label, 'nightly');
    assert.equal(view.description, 'gemini-2.5-flash · running · 7/10 · 1 failed · 5m');
    assert.equal(view.stateIcon, 'running');
    assert.equal(view.group, 'active');
    assert.equal(view.elapsedMs, 5 * 60_000);
    assert.equal(view.expiresInMs, EXPIRY_MS - 5 * 60_000);
    assert.deepEqual(
      view.tooltipRows.find((r) => r[0] === 'Progress'),
      ['Progress', '7/10 (6 ok, 1 failed)'],
    );
  });

  test('finished job: elapsed stops at endTime, no expiry, finished group, error row', () => {
    const view = describeJob(
      job({
        state: 'failed',
        rawState: 'BATCH_STATE_FAILED',
        endTime: new Date(T0 + 3_600_000).toISOString(),
        error: { code: 3, message: 'bad' },
        progress: {},
      }),
      T0 + 10 * 3_600_000,
    );
    assert.equal(view.group, 'finished');
    assert.equal(view.elapsedMs, 3_600_000);
    assert.equal(view.expiresInMs, undefined);
    assert.equal(view.description, 'gemini-2.5-flash · failed · 1h 00m');
    assert.deepEqual(
      view.tooltipRows.find((r) => r[0] === 'Error'),
      ['Error', 'INVALID_ARGUMENT (3): bad'],
    );
  });

  test('unknown state and missing fields degrade gracefully; label falls back to the name', () => {
    const view = describeJob(
      { name: 'batch_x', provider: 'openai', state: 'unknown', rawState: 'weird', progress: {} },
      T0,
    );
    assert.equal(view.label, 'batch_x');
    assert.equal(view.description, 'weird');
    assert.equal(view.elapsedMs, undefined);
    assert.ok(view.tooltipRows.every(([, v]) => v !== ''));
  });

  test('JOB_STATE_PARTIALLY_SUCCEEDED: mapped, finished, in words, and its partial results are downloadable', () => {
    const op = mapGeminiOperation(
      {
        name: 'batches/p',
        metadata: {
          state: 'JOB_STATE_PARTIALLY_SUCCEEDED',
          batchStats: { requestCount: '10', successfulRequestCount: '7', failedRequestCount: '3' },
          output: { responsesFile: 'files/batch-p' },
        },
      },
      'gemini',
    );
    assert.equal(op.state, 'partially_succeeded');
    assert.ok(isTerminal(op.state));
    const view = describeJob(
      { ...op, createTime: new Date(T0).toISOString(), endTime: new Date(T0 + 60_000).toISOString() },
      T0 + 120_000,
    );
    assert.equal(view.group, 'finished');
    assert.equal(view.description, 'partially succeeded · 10/10 · 3 failed · 1m');
    assert.ok(resultsAvailable(op));
  });

  test('results are available for any finished job that has a results file (cancelled with partial results too), never for a running one', () => {
    assert.ok(resultsAvailable(job({ state: 'cancelled', resultsFile: 'files/batch-a' })));
    assert.ok(resultsAvailable(job({ state: 'expired', resultsFile: 'file-out' })));
    assert.ok(!resultsAvailable(job({ state: 'running', resultsFile: 'files/batch-a' })));
    assert.ok(!resultsAvailable(job({ state: 'succeeded' })));
  });

  test('an OpenAI batch completed with only an error file (every request failed) has results to open', () => {
    // reference/batch-api.md: `completed` with `output_file_id` null and only an `error_file_id` (kaapi-backend#723).
    const batch = {
      id: 'batch_x',
      object: 'batch',
      endpoint: '/v1/chat/completions',
      input_file_id: 'file-in',
      completion_window: '24h',
      status: 'completed',
      created_at: T0 / 1000,
      completed_at: T0 / 1000 + 3,
      output_file_id: null,
      error_file_id: 'file-err',
      request_counts: { total: 2, completed: 0, failed: 2 },
    } as unknown as Batch;
    const done = mapOpenAIBatch(batch, 'openai');
    assert.equal(done.resultsFile, undefined);
    assert.ok(resultsAvailable(done));
    assert.ok(!resultsAvailable({ ...done, state: 'running' }));
  });

  test('a finished job whose requests failed says so: its icon, and the failures first in the description', () => {
    const ended = { state: 'succeeded' as const, endTime: new Date(T0 + 3000).toISOString() };
    const all = describeJob(job({ ...ended, progress: { total: 2, succeeded: 0, failed: 2 } }), T0 + 9000);
    assert.equal(all.outcome, 'allFailed');
    assert.equal(all.stateIcon, 'allFailed');
    const some = describeJob(job({ ...ended, progress: { total: 50, succeeded: 48, failed: 2 } }), T0 + 9000);
    assert.equal(some.outcome, 'someFailed');
    assert.equal(some.stateIcon, 'someFailed');
    const clean = describeJob(job({ ...ended, progress: { total: 2, succeeded: 2, failed: 0 } }), T0 + 9000);
    assert.equal(clean.outcome, undefined);
    assert.equal(clean.stateIcon, 'succeeded');
    // Still running, or a job that failed as a whole: its state says it already.
    assert.equal(describeJob(job(), T0).outcome, undefined);
    assert.equal(describeJob(job({ ...ended, state: 'failed' }), T0).stateIcon, 'failed');
    const big = describeJob(job({ ...ended, progress: { total: 50_000, succeeded: 49_000, failed: 1000 } }), T0 + 9000);
    assert.deepEqual(
      big.tooltipRows.find((r) => r[0] === 'Progress'),
      ['Progress', '50,000/50,000 (49,000 ok, 1,000 failed)'],
    );
  });

  test('overdue unfinished jobs have negative expiresInMs', () => {
    assert.ok((describeJob(job({ state: 'pending' }), T0 + EXPIRY_MS + 1000).expiresInMs ?? 0) < 0);
  });

  test('Expires in row: the time left, `overdue` from the expiry on, none for a finished job', () => {
    const expiresIn = (state: BatchJob['state'], now: number) =>
      new Map(describeJob(job({ state }), now).tooltipRows).get('Expires in');
    assert.equal(expiresIn('running', T0 + EXPIRY_MS - 3_600_000), formatDuration(3_600_000));
    assert.equal(expiresIn('running', T0 + EXPIRY_MS), 'overdue');
    assert.equal(expiresIn('pending', T0 + EXPIRY_MS + 1000), 'overdue');
    assert.equal(expiresIn('succeeded', T0 + 1000), undefined);
  });

  test('Created/Ended rows: local date-time plus the relative part, never the raw ISO string', () => {
    const end = new Date(T0 + 3_600_000).toISOString();
    const now = T0 + 4 * 3_600_000 + 5 * 60_000;
    const rows = new Map(describeJob(job({ state: 'succeeded', endTime: end }), now).tooltipRows);
    const created = rows.get('Created') ?? '';
    const ended = rows.get('Ended') ?? '';
    assert.match(created, /\(4h 05m ago\)$/);
    assert.match(ended, /\(3h 05m ago\)$/);
    assert.match(created, /2026|2025/, 'the date is there (the year, whatever the zone)');
    for (const [value, iso] of [
      [created, new Date(T0).toISOString()],
      [ended, end],
    ]) {
      assert.ok(!value.includes(iso) && !value.includes('T00:00') && !value.endsWith('Z'), value);
    }
    assert.equal(
      created.replace(/ \(.*\)$/, ''),
      new Date(T0).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
    );
  });

  test('formatTimestamp/formatRelative: future (clock skew), now, unparseable and missing values', () => {
    assert.equal(formatRelative(T0 + 4 * 60_000, T0), 'in 4m');
    assert.equal(formatRelative(T0 + 400, T0), 'just now');
    assert.equal(formatRelative(T0 - 50 * 3_600_000, T0), '2d 2h ago');
    assert.equal(formatTimestamp('not a time', T0), 'not a time');
    assert.equal(formatTimestamp(undefined, T0), undefined);
    assert.equal(formatTimestamp('', T0), '');
  });

  test('formatDuration', () => {
    assert.deepEqual([45_000, 12 * 60_000, 3 * 3_600_000 + 5 * 60_000, 50 * 3_600_000].map(formatDuration), [
      '45s',
      '12m',
      '3h 05m',
      '2d 2h',
    ]);
  });
});

suite('mergeJobs', () => {
  const record = (name: string, over: Partial<JobRecord> = {}): JobRecord => ({
    jobName: name,
    provider: 'gemini',
    kind: 'gemini-embed',
    model: 'gemini-embedding-001',
    displayName: `rec ${name}`,
    inputPath: '/w/in.jsonl',
    createdAt: new Date(T0 + 1000).toISOString(),
    ...over,
  });

  test('dedups by name, fetched wins over listed, records fill gaps, remembered-only jobs appear as unknown', () => {
    const listed = [
      job({ name: 'batches/a', displayName: undefined, kind: undefined }),
      job({ name: 'batches/b', createTime: new Date(T0 - 1000).toISOString() }),
    ];
    const fetched = new Map([
      ['batches/a', job({ name: 'batches/a', state: 'succeeded', displayName: undefined, kind: undefined })],
    ]);
    const merged = mergeJobs(
      listed,
      [record('batches/a'), record('batches/c', { createdAt: new Date(T0 + 5000).toISOString() })],
      fetched,
    );
    assert.deepEqual(
      merged.map((j) => j.name),
      ['batches/c', 'batches/a', 'batches/b'],
    );
    const a = merged[1];
    assert.equal(a.state, 'succeeded');
    assert.equal(a.displayName, 'rec batches/a');
    assert.equal(a.kind, 'gemini-embed');
    assert.equal(merged[0].state, 'unknown');
    assert.equal(merged[0].model, 'gemini-embedding-001');
  });

  test("the record's kind wins over a listing's guess (an OpenAI-format job listed as a native one)", () => {
    const listed = [job({ name: 'batches/x', kind: 'gemini-generate' })];
    const merged = mergeJobs(listed, [record('batches/x', { kind: 'openai' })], new Map());
    assert.equal(merged[0].kind, 'openai');
  });
});
