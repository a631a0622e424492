#!/usr/bin/env node
// `npm start`: install what is missing, build, and open the extension on the sample workspace (sample/, which selects
// the local emulator, so no API key is needed).
//   - VS Code desktop when its `code` command is on PATH: code --extensionDevelopmentPath=<repo> sample
//   - otherwise VS Code's own server from the code-server runtime (.vscode-rt, set up on first use): prints a URL to
//     open in a browser and stays in the foreground until Ctrl-C.
// Options: --server (use the server even if `code` exists), --port N (default $PORT or 8123, else a free one),
//          --smoke (start the server, check the workbench page loads, stop: for CI and quick checks).
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const sample = path.join(repo, 'sample');
const rt = path.resolve(repo, process.env.VSCODE_RT_DIR || '.vscode-rt');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const say = (text) => console.log(`[start] ${text}`);

function run(cmd, cmdArgs, extra = {}) {
  const result = spawnSync(cmd, cmdArgs, { cwd: repo, stdio: 'inherit', ...extra });
  if (result.error) {
    throw new Error(`cannot run ${cmd}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`${cmd} ${cmdArgs.join(' ')} exited with ${result.status}`);
  }
}

function onPath(command) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function choosePort() {
  const wanted = Number(option('--port') || process.env.PORT || 8123);
  if (await portFree(wanted)) {
    return wanted;
  }
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

function prepare() {
  if (!fs.existsSync(path.join(repo, 'node_modules'))) {
    const lock = fs.existsSync(path.join(repo, 'package-lock.json'));
    say(lock ? 'installing dependencies (npm ci)' : 'installing dependencies (npm install)');
    run('npm', [lock ? 'ci' : 'install', '--no-audit', '--no-fund']);
  }
  say('building (node esbuild.js)');
  run(process.execPath, [path.join(repo, 'esbuild.js')]);
}

function openDesktop() {
  say(`opening VS Code: code --extensionDevelopmentPath=${repo} ${sample}`);
  run('code', [`--extensionDevelopmentPath=${repo}`, sample]);
}

/**
 * Installs the repo into the server's extensions folder as a link, so a reload picks up a new build. VS Code's server
 * ignores --extensionDevelopmentPath, and its web client reads the extensionDevelopmentPath URL payload only with
 * --enable-smoke-test-driver, which also auto-confirms every dialog: not what someone trying the extension wants.
 */
function linkExtension(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(dir)) {
    if (entry.toLowerCase().startsWith(`${id}-`)) {
      fs.rmSync(path.join(dir, entry), { recursive: false, force: true });
    }
  }
  // Without its registry the server scans the folder again and records what it finds.
  fs.rmSync(path.join(dir, 'extensions.json'), { force: true });
  fs.symlinkSync(repo, path.join(dir, `${id}-${manifest.version}`), 'dir');
  return dir;
}

async function serve() {
  const serverMain = path.join(rt, 'cs', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  if (!fs.existsSync(serverMain) || !fs.existsSync(path.join(rt, 'bin', 'node'))) {
    say('setting up the VS Code runtime in .vscode-rt (first run only: a few minutes)');
    run('bash', [path.join(repo, 'scripts', 'setup-vscode-rt.sh')], { env: { ...process.env, VSCODE_RT_DIR: rt } });
  }
  const port = await choosePort();
  const host = `127.0.0.1:${port}`;
  // Kept between runs, so settings and the emulator's jobs survive a restart; not the user's own VS Code profile.
  const data = path.join(rt, 'start');
  const extensions = linkExtension(path.join(data, 'ext'));
  const logFile = path.join(data, 'server.log');
  const server = spawn(
    path.join(rt, 'bin', 'node'),
    [
      serverMain,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-telemetry',
      // Workspace trust off, so the sample's emulator setting (geminiBatch.provider.name, one of the package.json
      // restrictedConfigurations) applies without a trust prompt. In Restricted Mode the extension still runs, but
      // limited: validation, completion and the results view work, job commands explain why they are off and
      // workspace endpoint, provider and results-folder settings are ignored (so the sample would not use the emulator).
      '--disable-workspace-trust',
      '--server-data-dir',
      path.join(data, 'server'),
      '--user-data-dir',
      path.join(data, 'user'),
      '--extensions-dir',
      extensions,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true /* own process group, stopped as a whole */ },
  );
  const log = fs.createWriteStream(logFile);
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('SIGINT', () => {
    say('stopping');
    stop();
    process.exit(0);
  });
  process.once('SIGTERM', () => {
    stop();
    process.exit(0);
  });
  server.once('exit', (code, signal) => {
    say(`the server exited (code ${code}, signal ${signal}); log: ${logFile}`);
    process.exit(code || 1);
  });

  const deadline = Date.now() + 60000;
  for (let ok = false; !ok;) {
    if (Date.now() > deadline) {
      stop();
      throw new Error(`the server did not answer within 60 s; log: ${logFile}`);
    }
    try {
      ok = (await fetch(`http://${host}/`)).ok;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const url = `http://${host}/?folder=${encodeURIComponent(sample)}`;
  if (flag('--smoke')) {
    const page = await (await fetch(url)).text();
    server.removeAllListeners('exit');
    stop();
    if (!page.includes('workbench')) {
      throw new Error('the server answered, but not with the workbench page');
    }
    say(`smoke check passed: the workbench page loads at ${url}`);
    return;
  }
  say('VS Code (server) is running with the extension on the sample workspace. Open:');
  console.log(`\n  ${url}\n`);
  say(`server log: ${logFile}. Press Ctrl-C to stop.`);
}

(async () => {
  try {
    prepare();
    if (onPath('code') && !flag('--server') && !flag('--smoke')) {
      openDesktop();
    } else {
      await serve();
    }
  } catch (error) {
    console.error(`[start] ${error.message}`);
    process.exit(1);
  }
})();
