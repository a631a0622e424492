// estimate_mb_per_s (issue 10): the streaming estimate of a generated Gemini file, in process, against a baseline
// measured in the same run over the same file: the line reader plus JSON.parse of every line (the floor of any
// estimator that reads the lines), so the figure can be read as a ratio on a loaded machine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { estimateFile } from '../src/core/estimate/fileEstimate';
import { parseObjectLine, readLines } from '../src/core/jobs/lineReader';
import { loadGeminiCounter } from '../src/core/tokens/tokenizerData';
import { DATA_DIR, geminiLines } from './generateData';
import { round } from './measure';

const ASSETS = path.join(__dirname, '..', 'assets', 'tokenizers');

/** Wall time and CPU time (user + system, ms) of `fn`: CPU time moves less when other processes share the cores. */
async function timed(fn: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

export async function estimateKeys(targetMb: number): Promise<Record<string, number>> {
  const lines = geminiLines(20_000);
  const block = `${lines.join('\n')}\n`;
  const file = path.join(DATA_DIR, `estimate-${targetMb}mb.jsonl`);
  const repeats = Math.max(1, Math.round((targetMb * 1024 * 1024) / Buffer.byteLength(block)));
  if (!fs.existsSync(file) || fs.statSync(file).size !== Buffer.byteLength(block) * repeats) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(`${file}.tmp`, '');
    for (let i = 0; i < repeats; i++) {
      fs.appendFileSync(`${file}.tmp`, block);
    }
    fs.renameSync(`${file}.tmp`, file);
  }
  const mb = fs.statSync(file).size / 1024 / 1024;
  let loadMs = Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  let floor = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  let floorCpu = Number.POSITIVE_INFINITY;
  // Alternated, best of three each, so a burst of load elsewhere hits both alike. Each estimate pass gets a freshly
  // loaded counter (its load not timed here): its chunk cache starts cold, as in one CLI run.
  for (let i = 0; i < 3; i++) {
    const read = await timed(async () => {
      for await (const l of readLines(file)) {
        parseObjectLine(l.bytes);
      }
    });
    floor = Math.min(floor, read.wall);
    floorCpu = Math.min(floorCpu, read.cpu);
    const loadStart = performance.now();
    const counter = await loadGeminiCounter(ASSETS);
    loadMs = Math.min(loadMs, performance.now() - loadStart);
    const estimate = await timed(async () => {
      await estimateFile(file, {
        counterFor: () => Promise.resolve(counter),
        model: 'gemini-2.5-flash',
        assumedOutputTokens: 1000,
      });
    });
    best = Math.min(best, estimate.wall);
    bestCpu = Math.min(bestCpu, estimate.cpu);
  }
  process.stdout.write(
    `estimate ${mb.toFixed(0)} MB: ${(mb / (best / 1000)).toFixed(0)} MB/s, read+parse floor ${(mb / (floor / 1000)).toFixed(0)} MB/s, ` +
      `ratio ${(best / floor).toFixed(2)} (CPU time ${(bestCpu / floorCpu).toFixed(2)}); Gemini vocabulary load ${loadMs.toFixed(0)} ms\n`,
  );
  return {
    estimate_mb_per_s: round(mb / (best / 1000), 1),
    estimate_read_parse_floor_mb_per_s: round(mb / (floor / 1000), 1),
    estimate_ratio_to_read_parse: round(best / floor),
    estimate_cpu_ratio_to_read_parse: round(bestCpu / floorCpu),
    tokenizer_gemini_load_ms: round(loadMs, 0),
  };
}

if (require.main === module) {
  void estimateKeys(Number(process.env.BENCH_ESTIMATE_MB ?? 50)).then((keys) => {
    process.stdout.write(`${JSON.stringify(keys)}\n`);
  });
}
