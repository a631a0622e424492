import { runMochaFiles, testFiles } from './helpers/mochaRun';

/**
 * The `extensionTestsPath` contract shared by `@vscode/test-electron` and `scripts/run-vscode-tests.js`:
 * the extension host requires this file and awaits `run()`. The suites under `restricted/` need an untrusted
 * window and run in their own pass (`restricted/index.ts`, `node scripts/test-integration.js --restricted`).
 */
export function run(): Promise<void> {
  return runMochaFiles(testFiles(__dirname, ['restricted']));
}
