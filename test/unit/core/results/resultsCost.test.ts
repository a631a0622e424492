import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { resultsCost } from '../../../../src/core/results/resultsCost';

const REAL = join(__dirname, '../../../../reference/real-output');

suite('results: what a job cost, for its record', () => {
  test('real result files: answered rows priced at batch price, embeddings without usage counted apart', async () => {
    const gemini = await resultsCost([join(REAL, 'gemini-batch-generate-output.jsonl')]);
    assert.equal(gemini.pricedRows, 2);
    assert.ok(gemini.batchUsd > 0);
    const embed = await resultsCost([join(REAL, 'gemini-batch-embeddings-output.jsonl')]);
    assert.deepEqual(embed, { batchUsd: 0, pricedRows: 0, unpricedRows: 2, upperBound: false });
    const openai = await resultsCost([join(REAL, 'openai-batch-output-guide-example.jsonl')]);
    assert.equal(openai.pricedRows, 2);
  });

  test('an override wins over the table', async () => {
    const file = join(REAL, 'gemini-batch-generate-output.jsonl');
    const none = await resultsCost([file], new Map([['no-such', { input: 1, output: 1 }]]));
    const doubled = await resultsCost([file], new Map([['gemini-2.5-flash', { input: 0.6, output: 5 }]]));
    assert.ok(Math.abs(doubled.batchUsd - 2 * none.batchUsd) < 1e-12, 'the override wins over the table');
  });
});
