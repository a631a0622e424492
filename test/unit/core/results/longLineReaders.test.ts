import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { joinResults } from '../../../../src/core/jobs/joinResults';
import { summarizeResults } from '../../../../src/core/jobs/summarizeResults';
import { InputIndex } from '../../../../src/core/results/inputIndex';
import { ResultIndex } from '../../../../src/core/results/resultIndex';
import { readRows } from '../../../../src/core/results/rowPager';
import { scanResults } from '../../../../src/core/results/scanResults';
import { findKey, searchRows } from '../../../../src/core/results/searchRows';
import { inputLine, LONG_BYTES, resultLine, writeWithLongLine } from './longLineFiles';

/**
 * Every reader of results and inputs on a real line over the 64 MiB bound (lineReader.ts): each used to gather it
 * whole and decode it (a 600 MB one: "Cannot create a string longer than 0x1fffffe8 characters"). The line is an
 * unparseable one now, with its true offset and length, and the lines around it read as before.
 */
suite('results readers: a line too long to read', function () {
  this.timeout(120_000);
  let dir: string;
  let longResults: string;
  let longInput: string;
  let input: string;
  let results: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-readers-longline-'));
    longResults = writeWithLongLine(dir, 'long-results.jsonl', [resultLine('x'), null, '', resultLine('y')]).file;
    longInput = writeWithLongLine(dir, 'long-input.jsonl', [inputLine('x'), null, inputLine('y')]).file;
    input = writeWithLongLine(dir, 'input.jsonl', ['x', 'a', 'y'].map(inputLine)).file;
    results = writeWithLongLine(dir, 'results.jsonl', ['x', 'a', 'y'].map(resultLine)).file;
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('summarizeResults: one unparseable line, the others counted', async () => {
    assert.deepEqual(await summarizeResults({ results: longResults }), {
      total: 3,
      succeeded: 2,
      noAnswer: 0,
      byNoAnswerReason: {},
      failed: 1,
      byErrorCode: { unparseable_line: 1 },
    });
  });

  test('joinResults: a long result line is unparseable; a long input line is joined by its key, with a note', async () => {
    const out = path.join(dir, 'joined.jsonl');
    assert.deepEqual(await joinResults(input, longResults, undefined, out), {
      matched: 2,
      missingResults: 1,
      orphanResults: 0,
      unparseableResults: 1,
    });
    // Its key is read from the line's head (longLineKey.ts): the result for `a` is its own.
    assert.deepEqual(await joinResults(longInput, results, undefined, out), {
      matched: 3,
      missingResults: 0,
      orphanResults: 0,
      unparseableResults: 0,
    });
    const lines = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number | null; key: string | null; request: unknown });
    assert.deepEqual(
      lines.map((l) => [l.line, l.key]),
      [
        [1, 'x'],
        [2, 'a'],
        [3, 'y'],
      ],
    );
    assert.match(String(lines[1].request), new RegExp(`^\\(a line of ${LONG_BYTES} bytes`));
  });

  test('scanResults, readRows, searchRows, findKey: the long line a failed row with its true length', async () => {
    const table = await scanResults(longResults);
    assert.equal(table.rowCount, 3);
    assert.equal(table.lengths.get(1), LONG_BYTES);
    assert.deepEqual(
      [0, 1, 2].map((i) => table.ok(i)),
      [true, false, true],
    );
    const rows = await readRows(longResults, table, [0, 1, 2]);
    assert.deepEqual(
      rows.map((r) => [r.index, r.row.key, r.row.error?.code]),
      [
        [0, 'x', undefined],
        [1, undefined, 'unparseable_line'],
        [2, 'y', undefined],
      ],
    );
    // "abcdefgh" fills the long line, a row that is not read (unparseable): it matches nothing.
    assert.deepEqual([...(await searchRows(longResults, table, 'abcdefgh'))], [0, 0, 0]);
    assert.deepEqual([...(await searchRows(longResults, table, 'ok'))], [1, 0, 1]);
    assert.equal(await findKey(longResults, table, 'y'), 2);
  });

  test('ResultIndex and InputIndex: the lines around the long one are found and read; a long input line by its key', async () => {
    const index = await ResultIndex.build([longResults]);
    assert.equal(index.size, 2);
    const ref = index.find({ key: 'y', lineNo: 4 });
    assert.ok(ref);
    assert.equal((await index.row(ref)).key, 'y');
    const inputs = await InputIndex.build(longInput);
    assert.equal(inputs.size, 3);
    assert.deepEqual(await inputs.find('y', 0), { line: 3, prompt: 'hi y' });
    // The long line is found by the key read from its head; its prompt is not read.
    assert.deepEqual(await inputs.find('a', 0), { line: 2 });
    assert.equal(await inputs.find('b', 0), undefined);
  });
});
