import * as assert from 'node:assert/strict';
import { groupLabel, groupName, rowDescription } from '../../../../src/core/jobs/jobRow';
import { attemptRole } from '../../../../src/core/jobs/jobRecords';
import { withMerge, type MergedTally } from '../../../../src/core/jobs/mergedView';
import { describeJob } from '../../../../src/core/jobs/jobView';
import type { BatchJob } from '../../../../src/core/providers/types';

const T0 = Date.parse('2026-01-01T00:00:00Z');
/** The original job as the service keeps it: 4 of its 30 requests failed. */
const original: BatchJob = {
  name: 'batches/a',
  provider: 'gemini',
  displayName: 'nightly',
  model: 'models/gemini-2.5-flash',
  state: 'succeeded',
  rawState: '',
  createTime: new Date(T0).toISOString(),
  endTime: new Date(T0 + 3000).toISOString(),
  progress: { total: 30, succeeded: 26, failed: 4 },
};

/** The original job's row once the merge of its attempts came to `tally`. */
const afterRetries = (tally: MergedTally, job: BatchJob = original) => withMerge(describeJob(job, T0 + 5000), tally);

suite('job tree rows: an original job after its retries', () => {
  test('a retry that answered every failed line: the row says so, with no warning', () => {
    const before = describeJob(original, T0 + 5000);
    assert.equal(before.stateIcon, 'someFailed', 'the service counts alone still warn');
    const view = withMerge(before, { requests: 30, succeeded: 30, failed: 0, fromRetries: 4 });
    assert.equal(view.outcome, undefined);
    assert.equal(view.stateIcon, 'succeeded');
    assert.equal(
      rowDescription('Succeeded', view, original.model),
      '30/30 succeeded (4 by a retry) · took 3s · gemini-2.5-flash',
      'the merge already says the requests succeeded: no "Succeeded" after it',
    );
    assert.deepEqual(view.tooltipRows.at(-1), ['After retries', '30/30 succeeded (4 by a retry)']);
  });

  test('lines still failed after the retries keep the warning, with the merged counts', () => {
    const view = afterRetries({ requests: 30, succeeded: 28, failed: 2, fromRetries: 2 });
    assert.equal(view.stateIcon, 'someFailed');
    assert.equal(
      rowDescription('Completed', view, original.model),
      '2/30 failed after retries · Completed · took 3s · gemini-2.5-flash',
    );
    const none = afterRetries({ requests: 30, succeeded: 0, failed: 30, fromRetries: 0 });
    assert.equal(none.stateIcon, 'allFailed');
  });

  test('a state the merge does not say is kept beside it (partially succeeded, expired)', () => {
    const tally = { requests: 30, succeeded: 30, failed: 0, fromRetries: 4 };
    for (const [state, words] of [
      ['partially_succeeded', 'Partially succeeded'],
      ['expired', 'Expired'],
    ] as const) {
      const view = afterRetries(tally, { ...original, state });
      assert.equal(
        rowDescription(words, view, original.model),
        `30/30 succeeded (4 by a retry) · ${words} · took 3s · gemini-2.5-flash`,
      );
    }
  });

  test('responses without an answer after the retries are named apart, not as failed, and warn of nothing', () => {
    const view = afterRetries({ requests: 30, succeeded: 28, noAnswer: 2, failed: 0, fromRetries: 4 });
    assert.equal(view.stateIcon, 'succeeded');
    assert.equal(view.done, 30);
    assert.equal(
      rowDescription('Succeeded', view, original.model),
      '28/30 succeeded (4 by a retry), 2 without an answer · took 3s · gemini-2.5-flash',
    );
    const both = afterRetries({ requests: 30, succeeded: 27, noAnswer: 2, failed: 1, fromRetries: 4 });
    assert.equal(both.stateIcon, 'someFailed');
    assert.deepEqual(both.tooltipRows.at(-1), ['After retries', '1/30 failed after retries, 2 without an answer']);
  });

  test('no merge, or a job still running, keeps the service counts', () => {
    const view = describeJob(original, T0 + 5000);
    assert.equal(withMerge(view, undefined), view);
    const running = describeJob({ ...original, state: 'running', endTime: undefined }, T0 + 5000);
    assert.equal(withMerge(running, { requests: 30, succeeded: 30, failed: 0, fromRetries: 4 }), running);
  });
});

suite('job tree rows: a group of split parts', () => {
  test('a group no retry took part in says its totals, with no retry words', () => {
    const view = afterRetries({ requests: 5000, succeeded: 5000, failed: 0, fromRetries: 0, retried: false });
    assert.equal(view.stateIcon, 'succeeded');
    assert.equal(
      rowDescription('Succeeded', view, original.model),
      '5,000/5,000 succeeded · took 3s · gemini-2.5-flash',
    );
    assert.deepEqual(view.tooltipRows.at(-1), ['All parts', '5,000/5,000 succeeded']);
    const failed = afterRetries({ requests: 60000, succeeded: 0, failed: 60000, fromRetries: 0, retried: false });
    assert.equal(
      rowDescription('Completed', failed, original.model),
      '60,000/60,000 failed · Completed · took 3s · gemini-2.5-flash',
    );
    const noAnswer = afterRetries({
      requests: 30,
      succeeded: 28,
      noAnswer: 2,
      failed: 0,
      fromRetries: 0,
      retried: false,
    });
    assert.deepEqual(noAnswer.tooltipRows.at(-1), ['All parts', '28/30 succeeded, 2 without an answer']);
  });

  test('a group retried, and a tally written before parts were told apart, keep the retry words', () => {
    const retried = afterRetries({ requests: 30, succeeded: 30, failed: 0, fromRetries: 4, retried: true });
    assert.deepEqual(retried.tooltipRows.at(-1), ['After retries', '30/30 succeeded (4 by a retry)']);
    const old = afterRetries({ requests: 30, succeeded: 28, failed: 2, fromRetries: 2 });
    assert.deepEqual(old.tooltipRows.at(-1), ['After retries', '2/30 failed after retries']);
  });
});

suite('a group of split parts: its name and what each job is to it', () => {
  test('the group row is named for the group, with its number of parts', () => {
    assert.equal(groupLabel('big-openai · part 1/2', 2), 'big-openai (2 parts)');
    assert.equal(groupLabel('eval · part 1/12', 12), 'eval (12 parts)');
    assert.equal(groupName('big · part 1/2'), 'big');
    assert.equal(groupName('only a part 1/2 in the name'), 'only a part 1/2 in the name', 'not a part suffix');
  });

  test('a later part (attempt 0) is a part, a follow-up a retry, a job of its own the original', () => {
    assert.deepEqual(
      [
        {},
        { retryOf: 'a', attempt: 0 },
        { retryOf: 'a', attempt: 1 },
        { retryOf: 'a', attempt: 3 },
        { retryOf: 'a' },
      ].map(attemptRole),
      ['original', 'part', 'retry', 'retry', 'retry'],
    );
  });
});
