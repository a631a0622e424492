import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/**
 * Every bundled `*.test.js` under `dir` (esbuild writes one per `test/integration/**\/*.test.ts`), leaving out the
 * folders named in `skip`: a pass that needs another window (the Restricted Mode pass) has its own index.
 */
export function testFiles(dir: string, skip: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.includes(entry.name)) {
        found.push(...testFiles(full, skip));
      }
    } else if (entry.name.endsWith('.test.js')) {
      found.push(full);
    }
  }
  return found.sort();
}

/**
 * Runs `files` with mocha (tdd, spec reporter; MOCHA_GREP and MOCHA_TIMEOUT_MS from the environment). The closing
 * `N passed, N failed` line is what `scripts/test.js` (and CI) reads, so it is printed even when mocha itself fails to
 * load a file.
 */
export function runMochaFiles(files: readonly string[]): Promise<void> {
  const timeout = Number(process.env.MOCHA_TIMEOUT_MS ?? 20000);
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout, reporter: 'spec' });
  const grep = process.env.MOCHA_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of files) {
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
