import { runMochaFiles, testFiles } from '../helpers/mochaRun';

/**
 * The Restricted Mode pass (`node scripts/test-integration.js --restricted`): the window opens
 * test/fixtures/restricted with workspace trust on and a fresh profile, so the folder is not trusted. Only the
 * suites in this folder run here; the main pass (../index.ts) leaves them out.
 */
export function run(): Promise<void> {
  return runMochaFiles(testFiles(__dirname));
}
