#!/usr/bin/env node
// `npm run test:integration`: the integration tests inside a real VS Code extension host (the VS Code server of
// code-server, driven by headless Chromium; see scripts/run-vscode-tests.js).
//   node scripts/test-integration.js            build, set the runtime up if missing, run
//   node scripts/test-integration.js --no-build  (scripts/test.js has built already)
//   node scripts/test-integration.js --restricted  the Restricted Mode pass instead: test/integration/restricted/ in a
//        window on test/fixtures/restricted with workspace trust on and a fresh profile, so the folder is untrusted
//        (VS Code refuses dialogs while extension tests run, so the trust prompt answers itself as "don't trust")
// Env: VSCODE_RT_DIR, TEST_TIMEOUT_MS, SCREENSHOT, VERBOSE, KEEP_TMP (see run-vscode-tests.js), MOCHA_GREP.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const rt = path.resolve(repo, process.env.VSCODE_RT_DIR || '.vscode-rt');
const env = { ...process.env, VSCODE_RT_DIR: rt };

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: repo, env, stdio: 'inherit' });
  if (result.error) {
    console.error(`[test-integration] cannot run ${cmd}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

/** The runtime is complete when the server entry point, the private Node and the browser are there. */
function runtimeReady() {
  return (
    fs.existsSync(path.join(rt, 'cs', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js')) &&
    fs.existsSync(path.join(rt, 'bin', 'node')) &&
    fs.existsSync(process.env.CHROMIUM || '/usr/bin/chromium')
  );
}

function main() {
  if (!process.argv.includes('--no-build')) {
    const built = run(process.execPath, [path.join(repo, 'esbuild.js')]);
    if (built !== 0) {
      console.error('[test-integration] build failed');
      return built;
    }
  }
  if (!runtimeReady()) {
    console.log('[test-integration] VS Code runtime missing: running scripts/setup-vscode-rt.sh');
    const setup = run('bash', [path.join(repo, 'scripts', 'setup-vscode-rt.sh')]);
    if (setup !== 0) {
      console.error('[test-integration] runtime setup failed');
      return setup;
    }
  }
  if (process.argv.includes('--restricted')) {
    env.WORKSPACE_TRUST = '1';
    return run(process.execPath, [
      path.join(repo, 'scripts', 'run-vscode-tests.js'),
      repo,
      path.join(repo, 'out', 'test', 'integration', 'restricted', 'index.js'),
      path.join(repo, 'test', 'fixtures', 'restricted'),
    ]);
  }
  return run(process.execPath, [
    path.join(repo, 'scripts', 'run-vscode-tests.js'),
    repo,
    path.join(repo, 'out', 'test', 'integration', 'index.js'),
    path.join(repo, 'test', 'fixtures', 'workspace'),
  ]);
}

process.exit(main());
