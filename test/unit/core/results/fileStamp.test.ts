import * as assert from 'node:assert/strict';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileStamp, sameFileStamp } from '../../../../src/core/results/fileStamp';
import { tempDirs } from '../../helpers/tempDirs';

// The results view reloads only for a version of its file other than the one it shows (resultsEditorProvider.ts).
suite('fileStamp: which version of a file is on disk', () => {
  const tempDir = tempDirs('file-stamp-');

  test('the same file untouched, or only its mode changed, is the same version', async () => {
    const file = join(await tempDir(), 'a.results.jsonl');
    await writeFile(file, '{"key":"a"}\n');
    const shown = await readFileStamp(file);
    assert.ok(shown);
    assert.ok(sameFileStamp(shown, await readFileStamp(file)));
    await chmod(file, 0o600);
    assert.ok(sameFileStamp(shown, await readFileStamp(file)), 'a chmod is no new content');
  });

  test('a file renamed over it (an atomic write) is another version, even with the same size', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.results.jsonl');
    await writeFile(file, '{"key":"a"}\n');
    const shown = await readFileStamp(file);
    await writeFile(join(dir, 'a.tmp'), '{"key":"b"}\n');
    await rename(join(dir, 'a.tmp'), file);
    assert.equal(sameFileStamp(shown, await readFileStamp(file)), false);
  });

  test('a file rewritten in place with other content is another version', async () => {
    const file = join(await tempDir(), 'a.results.jsonl');
    await writeFile(file, '{"key":"a"}\n');
    const shown = await readFileStamp(file);
    await writeFile(file, '{"key":"a"}\n{"key":"b"}\n');
    assert.equal(sameFileStamp(shown, await readFileStamp(file)), false);
  });

  test('a missing file has no stamp: missing twice is the same, missing then written is not', async () => {
    const file = join(await tempDir(), 'gone.results.jsonl');
    assert.equal(await readFileStamp(file), undefined);
    assert.ok(sameFileStamp(undefined, await readFileStamp(file)));
    await writeFile(file, 'x');
    const written = await readFileStamp(file);
    assert.equal(sameFileStamp(undefined, written), false);
    await rm(file);
    assert.equal(sameFileStamp(written, await readFileStamp(file)), false);
  });
});
