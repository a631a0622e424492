import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ROW_LABEL_MAX,
  expiryText,
  failureText,
  progressText,
  rowDescription,
  rowLabel,
} from '../../../../src/core/jobs/jobRow';
import { describeJob } from '../../../../src/core/jobs/jobView';
import type { BatchJob } from '../../../../src/core/providers/types';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const running: BatchJob = {
  name: 'batches/a',
  provider: 'gemini',
  displayName: 'nightly',
  model: 'models/gemini-2.5-flash',
  state: 'running',
  rawState: '',
  createTime: new Date(T0).toISOString(),
  progress: { total: 40, succeeded: 10, failed: 2 },
};

suite('job tree rows: the state stays in sight', () => {
  test('the deadline reads as one ("expires in"), never as an estimate ("left")', () => {
    const view = describeJob(running, T0 + 4 * 60_000);
    const text = rowDescription('Running', view, running.model);
    assert.equal(text, 'Running · 12/40 · 2 failed · 4m · expires in 47h 56m · gemini-2.5-flash');
    assert.doesNotMatch(text, /left/);
    assert.equal(expiryText(-1), 'overdue');
  });

  test('a finished job says how long it took and has no deadline', () => {
    const done = {
      ...running,
      state: 'succeeded' as const,
      endTime: new Date(T0 + 62 * 60_000).toISOString(),
      progress: { total: 40, succeeded: 40, failed: 0 },
    };
    assert.equal(
      rowDescription('Succeeded', describeJob(done, T0 + 1e9), done.model),
      'Succeeded · 40/40 · took 1h 02m · gemini-2.5-flash',
    );
  });

  test('a finished job whose requests failed puts the failures first, where a narrow side bar still shows them', () => {
    const ended = { ...running, state: 'succeeded' as const, endTime: new Date(T0 + 3000).toISOString() };
    const all = describeJob({ ...ended, progress: { total: 2, succeeded: 0, failed: 2 } }, T0 + 1e9);
    assert.equal(failureText(all), '2/2 failed');
    assert.equal(rowDescription('Completed', all, 'gpt-4o-mini'), '2/2 failed · Completed · took 3s · gpt-4o-mini');
    const some = describeJob({ ...ended, progress: { total: 50_000, succeeded: 49_000, failed: 1000 } }, T0 + 1e9);
    assert.equal(rowDescription('Completed', some, undefined), '1,000/50,000 failed · Completed · took 3s');
    assert.equal(failureText(describeJob(running, T0)), undefined, 'a running job is not judged yet');
  });

  test('progress: thousands separated, never parentheses inside parentheses', () => {
    const big = describeJob({ ...running, progress: { total: 50_000, succeeded: 50_000, failed: 0 } }, T0);
    assert.equal(progressText(big), '50,000/50,000');
    const failing = describeJob({ ...running, progress: { total: 2, succeeded: 0, failed: 2 } }, T0);
    assert.equal(progressText(failing), '2/2 · 2 failed');
    assert.doesNotMatch(progressText(failing) ?? '', /[()]/);
  });

  test('a long name is shortened around an ellipsis, keeping both ends; a short one is left alone', () => {
    assert.equal(rowLabel('nightly'), 'nightly');
    const long = 'nightly-evaluation-of-the-support-bot-2026-03-01-run-07';
    const shown = rowLabel(long);
    assert.equal(Array.from(shown).length, ROW_LABEL_MAX);
    assert.ok(shown.startsWith('nightly-eval'));
    assert.ok(shown.endsWith('run-07'));
    assert.match(shown, /…/);
  });

  test('any name: at most the maximum, whole characters (no split surrogate pairs), unchanged when it fits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 4, max: 60 }), (name, max) => {
        const shown = rowLabel(name, max);
        const chars = Array.from(shown);
        assert.ok(chars.length <= max);
        if (Array.from(name).length <= max) {
          assert.equal(shown, name);
        } else {
          assert.equal(chars.length, max);
        }
        assert.doesNotMatch(shown, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      }),
    );
  });
});
