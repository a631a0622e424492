import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import {
  buildFile,
  closestColumn,
  dataColumns,
  DataFileError,
  FOLDER_COLUMNS,
  unknownColumns,
} from '../../../../src/core/build';
import { tempDirs } from '../../helpers/tempDirs';

suite('columnCheck: placeholders and key columns that name no column', () => {
  const tempDir = tempDirs('column-check-');

  test('closestColumn: other case, a swap of neighbours, a typo or two; nothing when too far', () => {
    const columns = ['id', 'question', 'Lang', 'answer_text'];
    assert.equal(closestColumn('questoin', columns), 'question');
    assert.equal(closestColumn('lang', columns), 'Lang');
    assert.equal(closestColumn('ID', columns), 'id');
    assert.equal(closestColumn('lnag', columns), 'Lang');
    assert.equal(closestColumn('answr_txt', columns), 'answer_text');
    assert.equal(closestColumn('idd', columns), 'id');
    assert.equal(closestColumn('x', columns), undefined);
    assert.equal(closestColumn('prompt', columns), undefined);
    // Short names allow one typo only: `lan` is Lang, `la` is nothing.
    assert.equal(closestColumn('la', columns), undefined);
  });

  test('unknownColumns: placeholders in template order, then the key; none for row numbers', () => {
    const columns = ['id', 'question'];
    assert.deepEqual(unknownColumns(['question'], { column: 'id' }, columns), []);
    assert.deepEqual(unknownColumns(['questoin', 'zzz'], { column: 'idd' }, columns), [
      { column: 'questoin', role: 'placeholder', suggestion: 'question' },
      { column: 'zzz', role: 'placeholder' },
      { column: 'idd', role: 'key', suggestion: 'id' },
    ]);
    assert.deepEqual(unknownColumns(['question'], 'row-number', columns), []);
  });

  test('dataColumns: a CSV/TSV header (BOM, quotes, blanks trimmed), a folder’s columns, none for JSON(L)', async () => {
    const dir = await tempDir();
    const csv = path.join(dir, 'd.csv');
    await fsp.writeFile(csv, `\uFEFF id ,"q, with comma"\n1,2\n${'3,4\n'.repeat(100_000)}`);
    assert.deepEqual(await dataColumns(csv, 'csv'), ['id', 'q, with comma']);
    const tsv = path.join(dir, 'd.tsv');
    await fsp.writeFile(tsv, 'a\tb');
    assert.deepEqual(await dataColumns(tsv, 'tsv'), ['a', 'b']);
    const empty = path.join(dir, 'e.csv');
    await fsp.writeFile(empty, '');
    assert.deepEqual(await dataColumns(empty, 'csv'), []);
    assert.deepEqual(await dataColumns(dir, 'folder'), FOLDER_COLUMNS);
    assert.equal(await dataColumns(csv, 'jsonl'), undefined);
    await assert.rejects(dataColumns(path.join(dir, 'none.csv'), 'csv'), (e) => e instanceof DataFileError);
  });

  test('buildFile: a column no JSONL row has is reported once with the names the rows had; one some rows have is not', async () => {
    const dir = await tempDir();
    const data = path.join(dir, 'd.jsonl');
    const out = path.join(dir, 'out.jsonl');
    await fsp.writeFile(data, '{"id":1,"question":"a"}\n{"id":2,"question":"b","extra":true}\n');
    const template = '{"request":{"contents":[{"parts":[{"text":"{{questoin}}"}]}]}}';
    const result = await buildFile({ template, data, format: 'jsonl', keys: { column: 'idd' }, kind: 'auto' }, out);
    assert.equal(result.empty, true);
    assert.deepEqual(result.absentColumns, [
      { column: 'questoin', role: 'placeholder', suggestion: 'question' },
      { column: 'idd', role: 'key', suggestion: 'id' },
    ]);
    assert.deepEqual(result.seenColumns, ['id', 'question', 'extra']);
    const some = await buildFile(
      {
        template: '{"request":{"contents":[{"parts":[{"text":"{{extra}}"}]}]}}',
        data,
        format: 'jsonl',
        keys: 'row-number',
        kind: 'auto',
      },
      out,
    );
    assert.deepEqual(some.absentColumns, []);
    assert.equal(some.rejectedCount, 1);
    // Rows of many keys: the names kept for the message are capped, the columns looked for are not.
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`c${i}`, `v${i}`]));
    await fsp.writeFile(data, `${JSON.stringify(wide)}\n`);
    const last = await buildFile(
      {
        template: '{"request":{"contents":[{"parts":[{"text":"{{c299}}"}]}]}}',
        data,
        format: 'jsonl',
        keys: 'row-number',
        kind: 'auto',
      },
      out,
    );
    assert.deepEqual([last.absentColumns, last.written], [[], 1]);
  });
});
