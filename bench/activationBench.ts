// activation_ms for `npm run bench`: how long `activate()` takes inside the real extension host (VS Code's server from
// code-server, as in the integration tests), not in plain Node where `vscode` would be a stub. One filtered
// integration run of the "quiet until needed" suite activates a fresh host by opening a JSONL file; the extension logs
// `[activate] N ms` and the suite prints it with the time from opening the file to the extension being active
// (loading the bundle included). Each run is a fresh host; the fastest of BENCH_ACTIVATION_RUNS (default 3, 1 with
// BENCH_QUICK) is kept, since other load on the machine only ever adds time. Target: activation_ms < 30.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..');

/** One fresh host: [activate() ms, open-to-active ms], or undefined when the run failed. */
function oneRun(rt: string): [number, number] | undefined {
  const run = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'test-integration.js'), '--no-build'], {
    cwd: REPO,
    env: { ...process.env, VSCODE_RT_DIR: rt, MOCHA_GREP: 'quiet until needed' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const found = /\[bench\] activation_ms=([\d.]+) open_to_active_ms=([\d.]+)/.exec(`${run.stdout}\n${run.stderr}`);
  return found && run.status === 0 ? [Number(found[1]), Number(found[2])] : undefined;
}

export function activationKeys(log: (text: string) => void, quick: boolean): Record<string, number> {
  const rt = path.resolve(REPO, process.env.VSCODE_RT_DIR ?? '.vscode-rt');
  if (!fs.existsSync(path.join(rt, 'bin', 'node'))) {
    log(`activation: no VS Code runtime in ${rt} (scripts/setup-vscode-rt.sh), activation_ms not measured`);
    return {};
  }
  const runs: [number, number][] = [];
  for (let i = 0; i < Number(process.env.BENCH_ACTIVATION_RUNS ?? (quick ? 1 : 3)); i++) {
    const run = oneRun(rt);
    if (!run) {
      log('activation: the integration run failed, activation_ms not measured');
      return {};
    }
    runs.push(run);
  }
  const activationMs = Math.min(...runs.map((r) => r[0]));
  const openToActiveMs = Math.min(...runs.map((r) => r[1]));
  log(
    `activate() in the real extension host: ${activationMs.toFixed(1)} ms (fastest of ${runs.length}, target < 30); opening a JSONL file to active: ${openToActiveMs.toFixed(0)} ms`,
  );
  return { activation_ms: activationMs, activation_open_to_active_ms: openToActiveMs };
}

// On its own (after `npm run build`): npx tsx bench/activationBench.ts
if (require.main === module) {
  process.stdout.write(
    `${JSON.stringify(activationKeys((text) => process.stdout.write(`${text}\n`), process.env.BENCH_QUICK === '1'))}\n`,
  );
}
