#!/usr/bin/env node
// `npm run test:vsix`: what users install is what is tested. Packages the extension (`npm run package`: the
// production build through vscode:prepublish, then vsce), installs the .vsix with `code-server --install-extension`
// into a fresh extensions dir, and runs the integration suite inside the real VS Code against that installed copy.
// The test runner requires a development extension, so an empty stub with another id stands in for it; the suite
// itself checks that the extension under test was loaded from the extensions dir (GEMINI_BATCH_EXPECT_INSTALLED).
// Prints the .vsix size. Env: VSCODE_RT_DIR, MOCHA_GREP, KEEP_TMP and the rest of run-vscode-tests.js.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const rt = path.resolve(repo, process.env.VSCODE_RT_DIR || '.vscode-rt');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, env = process.env) {
  const result = spawnSync(cmd, args, { cwd: repo, env, stdio: 'inherit' });
  if (result.error) {
    console.error(`[test-vsix] cannot run ${cmd}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gemini-batch-vsix-'));
  try {
    const vsix = path.join(tmp, 'gemini-batch-studio.vsix');
    if (run(npm, ['run', '--silent', 'package', '--', '--out', vsix]) !== 0) {
      console.error('[test-vsix] packaging failed');
      return 1;
    }
    console.log(`[test-vsix] ${path.basename(vsix)}: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB`);

    const extensions = path.join(tmp, 'ext');
    const codeServer = path.join(rt, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    const installed = run(path.join(rt, 'bin', 'node'), [
      codeServer,
      '--config',
      path.join(tmp, 'config.yaml'),
      '--user-data-dir',
      path.join(tmp, 'user'),
      '--extensions-dir',
      extensions,
      '--install-extension',
      vsix,
    ]);
    if (installed !== 0) {
      console.error('[test-vsix] code-server --install-extension failed');
      return installed;
    }

    const stub = path.join(tmp, 'stub');
    fs.mkdirSync(stub);
    fs.writeFileSync(
      path.join(stub, 'package.json'),
      JSON.stringify({
        name: 'vsix-test-host',
        publisher: 'gemini-batch-studio-tests',
        version: '0.0.0',
        engines: { vscode: '*' },
      }),
    );
    return run(
      process.execPath,
      [
        path.join(repo, 'scripts', 'run-vscode-tests.js'),
        stub,
        path.join(repo, 'out', 'test', 'integration', 'index.js'),
        path.join(repo, 'test', 'fixtures', 'workspace'),
      ],
      {
        ...process.env,
        VSCODE_RT_DIR: rt,
        EXTENSIONS_DIR: extensions,
        GEMINI_BATCH_EXPECT_INSTALLED: extensions,
        GEMINI_BATCH_TEST_API: '1',
      },
    );
  } finally {
    if (!process.env.KEEP_TMP) {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
}

process.exit(main());
