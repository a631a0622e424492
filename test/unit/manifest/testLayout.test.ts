import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');
const UNIT = join(ROOT, 'test/unit');

function testDirs(dir: string): string[] {
  const here = readdirSync(dir).some((f) => f.endsWith('.test.ts')) ? [dir] : [];
  const below = readdirSync(dir)
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isDirectory())
    .flatMap(testDirs);
  return [...here, ...below];
}

/** Unit tests mirror the code they test: test/unit/<path> holds the tests of src/<path> (scripts/ of scripts/). */
suite('repository: unit tests mirror src/ path for path', () => {
  test('every folder of unit tests names a folder of the code', () => {
    const stray = testDirs(UNIT)
      .map((d) => relative(UNIT, d))
      .filter((rel) => rel !== 'manifest')
      .filter(
        (rel) =>
          !existsSync(
            rel.startsWith('scripts')
              ? join(ROOT, rel.replace(/^scripts\/schemas$/, 'scripts'))
              : join(ROOT, 'src', rel),
          ),
      );
    assert.deepEqual(stray, [], 'test folders with no src/ counterpart');
  });
});
