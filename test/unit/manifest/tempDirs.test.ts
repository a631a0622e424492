import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDirs } from '../helpers/tempDirs';

// Here beside the layout test, since test/unit/helpers mirrors no src/ folder. The two tests run in order: the
// second sees what the first test's teardown left behind.
suite('test helper: tempDirs', () => {
  const tempDir = tempDirs('temp-dirs-test-');
  const seen: string[] = [];

  test('each call makes a new empty folder with the prefix', async () => {
    const a = await tempDir();
    const b = await tempDir();
    await writeFile(join(a, 'f.txt'), 'x');
    assert.notEqual(a, b);
    assert.match(a, /temp-dirs-test-[A-Za-z0-9]{6}$/);
    assert.ok(existsSync(join(a, 'f.txt')) && existsSync(b));
    seen.push(a, b);
  });

  test("the suite's teardown removed every folder the previous test made, contents and all", () => {
    assert.equal(seen.length, 2);
    assert.deepEqual(
      seen.filter((dir) => existsSync(dir)),
      [],
    );
  });
});
