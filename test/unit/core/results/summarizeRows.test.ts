import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeRows } from '../../../../src/core/results/exportResults';
import { toResultRow, type ResultRow } from '../../../../src/core/results/resultRow';
import { summarizeRows } from '../../../../src/core/results/rowSummary';

const REAL = join(__dirname, '../../../../reference/real-output');
const JOBS = join(__dirname, '../../../fixtures/jobs');
const rowsOf = (file: string): ResultRow[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => toResultRow(JSON.parse(l) as Record<string, unknown>));

async function* stream(rows: readonly ResultRow[]): AsyncGenerator<ResultRow> {
  yield* rows;
}

suite('results: summarizeRows, the summary without an export', () => {
  test('the same summary as an export of the same rows, each row handed on once, in order', async () => {
    const rows = [
      ...rowsOf(join(REAL, 'gemini-batch-generate-output.jsonl')),
      ...rowsOf(join(JOBS, 'gemini-error-lines.jsonl')),
    ];
    const seen: ResultRow[] = [];
    const summary = await summarizeRows(stream(rows), (row) => seen.push(row));
    const exported = await writeRows(stream(rows), { format: 'jsonl' }, () => undefined);
    assert.deepEqual(summary, exported);
    assert.deepEqual(seen, rows);
    assert.ok(summary.failed > 0 && summary.succeeded > 0 && summary.cost.pricedRows > 0);
  });
});
