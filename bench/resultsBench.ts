// Results view bench (issue 8): the first rows of a 100k-line results file, and one indexing pass over a 1 GB one
// in a child process (its peak RSS is what the extension host would add). Figures come with same-run baselines.
//   BENCH_RESULTS_MB=N  size of the big file (default 1024; 100 with BENCH_QUICK=1)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResultsModel } from '../src/core/results/resultsModel';
import { round } from './measure';

const QUICK = process.env.BENCH_QUICK === '1';
const BIG_MB = Number(process.env.BENCH_RESULTS_MB ?? (QUICK ? 100 : 1024));
const SCRATCH = path.join(os.tmpdir(), 'gemini-batch-bench');

/** A Gemini result line like the real ones (real-output/gemini-batch-generate-output.jsonl), about 700 bytes. */
function resultLine(i: number): string {
  const ok = i % 50 !== 7;
  if (!ok) {
    return JSON.stringify({
      key: `req-${i}`,
      error: { code: 8, message: 'Resource has been exhausted (e.g. check quota).', status: 'RESOURCE_EXHAUSTED' },
    });
  }
  const text = `Answer ${i}: ${'Quantum computers use **qubits**, which can be 0, 1, or both at once. '.repeat(1 + (i % 8))}`;
  return JSON.stringify({
    response: {
      candidates: [
        { content: { role: 'model', parts: [{ text }] }, finishReason: i % 13 === 0 ? 'MAX_TOKENS' : 'STOP', index: 0 },
      ],
      usageMetadata: {
        promptTokenCount: 8 + (i % 5),
        candidatesTokenCount: 40 + (i % 90),
        thoughtsTokenCount: 800 + (i % 300),
        totalTokenCount: 848 + (i % 395),
      },
      modelVersion: 'gemini-2.5-flash',
      responseId: `r${i}`,
    },
    key: `req-${i}`,
  });
}

function writeLines(file: string, until: (i: number, bytes: number) => boolean): void {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let batch: string[] = [];
  for (let i = 0; until(i, bytes); i++) {
    const line = `${resultLine(i)}\n`;
    bytes += Buffer.byteLength(line);
    batch.push(line);
    if (batch.length === 5000) {
      fs.writeSync(fd, batch.join(''));
      batch = [];
    }
  }
  fs.writeSync(fd, batch.join(''));
  fs.closeSync(fd);
}

/** Time from opening the file to the first page of 50 list rows, as the view gets it. */
async function firstRows(file: string): Promise<number> {
  const started = performance.now();
  const rows = await new Promise<number>((resolve, reject) => {
    let asked = false;
    const model: ResultsModel = new ResultsModel(file, () => {
      if (asked) {
        return;
      }
      asked = true;
      model.page(0, 50).then((page) => resolve(page.length), reject);
    });
  });
  if (rows !== 50) {
    throw new Error(`expected a first page of 50 rows, got ${rows}`);
  }
  return performance.now() - started;
}

async function bundleChild(): Promise<string> {
  const esbuild = await import('esbuild');
  fs.mkdirSync(SCRATCH, { recursive: true });
  const out = path.join(SCRATCH, 'results-scan.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'resultsScanChild.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  return out;
}

type ChildRun = { ms: number; indexMs: number; rows: number; maxRssMb: number };

function child(script: string, mode: 'scan' | 'raw', file: string): ChildRun {
  const run = spawnSync(process.execPath, [script, mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) {
    throw new Error(`results ${mode} child failed: ${run.stderr.slice(-500)}`);
  }
  return JSON.parse(run.stdout.trim()) as ChildRun;
}

export async function runResultsBench(log: (text: string) => void): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'results-bench-'));
  try {
    const small = path.join(dir, 'small.results.jsonl');
    writeLines(small, (i) => i < 100_000);
    const smallMb = fs.statSync(small).size / 1024 / 1024;
    const readStart = performance.now();
    fs.readFileSync(small);
    const readAllMs = performance.now() - readStart;
    const firstMs = Math.min(await firstRows(small), await firstRows(small), await firstRows(small));

    const big = path.join(dir, 'big.results.jsonl');
    writeLines(big, (_, bytes) => bytes < BIG_MB * 1024 * 1024);
    const bigMb = fs.statSync(big).size / 1024 / 1024;
    const script = await bundleChild();
    const raw = child(script, 'raw', big);
    const scan = child(script, 'scan', big);
    if (scan.rows !== raw.rows) {
      throw new Error(`the index has ${scan.rows} rows for ${raw.rows} lines`);
    }
    const mbPerS = bigMb / (scan.indexMs / 1000);
    const summaryMbPerS = bigMb / ((scan.ms - scan.indexMs) / 1000);
    const rawMbPerS = bigMb / (raw.ms / 1000);
    log(
      `results: first rows of 100k lines (${smallMb.toFixed(0)} MB) ${firstMs.toFixed(0)} ms (reading the whole file: ${readAllMs.toFixed(0)} ms; target < 1000)`,
    );
    log(
      `results: index ${bigMb.toFixed(0)} MB (${scan.rows.toLocaleString('en-US')} rows) ${mbPerS.toFixed(0)} MB/s, then facts (parse) ${summaryMbPerS.toFixed(0)} MB/s; peak RSS ${scan.maxRssMb.toFixed(0)} MB (raw stream: ${rawMbPerS.toFixed(0)} MB/s, ${raw.maxRssMb.toFixed(0)} MB; target < 150 MB)`,
    );
    return {
      results_first_rows_ms: round(firstMs, 0),
      results_first_rows_read_all_ms: round(readAllMs, 0),
      results_index_mb_per_s: round(mbPerS, 1),
      results_index_raw_mb_per_s: round(rawMbPerS, 1),
      results_index_ratio_to_raw: round(mbPerS / rawMbPerS, 3),
      results_facts_mb_per_s: round(summaryMbPerS, 1),
      results_index_peak_rss_mb: round(scan.maxRssMb, 0),
      results_index_raw_peak_rss_mb: round(raw.maxRssMb, 0),
      results_index_file_mb: round(bigMb, 0),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
