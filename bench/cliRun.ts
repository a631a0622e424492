import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const TIME = '/usr/bin/time';
/** Scripts the bench writes live outside the repo, where linters and builds never see them. */
const SCRATCH = path.join(os.tmpdir(), 'gemini-batch-bench');

/**
 * dist/cli.js when the build made it and it runs (npm run bench builds first); otherwise a bundle of src/cli.ts made
 * here, with the same options (jsonc-parser needs its ESM build: `mainFields`).
 */
async function cliScript(): Promise<{ script: string; note?: string }> {
  const built = path.join(ROOT, 'dist', 'cli.js');
  if (
    fs.existsSync(built) &&
    spawnSync(process.execPath, [built, '--help'], { stdio: 'ignore', timeout: 30_000 }).status === 0
  ) {
    return { script: built };
  }
  const esbuild = await import('esbuild');
  fs.mkdirSync(SCRATCH, { recursive: true });
  const out = path.join(SCRATCH, 'cli.js');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'cli.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  return { script: out, note: `dist/cli.js missing or failing; measured a fresh bundle, ${out}` };
}

export interface CliRun {
  seconds: number;
  peakRssMb: number;
  exitCode: number;
  requests: number;
  via: string;
  note?: string;
}

/**
 * Spawns `node dist/cli.js validate FILE --format json` and measures wall time and peak RSS: through
 * `/usr/bin/time -v` when present, else through a preload that reports `process.resourceUsage().maxRSS` at exit.
 */
export async function runCli(file: string): Promise<CliRun> {
  const { script, note } = await cliScript();
  const useTime = fs.existsSync(TIME);
  const preload = path.join(SCRATCH, 'report-rss.js');
  if (!useTime) {
    fs.mkdirSync(SCRATCH, { recursive: true });
    fs.writeFileSync(
      preload,
      "process.on('exit', () => process.stderr.write(`maxRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n",
    );
  }
  const args = useTime
    ? ['-v', process.execPath, script, 'validate', '--format', 'json', file]
    : ['--require', preload, script, 'validate', '--format', 'json', file];
  const started = performance.now();
  const child = spawn(useTime ? TIME : process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  const seconds = (performance.now() - started) / 1000;
  const kb = useTime
    ? /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]
    : /maxRSS_KB=(\d+)/.exec(stderr)?.[1];
  if (kb === undefined) {
    throw new Error(`no RSS figure from the CLI run (exit ${exitCode}): ${stderr.slice(-500)}`);
  }
  let requests = 0;
  try {
    requests = (JSON.parse(stdout.trim().split('\n')[0]) as { requests: number }).requests;
  } catch {
    requests = -1;
  }
  return {
    seconds,
    peakRssMb: Number(kb) / 1024,
    exitCode,
    requests,
    via: useTime ? '/usr/bin/time -v' : 'resourceUsage preload',
    note,
  };
}
