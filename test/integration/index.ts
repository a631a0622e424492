import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Every bundled `*.test.js` under this folder (esbuild writes one per `test/integration/**\/*.test.ts`). */
function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...testFiles(full));
    } else if (entry.name.endsWith('.test.js')) {
      found.push(full);
    }
  }
  return found.sort();
}

/**
 * The `extensionTestsPath` contract shared by `@vscode/test-electron` and `scripts/run-vscode-tests.js`:
 * the extension host requires this file and awaits `run()`. The closing `N passed, N failed` line is what
 * `scripts/test.js` (and CI) reads, so it is printed even when mocha itself fails to load a file.
 */
export function run(): Promise<void> {
  const timeout = Number(process.env.MOCHA_TIMEOUT_MS ?? 20000);
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout, reporter: 'spec' });
  const grep = process.env.MOCHA_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of testFiles(__dirname)) {
    mocha.addFile(file);
  }
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    try {
      const runner = mocha.run(() => {
        console.log(`${passed} passed, ${failed} failed`);
        if (failed > 0 || passed === 0) {
          reject(new Error(passed === 0 ? 'no integration test ran' : `${failed} integration test(s) failed`));
        } else {
          resolve();
        }
      });
      runner.on('pass', () => {
        passed++;
      });
      runner.on('fail', () => {
        failed++;
      });
    } catch (error) {
      console.log(`${passed} passed, ${failed + 1} failed`);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
