import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { enqueuedOverflow, submitOverflow } from '../../../../src/core/estimate/enqueuedCheck';

const TABLE = { 'gemini-2.5-flash': { tier1: 3_000_000 }, 'gemini-2.5-flash-lite': { tier1: 10_000_000 } };

suite('estimate: the enqueued-token limit', () => {
  test('a file over the limit of its model and tier is flagged, with parts sized under it', () => {
    const over = enqueuedOverflow(TABLE, 'tier1', 'gemini-2.5-flash', 12_000, 6_000_000);
    assert.deepEqual(over, {
      model: 'gemini-2.5-flash',
      tier: 'tier1',
      limit: 3_000_000,
      inputTokens: 6_000_000,
      linesPerPart: 5400,
      tokensPerPart: 2_850_000,
    });
  });

  test('within the limit, an unknown model or tier, or mixed models: nothing is claimed', () => {
    assert.equal(enqueuedOverflow(TABLE, 'tier1', 'gemini-2.5-flash', 10, 3_000_000), undefined);
    assert.equal(enqueuedOverflow(TABLE, 'tier2', 'gemini-2.5-flash', 10, 9_000_000), undefined);
    assert.equal(enqueuedOverflow(TABLE, 'tier1', 'no-such-model', 10, 9e9), undefined);
    assert.equal(enqueuedOverflow(TABLE, 'tier1', 'mixed', 10, 9e9), undefined);
    assert.equal(enqueuedOverflow(TABLE, 'tier1', undefined, 10, 9e9), undefined);
  });

  test('the longest known model name wins (flash-lite is not read as flash)', () => {
    assert.equal(enqueuedOverflow(TABLE, 'tier1', 'gemini-2.5-flash-lite', 10, 5_000_000), undefined);
  });

  test('property: parts of linesPerPart requests stay under the limit when requests are of equal size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 5000 }), (requests, perRequest) => {
        const over = enqueuedOverflow(TABLE, 'tier1', 'gemini-2.5-flash', requests, requests * perRequest);
        if (over) {
          assert.ok(over.linesPerPart >= 1);
          assert.ok(over.linesPerPart * perRequest <= over.limit || over.linesPerPart === 1);
        }
      }),
    );
  });

  test('the submit question: the first file of the submit over the limit on its own, by index', () => {
    const small = { requests: 10, inputTokens: 1_000_000 };
    const big = { requests: 12_000, inputTokens: 6_000_000 };
    const found = submitOverflow(TABLE, 'tier1', 'gemini-2.5-flash', [small, big, big]);
    assert.equal(found?.index, 1);
    assert.equal(found?.overflow.limit, 3_000_000);
    assert.equal(found?.overflow.inputTokens, 6_000_000);
    assert.equal(submitOverflow(TABLE, 'tier1', 'gemini-2.5-flash', [big])?.index, 0);
    // Parts each under the limit are not flagged, though their sum is over it: each part is its own job.
    assert.equal(submitOverflow(TABLE, 'tier1', 'gemini-2.5-flash', [small, small, small, small]), undefined);
    assert.equal(submitOverflow(TABLE, 'tier1', 'gpt-4o-mini', [big]), undefined);
  });
});
