import * as path from 'path';
import { runTests } from '@vscode/test-electron';

/**
 * `npm run test:electron`: the same test index and fixture workspace as `npm run test:integration`, but in VS Code desktop
 * downloaded by @vscode/test-electron (needs access to update.code.visualstudio.com). Bundled to out/test/runElectron.js.
 */
async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '..', '..');
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(repo, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [
        path.join(repo, 'test', 'fixtures', 'workspace'),
        '--disable-extensions',
        '--disable-workspace-trust',
      ],
    });
  } catch (error) {
    console.error(`integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

// Only when run as a program: a test runner that loads every file under test/ must not start a download.
if (require.main === module) {
  void main();
}
