import * as assert from 'node:assert/strict';
import { storeJobs } from '../../../../src/core/jobs/jobsFetch';
import { TakeTurns } from '../../../../src/core/util/takeTurns';
import type { BatchJob, JobState } from '../../../../src/core/providers/types';

function job(name: string, state: JobState): BatchJob {
  return {
    name,
    provider: 'emulator',
    state,
    rawState: state,
    progress: { total: 2, succeeded: state === 'succeeded' ? 2 : 0, failed: 0 },
  } as BatchJob;
}

suite('jobs model: storing updates and announcing ends', () => {
  test('a stale list cannot move a finished job back, so its end is announced once', () => {
    const byName = new Map<string, BatchJob>();
    const announced = new Set<string>();
    storeJobs(byName, [job('batches/a', 'running')], true, announced);
    // A tick sees the end.
    assert.deepEqual(
      storeJobs(byName, [job('batches/a', 'succeeded')], false, announced).finishedJobs.map((j) => j.name),
      ['batches/a'],
    );
    // A manual refresh whose list was fetched before that tick arrives late.
    const stale = storeJobs(byName, [job('batches/a', 'running')], true, announced);
    assert.equal(byName.get('batches/a')?.state, 'succeeded', 'the finished state is kept');
    assert.deepEqual(stale.changedJobs, []);
    // The next tick sees it finished again: no second notification.
    assert.deepEqual(storeJobs(byName, [job('batches/a', 'succeeded')], false, announced).finishedJobs, []);
  });

  test('each job name and terminal state is announced at most once, even if the job was dropped and listed again', () => {
    const byName = new Map<string, BatchJob>();
    const announced = new Set<string>();
    storeJobs(byName, [job('batches/a', 'running')], true, announced);
    assert.equal(storeJobs(byName, [job('batches/a', 'cancelled')], false, announced).finishedJobs.length, 1);
    storeJobs(byName, [], true, announced);
    storeJobs(byName, [job('batches/a', 'cancelling')], true, announced);
    assert.equal(storeJobs(byName, [job('batches/a', 'cancelled')], false, announced).finishedJobs.length, 0);
    assert.equal(byName.get('batches/a')?.state, 'cancelled');
  });

  test('listing and polling take turns: a task starts only after the previous one settled, failures included', async () => {
    const turns = new TakeTurns();
    const order: string[] = [];
    let release!: () => void;
    const first = turns.run(async () => {
      order.push('tick start');
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      order.push('tick end');
      throw new Error('429');
    });
    const second = turns.run(async () => {
      order.push('list');
      return 7;
    });
    await Promise.resolve();
    assert.deepEqual(order, ['tick start']);
    release();
    await assert.rejects(first, /429/);
    assert.equal(await second, 7);
    assert.deepEqual(order, ['tick start', 'tick end', 'list']);
  });
});
