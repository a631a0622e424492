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
});
