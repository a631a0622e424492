import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { splitFile, staleParts, stampParts } from '../../../../src/core/split';
import { tempDirs } from '../../helpers/tempDirs';

const lines = (n: number): string => Array.from({ length: n }, (_, i) => `{"key":"k${i}"}\n`).join('');

suite('partStamps: a group is checked against what its split wrote', () => {
  const tempDir = tempDirs('part-stamps-');

  test('parts as the split wrote them are not stale', async () => {
    const file = path.join(await tempDir(), 'data.jsonl');
    await fsp.writeFile(file, lines(8));
    const split = await splitFile(file, { maxBytes: 10_000, maxLines: 2 });
    assert.deepEqual(await staleParts(await stampParts(split.parts)), []);
  });

  test('split into 4, split again into 2: parts 1–2 changed, parts 3–4 gone', async () => {
    const file = path.join(await tempDir(), 'data.jsonl');
    await fsp.writeFile(file, lines(8));
    const first = await splitFile(file, { maxBytes: 10_000, maxLines: 2 });
    assert.equal(first.parts.length, 4);
    const stamps = await stampParts(first.parts);
    await splitFile(file, { maxBytes: 10_000, maxLines: 4 });
    assert.deepEqual(
      (await staleParts(stamps)).map((s) => [path.basename(s.path), s.code, s.errno]),
      [
        ['data.part-01.jsonl', 'changed', undefined],
        ['data.part-02.jsonl', 'changed', undefined],
        ['data.part-03.jsonl', 'gone', 'ENOENT'],
        ['data.part-04.jsonl', 'gone', 'ENOENT'],
      ],
    );
  });

  test('a part rewritten with the same size is changed (its modification time moved)', async () => {
    const dir = await tempDir();
    const part = path.join(dir, 'data.part-01.jsonl');
    await fsp.writeFile(part, '{"key":"a"}\n');
    const [stamp] = await stampParts([part]);
    await fsp.writeFile(part, '{"key":"b"}\n');
    await fsp.utimes(part, new Date(stamp.mtimeMs + 5000), new Date(stamp.mtimeMs + 5000));
    assert.deepEqual(await staleParts([stamp]), [{ path: part, code: 'changed' }]);
  });

  test('paths without a stamp are checked for being there and being a readable file', async () => {
    const dir = await tempDir();
    const here = path.join(dir, 'data.part-01.jsonl');
    await fsp.writeFile(here, '{"key":"a"}\n');
    const gone = path.join(dir, 'data.part-02.jsonl');
    assert.deepEqual(await staleParts([{ path: here }, { path: gone }, { path: dir }]), [
      { path: gone, code: 'gone', errno: 'ENOENT' },
      { path: dir, code: 'unreadable', errno: 'EISDIR' },
    ]);
  });
});
