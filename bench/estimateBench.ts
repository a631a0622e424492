// estimate_mb_per_s (issue 10): `gemini-batch estimate FILE` on a generated Gemini file, as the built CLI runs it
// (node dist/cli.js, built by `npm run bench` first; by default a file this size is counted by the main thread and
// one worker of dist/estimateWorker.js per free core), start-up and vocabulary loads included. Beside it, in the same
// run over the same file and alternated with it: the same CLI with the workers forced (one per core beside the main
// thread) and on its main thread only (GEMINI_BATCH_ESTIMATE_WORKERS=0, the serial path), optionally another build
// of the CLI (BENCH_ESTIMATE_BASELINE_CLI, a before/after), and in process the line reader plus JSON.parse of every
// line (the floor of any single-threaded estimator that reads the lines), so the figures can be read as ratios on a
// loaded machine.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WORKERS_ENV } from '../src/cli/estimateCommand';
import { parseObjectLine, readLines } from '../src/core/jobs/lineReader';
import { bigFile } from './generateData';
import { round } from './measure';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');
/**
 * Another build of the CLI to run in the same alternation, by default (e.g. the commit before a change, built
 * elsewhere): a before/after measured on the same machine state. Its output must equal this CLI's.
 */
const BASELINE_CLI = process.env.BENCH_ESTIMATE_BASELINE_CLI;
/** Reports the CLI process's CPU time (all its threads) and peak RSS at exit; outside the repo, as cliRun.ts does. */
const PRELOAD = path.join(os.tmpdir(), 'gemini-batch-bench', 'report-usage.js');

interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
  out: string;
}

async function runCli(file: string, env: NodeJS.ProcessEnv, cli = CLI): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', PRELOAD, cli, 'estimate', file, '--format', 'json'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? -1));
  });
  const wall = performance.now() - started;
  const usage = /usage=(\d+) (\d+)/.exec(err);
  if (code !== 0 || !usage) {
    throw new Error(`gemini-batch estimate exited ${code}: ${err.slice(-500)}`);
  }
  return { wall, cpu: Number(usage[1]) / 1000, rssMb: Number(usage[2]) / 1024, out };
}

/** Wall time and CPU time (user + system, ms) of `fn`: CPU time moves less when other processes share the cores. */
async function timed(fn: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

export async function estimateKeys(targetMb: number): Promise<Record<string, number>> {
  if (!fs.existsSync(CLI) || !fs.existsSync(path.join(path.dirname(CLI), 'estimateWorker.js'))) {
    throw new Error(
      'dist/cli.js or dist/estimateWorker.js is missing: run `node esbuild.js` first (npm run bench does)',
    );
  }
  fs.mkdirSync(path.dirname(PRELOAD), { recursive: true });
  fs.writeFileSync(
    PRELOAD,
    "process.on('exit', () => { const u = process.cpuUsage(); " +
      'process.stderr.write(`usage=${u.user + u.system} ${process.resourceUsage().maxRSS}\\n`); });\n',
  );
  // Every line its own (blocks of fresh seeds), as in a real batch file: a file of one block repeated would let the
  // whole-text memos count its later copies.
  const file = bigFile(targetMb);
  const mb = fs.statSync(file).size / 1024 / 1024;
  let floor = Number.POSITIVE_INFINITY;
  let floorCpu = Number.POSITIVE_INFINITY;
  const inf = Number.POSITIVE_INFINITY;
  const best = { cli: inf, pool: inf, serial: inf, baseline: inf };
  const cpu = { cli: inf, pool: inf, serial: inf, baseline: inf };
  const rss = { cli: 0, pool: 0, serial: 0, baseline: 0 };
  const outs = { cli: '', pool: '', serial: '', baseline: '' };
  const record = (kind: keyof typeof best, run: Run): void => {
    best[kind] = Math.min(best[kind], run.wall);
    cpu[kind] = Math.min(cpu[kind], run.cpu);
    rss[kind] = Math.max(rss[kind], run.rssMb);
    outs[kind] = run.out;
  };
  // Alternated, best of three each, so a burst of load elsewhere hits all alike.
  for (let i = 0; i < 3; i++) {
    const read = await timed(async () => {
      for await (const l of readLines(file)) {
        parseObjectLine(l.bytes);
      }
    });
    floor = Math.min(floor, read.wall);
    floorCpu = Math.min(floorCpu, read.cpu);
    // `cli`: what the CLI does by default; `pool` forces the workers (one per core beside the main thread).
    for (const [kind, env] of [
      ['cli', {}],
      ['pool', { [WORKERS_ENV]: String(Math.max(1, Math.min(os.availableParallelism() - 1, 3))) }],
      ['serial', { [WORKERS_ENV]: '0' }],
    ] as const) {
      record(kind, await runCli(file, env));
    }
    if (BASELINE_CLI) {
      record('baseline', await runCli(file, {}, BASELINE_CLI));
    }
  }
  if (outs.pool !== outs.serial || outs.cli !== outs.serial || (BASELINE_CLI && outs.baseline !== outs.serial)) {
    throw new Error(`the pooled and serial estimates differ:\n${outs.pool}${outs.serial}`);
  }
  const rate = (ms: number): number => mb / (ms / 1000);
  process.stdout.write(
    `estimate ${mb.toFixed(0)} MB (CLI, start-up included): default ${rate(best.cli).toFixed(0)} MB/s, pool ${rate(best.pool).toFixed(0)} MB/s, ` +
      `serial ${rate(best.serial).toFixed(0)} MB/s (serial/pool wall ${(best.serial / best.pool).toFixed(2)}, ` +
      `CPU ${(cpu.serial / cpu.pool).toFixed(2)}); read+parse floor in process ${rate(floor).toFixed(0)} MB/s ` +
      `(pool/floor ${(best.pool / floor).toFixed(2)}); peak RSS pool ${rss.pool.toFixed(0)} MB, serial ${rss.serial.toFixed(0)} MB\n`,
  );
  if (BASELINE_CLI) {
    process.stdout.write(
      `baseline ${BASELINE_CLI}: ${rate(best.baseline).toFixed(0)} MB/s (baseline/floor ${(best.baseline / floor).toFixed(2)}, ` +
        `default/floor ${(best.cli / floor).toFixed(2)}, default speed-up ${(best.baseline / best.cli).toFixed(2)}×)\n`,
    );
  }
  return {
    estimate_mb_per_s: round(rate(best.cli), 1),
    estimate_pool_mb_per_s: round(rate(best.pool), 1),
    estimate_serial_mb_per_s: round(rate(best.serial), 1),
    estimate_pool_speedup: round(best.serial / best.pool),
    estimate_pool_cpu_ratio_to_serial: round(cpu.pool / cpu.serial),
    estimate_read_parse_floor_mb_per_s: round(rate(floor), 1),
    estimate_ratio_to_read_parse: round(best.pool / floor),
    estimate_serial_ratio_to_read_parse: round(best.serial / floor),
    estimate_read_parse_floor_cpu_ms: round(floorCpu, 0),
    estimate_pool_peak_rss_mb: round(rss.pool, 0),
    estimate_serial_peak_rss_mb: round(rss.serial, 0),
    ...(BASELINE_CLI
      ? {
          estimate_baseline_mb_per_s: round(rate(best.baseline), 1),
          estimate_speedup_over_baseline: round(best.baseline / best.cli),
        }
      : {}),
  };
}

if (require.main === module) {
  void estimateKeys(Number(process.env.BENCH_ESTIMATE_MB ?? 50)).then((keys) => {
    process.stdout.write(`${JSON.stringify(keys)}\n`);
  });
}
