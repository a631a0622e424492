import * as assert from 'node:assert/strict';
import type { DataRow } from '../../../../src/core/build';
import { starterColumn } from '../../../../src/features/build/starterColumn';

function rows(...values: Record<string, unknown>[]): DataRow[] {
  return values.map((v, i) => ({ row: i + 1, values: v }));
}

suite("build: the starter template's text column", () => {
  test('a column named like a prompt wins, whatever its place, case or padding', () => {
    const data = rows({ id: 'q1-with-a-long-id-value', Question: 'Why?', topic: 'dogs' });
    assert.equal(starterColumn(['id', 'Question', 'topic'], data), 'Question');
    assert.equal(
      starterColumn(['id', ' input_', 'notes'], rows({ id: 'a', ' input_': 'x', notes: 'longer' })),
      ' input_',
    );
  });

  test('names are tried in order: "text" before "question"', () => {
    assert.equal(starterColumn(['question', 'text'], rows({ question: 'q', text: 't' })), 'text');
  });

  test('no such name: the column with the longest values over the preview rows', () => {
    const data = rows(
      { id: 'r1', body: 'Describe photosynthesis in one paragraph.', n: 12345 },
      { id: 'r2', body: 'Short one.', n: 1 },
    );
    assert.equal(starterColumn(['id', 'body', 'n'], data), 'body');
  });

  test('non-string values count by their JSON; rows with a problem and missing values count nothing', () => {
    const data: DataRow[] = [
      { row: 1, values: { a: 'xy', b: { nested: ['long', 'value'] } } },
      { row: 2, problem: { code: 'unterminated-quote' } },
      { row: 3, values: { a: 'xyz' } },
    ];
    assert.equal(starterColumn(['a', 'b'], data), 'b');
  });

  test('the first column on a tie, with no rows, and undefined with no columns', () => {
    assert.equal(starterColumn(['a', 'b'], rows({ a: 'xx', b: 'yy' })), 'a');
    assert.equal(starterColumn(['a', 'b'], []), 'a');
    assert.equal(starterColumn([], []), undefined);
  });
});
