import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usageCost } from '../../../../src/core/pricing/usageCost';
import { ResultsTable } from '../../../../src/core/results/resultsTable';
import { toResultRow } from '../../../../src/core/results/resultRow';

const REAL = join(__dirname, '../../../../reference/real-output');
const lines = (file: string) =>
  readFileSync(join(REAL, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

suite('results: the header cost', () => {
  test('real Gemini 2.5 Flash lines are priced at batch price with thoughts billed as output', () => {
    const table = new ResultsTable();
    for (const line of lines('gemini-batch-generate-output.jsonl')) {
      table.add(0, 1, toResultRow(line));
    }
    const expected = lines('gemini-batch-generate-output.jsonl').reduce((sum, line) => {
      const t = toResultRow(line).tokens;
      return (
        sum +
        usageCost(
          'gemini-2.5-flash',
          { inputTokens: t.prompt ?? 0, outputTokens: (t.output ?? 0) + (t.thoughts ?? 0), cachedTokens: 0 },
          'batch',
        )!
      );
    }, 0);
    const { cost } = table.summary();
    assert.ok(expected > 0, 'the price table knows gemini-2.5-flash');
    assert.equal(cost.pricedRows, 2);
    assert.equal(cost.unpricedRows, 0);
    assert.ok(Math.abs(cost.batchUsd - expected) < 1e-12);
    // 829 thought tokens dominate the first line: leaving them out would undercount by far.
    assert.ok(
      cost.batchUsd >
        usageCost('gemini-2.5-flash', { inputTokens: 16, outputTokens: 11, cachedTokens: 0 }, 'batch')! * 10,
    );
  });

  test('a model without a known price and failed rows are never priced', () => {
    const table = new ResultsTable();
    table.add(
      0,
      1,
      toResultRow({
        custom_id: 'a',
        response: {
          status_code: 200,
          body: {
            model: 'no-such-model',
            choices: [{ message: { content: 'x' } }],
            usage: { prompt_tokens: 5, completion_tokens: 2 },
          },
        },
      }),
    );
    table.add(0, 1, toResultRow({ key: 'b', error: { code: 8, message: 'quota' } }));
    assert.deepEqual(table.summary().cost, { batchUsd: 0, pricedRows: 0, unpricedRows: 1, upperBound: false });
  });

  test('cached tokens without a known batch cached price make the header a ceiling ("at most"), never a guess', () => {
    const openai = (cached: number) =>
      toResultRow({
        custom_id: `c${cached}`,
        response: {
          status_code: 200,
          body: {
            model: 'gpt-4o-mini',
            choices: [{ message: { content: 'x' }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 2000, completion_tokens: 10, prompt_tokens_details: { cached_tokens: cached } },
          },
        },
      });
    const plain = new ResultsTable();
    plain.add(0, 1, openai(0));
    assert.equal(plain.summary().cost.upperBound, false);
    const cached = new ResultsTable();
    cached.add(0, 1, openai(1024));
    const { cost } = cached.summary();
    assert.equal(cost.pricedRows, 1);
    assert.equal(cost.upperBound, true, 'OpenAI publishes no batch cached price: cached tokens priced as input');
    assert.ok(Math.abs(cost.batchUsd - plain.summary().cost.batchUsd) < 1e-12, 'priced as input, not dropped');
  });

  test('OpenAI reasoning tokens are part of completion_tokens: output excludes them, thoughts hold them', () => {
    const row = toResultRow({
      custom_id: 'r',
      response: {
        status_code: 200,
        body: {
          model: 'o3',
          choices: [{ message: { content: 'x' } }],
          usage: {
            prompt_tokens: 10,
            completion_tokens: 50,
            total_tokens: 60,
            completion_tokens_details: { reasoning_tokens: 40 },
          },
        },
      },
    });
    assert.deepEqual([row.tokens.output, row.tokens.thoughts, row.tokens.total], [10, 40, 60]);
  });
});
