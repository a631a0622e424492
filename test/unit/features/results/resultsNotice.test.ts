import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { MergedCounts } from '../../../../src/core/results/mergedJoin';
import type * as Notice from '../../../../src/features/results/resultsNotice';
import { englishL10n, requireWithFakeVscode } from '../../helpers/fakeVscode';

const counts = (over: Partial<MergedCounts>): MergedCounts => ({
  requests: 40,
  succeeded: 40,
  noAnswer: 0,
  failed: 0,
  missing: 0,
  fromRetries: 6,
  retried: true,
  orphans: 0,
  ...over,
});

suite('results notice after retries: what the merge came to', () => {
  const notice = requireWithFakeVscode<typeof Notice>(
    { l10n: englishL10n },
    path.join(__dirname, '../../../../src/features/results/resultsNotice.ts'),
  );

  /** Each tally and the sentence it gives. */
  const says = (cases: [Partial<MergedCounts>, string][]) =>
    assert.deepEqual(
      cases.map(([over]) => notice().mergedText(counts(over))),
      cases.map(([, text]) => text),
    );

  test('all answered, or some failed or missing', () => {
    says([
      [{}, '40 requests, retries included: all succeeded (6 by a retry).'],
      [
        { succeeded: 37, failed: 2, missing: 1 },
        '40 requests, retries included: 37 succeeded (6 by a retry), 3 failed or have no result.',
      ],
    ]);
  });

  test('responses without an answer are named apart, never as failed', () => {
    says([
      [
        { succeeded: 38, noAnswer: 2 },
        '40 requests, retries included: 38 succeeded (6 by a retry), 2 without an answer.',
      ],
      [
        { succeeded: 36, noAnswer: 2, failed: 1, missing: 1 },
        '40 requests, retries included: 36 succeeded (6 by a retry), 2 without an answer, 2 failed or have no result.',
      ],
    ]);
  });

  test('a group of split parts no retry took part in: its totals, no retry words', () => {
    const parts = { fromRetries: 0, retried: false };
    says([
      [{ ...parts, requests: 5000, succeeded: 5000 }, '5,000 requests in all parts: all succeeded.'],
      [
        { ...parts, requests: 60000, succeeded: 0, failed: 60000 },
        '60,000 requests in all parts: 0 succeeded, 60,000 failed or have no result.',
      ],
      [{ ...parts, succeeded: 38, noAnswer: 2 }, '40 requests in all parts: 38 succeeded, 2 without an answer.'],
      [
        { ...parts, succeeded: 36, noAnswer: 2, failed: 1, missing: 1 },
        '40 requests in all parts: 36 succeeded, 2 without an answer, 2 failed or have no result.',
      ],
    ]);
  });
});
