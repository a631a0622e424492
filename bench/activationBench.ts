// activation_ms for `npm run bench`: how long `activate()` takes inside the real extension host (VS Code's server from
// code-server, as in the integration tests), not in plain Node where `vscode` would be a stub. One filtered
// integration run of the "quiet until needed" suite activates a fresh host by opening a JSONL file; the extension logs
// `[activate] N ms` and the suite prints it with the time from opening the file to the extension being active
// (loading the bundle included). Target: activation_ms < 30.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..');

export function activationKeys(log: (text: string) => void): Record<string, number> {
  const rt = path.resolve(REPO, process.env.VSCODE_RT_DIR ?? '.vscode-rt');
  if (!fs.existsSync(path.join(rt, 'bin', 'node'))) {
    log(`activation: no VS Code runtime in ${rt} (scripts/setup-vscode-rt.sh), activation_ms not measured`);
    return {};
  }
  const run = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'test-integration.js'), '--no-build'], {
    cwd: REPO,
    env: { ...process.env, VSCODE_RT_DIR: rt, MOCHA_GREP: 'quiet until needed' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const found = /\[bench\] activation_ms=([\d.]+) open_to_active_ms=([\d.]+)/.exec(`${run.stdout}\n${run.stderr}`);
  if (!found || run.status !== 0) {
    log(`activation: the integration run failed (exit ${run.status}), activation_ms not measured`);
    return {};
  }
  const activationMs = Number(found[1]);
  const openToActiveMs = Number(found[2]);
  log(`activate() in the real extension host: ${activationMs.toFixed(1)} ms (target < 30); opening a JSONL file to active: ${openToActiveMs.toFixed(0)} ms`);
  return { activation_ms: activationMs, activation_open_to_active_ms: openToActiveMs };
}
