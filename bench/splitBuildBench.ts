// Split and build over a million rows (BENCH_QUICK: 100,000): times, as ratios to baselines measured in the same run,
// and the check that neither loses nor duplicates a line or a key (the bench fails if they do).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildFile } from '../src/core/build';
import { splitFile } from '../src/core/split';
import { validateFile } from '../src/core/validation';
import { DATA_DIR } from './generateData';
import { round } from './measure';

const ROWS = process.env.BENCH_QUICK === '1' ? 100_000 : 1_000_000;
const TEMPLATE =
  '{"request":{"contents":[{"role":"user","parts":[{"text":"{{q}}"}]}],"generationConfig":{"temperature":{{t}}}}}';

function writeCsv(file: string): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'id,q,t\n');
  for (let start = 0; start < ROWS; start += 50_000) {
    let chunk = '';
    for (let i = start; i < Math.min(ROWS, start + 50_000); i++) {
      chunk += `k${i},"Question ${i}: say ""hi"", then\nexplain",0.${i % 10}\n`;
    }
    fs.writeSync(fd, chunk);
  }
  fs.closeSync(fd);
}

/** Every key k0…k(ROWS-1) exactly once across `files`, else throws. */
function checkKeys(files: readonly string[]): void {
  const seen = new Uint8Array(ROWS);
  for (const file of files) {
    for (const m of fs.readFileSync(file, 'latin1').matchAll(/^\{"key":"k(\d+)"/gm)) {
      seen[Number(m[1])]++;
    }
  }
  const bad = seen.findIndex((n) => n !== 1);
  if (bad !== -1) {
    throw new Error(`key k${bad} appears ${seen[bad]} times`);
  }
}

const sha = (buffers: Buffer[]): string => buffers.reduce((h, b) => h.update(b), createHash('sha256')).digest('hex');

export async function runSplitBuildBench(): Promise<Record<string, number>> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const csv = path.join(DATA_DIR, `build-${ROWS}.csv`);
  const out = path.join(DATA_DIR, `build-${ROWS}.jsonl`);
  writeCsv(csv);
  let started = performance.now();
  const built = await buildFile(
    { template: TEMPLATE, data: csv, format: 'csv', keys: { column: 'id' }, kind: 'auto' },
    out,
  );
  const buildMs = performance.now() - started;
  if (built.written !== ROWS || built.rejectedCount !== 0) {
    throw new Error(`build wrote ${built.written} of ${ROWS} rows`);
  }
  checkKeys([out]);
  // Baseline: validating the file the build wrote (the build validates every line too, and reads and writes).
  started = performance.now();
  await validateFile(out, { kind: 'gemini-generate' });
  const validateMs = performance.now() - started;

  const mb = fs.statSync(out).size / 1024 / 1024;
  started = performance.now();
  const split = await splitFile(out, { maxBytes: Math.ceil(fs.statSync(out).size / 5), maxLines: Math.ceil(ROWS / 7) });
  const splitMs = performance.now() - started;
  // Baseline: copying the file (the least any split that writes its parts can cost).
  started = performance.now();
  fs.copyFileSync(out, `${out}.copy`);
  const copyMs = performance.now() - started;
  if (sha(split.parts.map((p) => fs.readFileSync(p))) !== sha([fs.readFileSync(out)])) {
    throw new Error('the parts do not concatenate to the file');
  }
  checkKeys(split.parts);
  for (const file of [...split.parts, `${out}.copy`, csv, out]) {
    fs.rmSync(file, { force: true });
  }

  process.stdout.write(
    `split/build: ${ROWS.toLocaleString('en-US')} rows; build ${buildMs.toFixed(0)} ms (validate alone ${validateMs.toFixed(0)} ms); ` +
      `split ${mb.toFixed(0)} MB into ${split.parts.length} parts ${splitMs.toFixed(0)} ms (copy ${copyMs.toFixed(0)} ms); no line or key lost or duplicated\n`,
  );
  return {
    build_rows: ROWS,
    build_rows_per_s: round(ROWS / (buildMs / 1000), 0),
    build_ratio_to_validate: round(buildMs / validateMs),
    split_mb_per_s: round(mb / (splitMs / 1000), 1),
    split_ratio_to_copy: round(splitMs / copyMs),
  };
}

if (require.main === module) {
  runSplitBuildBench().then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
