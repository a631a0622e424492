#!/usr/bin/env node
// `npm test`: build (node esbuild.js, which compiles the schema validators first), the unit tests on plain Node
// (mocha), then the integration tests inside a real VS Code extension host (scripts/test-integration.js), then their
// short Restricted Mode pass on an untrusted folder (scripts/test-integration.js --restricted, about a minute).
// Ends with one line `N passed, N failed` alone on its line; the exit code is non-zero when anything failed.
// A stage that breaks before reporting counts (build error, a test file that does not load, the host crashing)
// counts as one failure, so a broken stage can never look green.
//   --unit-only / --integration-only  run one half (the build always runs)
'use strict';
const { spawn } = require('child_process');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command with its output shown live and kept for parsing. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repo, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('error', (e) => resolve({ code: 1, out: `${out}\ncannot run ${cmd}: ${e.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

/** The last match of `re` in `text` (a test may print a look-alike line earlier). */
function lastMatch(text, re) {
  let m;
  let last = null;
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  while ((m = g.exec(text)) !== null) {
    last = m;
  }
  return last;
}

/** Mocha's spec reporter ends with `N passing`, `N pending`, `N failing`. */
function unitCounts({ code, out }) {
  const passing = lastMatch(out, /^\s*(\d+) passing\b/m);
  const failing = lastMatch(out, /^\s*(\d+) failing\b/m);
  const passed = passing ? Number(passing[1]) : 0;
  let failed = failing ? Number(failing[1]) : 0;
  // Mocha could not load a file or crashed (no summary), or found no test at all: never a silent green.
  if ((code !== 0 && failed === 0) || passed + failed === 0) {
    failed = Math.max(failed, 1);
  }
  return { passed, failed };
}

/** The test index prints `N passed, N failed`; anything else (setup, server, browser, timeout) is one failure. */
function integrationCounts({ code, out }) {
  const line = lastMatch(out, /^(\d+) passed, (\d+) failed$/m);
  const passed = line ? Number(line[1]) : 0;
  let failed = line ? Number(line[2]) : 0;
  if ((code !== 0 && failed === 0) || passed + failed === 0) {
    failed = Math.max(failed, 1);
  }
  return { passed, failed };
}

async function main() {
  const only = process.argv.find((a) => a === '--unit-only' || a === '--integration-only');
  const stages = [];
  console.log('[test] build: node esbuild.js');
  const build = await run(process.execPath, [path.join(repo, 'esbuild.js')]);
  stages.push({ name: 'build', passed: build.code === 0 ? 1 : 0, failed: build.code === 0 ? 0 : 1 });

  if (only !== '--integration-only') {
    console.log('[test] unit tests: mocha (plain Node)');
    // Exactly what `npm run test:unit` runs (the lead owns that script), with mocha's spec reporter summary to read.
    stages.push({
      name: 'unit',
      ...unitCounts(await run(npm, ['run', '--silent', 'test:unit', '--', '--reporter', 'spec', '--no-color'])),
    });
  }
  if (only !== '--unit-only') {
    if (build.code !== 0) {
      // Stale bundles would test old code; the build failure is already counted.
      console.log('[test] integration tests skipped: the build failed');
      stages.push({ name: 'integration', passed: 0, failed: 1 });
    } else {
      console.log('[test] integration tests: real VS Code extension host');
      const res = await run(process.execPath, [path.join(repo, 'scripts', 'test-integration.js'), '--no-build']);
      stages.push({ name: 'integration', ...integrationCounts(res) });
      console.log('[test] restricted mode: the same runtime on an untrusted folder');
      const script = path.join(repo, 'scripts', 'test-integration.js');
      const restricted = await run(process.execPath, [script, '--no-build', '--restricted']);
      stages.push({ name: 'restricted', ...integrationCounts(restricted) });
    }
  }

  // The build is a precondition, not a test: it only adds to the count when it failed.
  const counted = stages.filter((s) => s.name !== 'build' || s.failed > 0);
  const passed = counted.reduce((n, s) => n + s.passed, 0);
  const failed = counted.reduce((n, s) => n + s.failed, 0);
  console.log('');
  for (const s of stages) {
    console.log(`[test] ${s.name}: ${s.passed} passed, ${s.failed} failed`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

main();
