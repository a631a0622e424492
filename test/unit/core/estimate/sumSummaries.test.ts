import * as assert from 'node:assert/strict';
import type { EstimateSummary } from '../../../../src/core/estimate/estimateTotals';
import { sumSummaries } from '../../../../src/core/estimate/sumSummaries';

const part = (over: Partial<EstimateSummary>): EstimateSummary => ({
  requests: 10,
  inputTokens: 100,
  outputTokensAssumed: 1000,
  unknownMedia: 0,
  approximateTokens: 0,
  approximateRequests: 0,
  unsizedItems: 0,
  model: 'gemini-2.5-flash',
  costBatch: 0.5,
  costStandard: 1,
  unpricedModels: [],
  ...over,
});

suite('sumSummaries: one estimate for a group of parts', () => {
  test('counts and costs add up; the shared model stays', () => {
    const total = sumSummaries([part({}), part({ requests: 5, inputTokens: 7, unknownMedia: 2, costBatch: 0.25 })]);
    assert.equal(total.requests, 15);
    assert.equal(total.inputTokens, 107);
    assert.equal(total.outputTokensAssumed, 2000);
    assert.equal(total.unknownMedia, 2);
    assert.equal(total.costBatch, 0.75);
    assert.equal(total.costStandard, 2);
    assert.equal(total.model, 'gemini-2.5-flash');
  });

  test('one unpriced part leaves the total unpriced; several models are mixed', () => {
    const total = sumSummaries([
      part({}),
      part({ model: 'x', costBatch: undefined, costStandard: undefined, unpricedModels: ['x'] }),
    ]);
    assert.equal(total.costBatch, undefined);
    assert.equal(total.costStandard, undefined);
    assert.deepEqual(total.unpricedModels, ['x']);
    assert.equal(total.model, 'mixed');
    assert.equal(sumSummaries([part({}), part({ model: undefined })]).model, undefined);
  });
});
