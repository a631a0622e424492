import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, SCHEMA_NAMES } from './schemaKit';

suite('schemas: checked-in files are what the build script generates', () => {
  test('npm run schemas reproduces schemas/*.schema.json', function () {
    this.timeout(60_000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-'));
    try {
      const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', 'scripts/build-schemas.ts', '--out', out], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(run.status, 0, run.stderr || run.stdout);
      for (const name of SCHEMA_NAMES) {
        const file = `${name}.schema.json`;
        const fresh = fs.readFileSync(path.join(out, file), 'utf8');
        const checkedIn = fs.readFileSync(path.join(REPO_ROOT, 'schemas', file), 'utf8');
        assert.ok(fresh === checkedIn, `${file} is stale: run npm run schemas`);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test('a bad option fails the build with a usage message and writes nothing', function () {
    this.timeout(60_000);
    const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', 'scripts/build-schemas.ts', '--bogus', 'x'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /usage: tsx scripts\/build-schemas\.ts/);
  });
});
