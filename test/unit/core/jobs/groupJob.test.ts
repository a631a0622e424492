import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { groupJob } from '../../../../src/core/jobs/groupJob';
import { isTerminal, type BatchJob, type JobState } from '../../../../src/core/providers/types';

const job = (name: string, state: JobState, extra: Partial<BatchJob> = {}): BatchJob => ({
  name,
  provider: 'emulator',
  state,
  rawState: `RAW_${state}`,
  progress: {},
  ...extra,
});

suite('jobs: a group of split parts read as one job on its row', () => {
  test('a first part that ended while another runs: the group is running, its time still open', () => {
    const first = job('b/1', 'succeeded', {
      createTime: '2026-11-28T10:00:00Z',
      endTime: '2026-11-28T10:05:00Z',
      progress: { total: 10, succeeded: 10, failed: 0 },
    });
    const second = job('b/2', 'running', {
      createTime: '2026-11-28T10:00:01Z',
      progress: { total: 10, succeeded: 4, failed: 1 },
    });
    const row = groupJob(first, [second]);
    assert.equal(row.state, 'running');
    assert.equal(row.rawState, 'RAW_running');
    assert.equal(row.endTime, undefined);
    assert.equal(row.createTime, '2026-11-28T10:00:00Z');
    assert.deepEqual(row.progress, { total: 20, succeeded: 14, failed: 1 });
    assert.equal(row.name, 'b/1', 'named for the first part, whose actions the row keeps');
  });

  test('all ended: one shared outcome as is; a failed part among succeeded ones makes it partly succeeded', () => {
    const ended = (name: string, state: JobState, end: string) => job(name, state, { endTime: end });
    const ok = groupJob(ended('a', 'succeeded', '2026-11-28T10:05:00Z'), [
      ended('b', 'succeeded', '2026-11-28T11:00:00Z'),
    ]);
    assert.deepEqual([ok.state, ok.endTime], ['succeeded', '2026-11-28T11:00:00Z']);
    const failure = { code: 3, message: 'bad input' };
    const mixed = groupJob(ended('a', 'succeeded', '2026-11-28T10:05:00Z'), [
      job('b', 'failed', { endTime: '2026-11-28T10:06:00Z', error: failure }),
    ]);
    assert.equal(mixed.state, 'partially_succeeded');
    const lost = groupJob(job('a', 'cancelled'), [job('b', 'failed', { error: failure }), job('c', 'expired')]);
    assert.deepEqual([lost.state, lost.error], ['failed', failure], "the failed part's reason is the group's");
  });

  test('no later parts: the job itself', () => {
    const only = job('a', 'pending');
    assert.equal(groupJob(only, []), only);
  });

  test('any mix of states: running while any part runs, ended only when all have, counts the sums', () => {
    const states: JobState[] = [
      'pending',
      'running',
      'succeeded',
      'partially_succeeded',
      'failed',
      'cancelling',
      'cancelled',
      'expired',
      'unknown',
    ];
    const part = fc.record({
      state: fc.constantFrom(...states),
      total: fc.option(fc.nat(1000), { nil: undefined }),
    });
    fc.assert(
      fc.property(part, fc.array(part, { minLength: 1, maxLength: 5 }), (head, rest) => {
        const jobs = [head, ...rest].map((p, i) =>
          job(`j${i}`, p.state, { progress: p.total === undefined ? {} : { total: p.total } }),
        );
        const row = groupJob(jobs[0], jobs.slice(1));
        assert.equal(
          isTerminal(row.state),
          jobs.every((j) => isTerminal(j.state)),
        );
        const totals = jobs.map((j) => j.progress.total).filter((t): t is number => t !== undefined);
        assert.equal(row.progress.total, totals.length ? totals.reduce((a, b) => a + b, 0) : undefined);
      }),
    );
  });
});
