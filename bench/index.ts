// The validation benchmark (npm run bench): not a test. Prints a table, then one JSON object as the last line.
//   BENCH_QUICK=1     smaller inputs, for iterating
//   BENCH_CLI_MB=N    size of the file the CLI validates (default 1024)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitLines } from '../src/core/jsonl/textLines';
import { DocumentValidator, validateText } from '../src/core/validation';
import { activationKeys } from './activationBench';
import { runCli } from './cliRun';
import { bigFile, DATA_DIR, geminiLines } from './generateData';
import { hiddenCheckShare, hostileLinePeak, wrongFileRatio } from './hardeningBench';
import { languageServicePass } from './languageServiceBaseline';
import { estimateKeys } from './estimateBench';
import { fastest, median, round } from './measure';

const QUICK = process.env.BENCH_QUICK === '1';
const LINES = QUICK ? 20_000 : 100_000;
const LS_LINES = QUICK ? 2_000 : 10_000;
const CLI_MB = Number(process.env.BENCH_CLI_MB ?? (QUICK ? 100 : 1024));
const RUNS = QUICK ? 5 : 7;
/** Lines of the every-line-wrong file (issue 7: at most 4× the valid file), and the size of the hostile lines. */
const WRONG_LINES = QUICK ? 20_000 : 100_000;
const HOSTILE_MB = QUICK ? 20 : 60;
const SCHEMA = path.join(__dirname, '..', 'schemas', 'gemini-generate.schema.json');

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}

/**
 * Full validation vs the JSON.parse floor, over the same text (splitting into lines counted in both). The two are
 * timed in alternation and the fastest run of each kept, so a burst of load elsewhere on the machine hits both alike.
 */
function parseVersusValidate(text: string): { floorMs: number; validateMs: number } {
  let sink = 0;
  let issues = 0;
  let floorMs = Number.POSITIVE_INFINITY;
  let validateMs = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++) {
    floorMs = Math.min(
      floorMs,
      fastest(1, () => {
        for (const line of splitLines(text)) {
          sink += JSON.parse(line) === null ? 1 : 0;
        }
      }),
    );
    validateMs = Math.min(
      validateMs,
      fastest(1, () => {
        issues = validateText(text).issues.length;
      }),
    );
  }
  if (issues !== 0 || sink !== 0) {
    throw new Error(`the generated lines should be valid, got ${issues} issues`);
  }
  return { floorMs, validateMs };
}

/** Median time of a one-line edit (applyChange + step + issues) in a document of `lines.length` lines. */
function singleLineEdit(lines: string[]): { editMs: number; openMs: number } {
  const v = new DocumentValidator({ kind: 'auto' });
  const opened = performance.now();
  v.setText(lines.join('\n'));
  while (!v.step(1_000)) {
    /* until done */
  }
  v.issues();
  const openMs = performance.now() - opened;
  const times: number[] = [];
  for (let k = 0; k < 31; k++) {
    const at = Math.floor(((k + 0.5) / 31) * lines.length);
    const edited = lines[at].replace('"key":"', '"key":"edited-');
    const started = performance.now();
    v.applyChange(at, 1, [edited]);
    v.step(50);
    const issues = v.issues();
    times.push(performance.now() - started);
    if (issues.length !== 0) {
      throw new Error('an edit that keeps the line valid should leave no issue');
    }
  }
  return { editMs: median(times), openMs };
}

async function emulatorKeys(): Promise<Record<string, number>> {
  const file = path.join(__dirname, 'emulatorBench.ts');
  if (!fs.existsSync(file)) {
    return {};
  }
  try {
    const mod = (await import('./emulatorBench')) as { runEmulatorBench?: () => Promise<Record<string, number>> };
    return mod.runEmulatorBench ? await mod.runEmulatorBench() : {};
  } catch (error) {
    log(`emulator bench failed: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}

/** Split and build over a million rows (bench/splitBuildBench.ts), if present. */
async function splitBuildKeys(): Promise<Record<string, number>> {
  try {
    return await (await import('./splitBuildBench')).runSplitBuildBench();
  } catch (error) {
    log(`split/build bench failed: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}

/** Results view keys (issue 8): first rows of 100k lines, indexing a 1 GB file (bench/resultsBench.ts). */
async function resultsKeys(): Promise<Record<string, number>> {
  try {
    const mod = await import('./resultsBench');
    return await mod.runResultsBench(log);
  } catch (error) {
    log(`results bench failed: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const lines = geminiLines(LINES);
  const text = `${lines.join('\n')}\n`;
  fs.writeFileSync(path.join(DATA_DIR, `gemini-${LINES}.jsonl`), text);
  const mb = Buffer.byteLength(text) / 1024 / 1024;
  log(
    `validation benchmark: ${LINES.toLocaleString('en-US')} Gemini lines (${mb.toFixed(1)} MB)${QUICK ? ' [quick]' : ''}`,
  );

  const { floorMs, validateMs } = parseVersusValidate(text);
  const ratio = validateMs / floorMs;

  const slice = lines.slice(0, LS_LINES);
  // The baseline's best of three passes (its first pass also warms its schema cache and JIT).
  const passes = [];
  for (let i = 0; i < 3; i++) {
    passes.push(await languageServicePass(slice, SCHEMA));
  }
  const baseline = passes.reduce((best, p) => (p.ms < best.ms ? p : best));
  const sliceText = slice.join('\n');
  const ourSliceMs = fastest(RUNS, () => {
    validateText(sliceText);
  });
  const speedup = baseline.ms / ourSliceMs;
  // The ceiling for any validator that parses each line with JSON.parse: the baseline against the parse alone.
  const sliceFloorMs = fastest(RUNS, () => {
    for (const line of splitLines(sliceText)) {
      JSON.parse(line);
    }
  });
  const ceiling = baseline.ms / sliceFloorMs;

  const { editMs, openMs } = singleLineEdit(lines);

  const wrongLines = lines.slice(0, WRONG_LINES);
  const wrong = wrongFileRatio(wrongLines, RUNS);
  const wrongRatio = wrong.wrongMs / wrong.validMs;
  const hidden = hiddenCheckShare(lines, RUNS);
  const hiddenShare = hidden.checkMs / hidden.validateMs;
  const hostile = hostileLinePeak(HOSTILE_MB);

  const bigPath = bigFile(CLI_MB);
  const bigMb = fs.statSync(bigPath).size / 1024 / 1024;
  const cli = await runCli(bigPath);

  const rows: [string, string, string][] = [
    ['JSON.parse floor (split + parse)', `${floorMs.toFixed(0)} ms`, `${(mb / (floorMs / 1000)).toFixed(0)} MB/s`],
    ['full validation (validateText)', `${validateMs.toFixed(0)} ms`, `ratio ${ratio.toFixed(2)} (target ≤ 1.5)`],
    [
      `vscode-json-languageservice, ${LS_LINES.toLocaleString('en-US')} lines`,
      `${baseline.ms.toFixed(0)} ms`,
      `${((baseline.ms * 1000) / LS_LINES).toFixed(1)} µs/line`,
    ],
    [
      `ours, same ${LS_LINES.toLocaleString('en-US')} lines`,
      `${ourSliceMs.toFixed(1)} ms`,
      `speedup ${speedup.toFixed(1)}× (target ≥ 20)`,
    ],
    [
      `JSON.parse alone, same ${LS_LINES.toLocaleString('en-US')} lines`,
      `${sliceFloorMs.toFixed(1)} ms`,
      `ceiling ${ceiling.toFixed(1)}× for any JSON.parse-based validator`,
    ],
    [`DocumentValidator open, ${LINES.toLocaleString('en-US')} lines`, `${openMs.toFixed(0)} ms`, ''],
    ['one-line edit (median of 31)', `${editMs.toFixed(3)} ms`, 'target ≤ 2 ms'],
    [
      `every line wrong, ${WRONG_LINES.toLocaleString('en-US')} lines (${wrong.issues.toLocaleString('en-US')} issues)`,
      `${wrong.wrongMs.toFixed(0)} ms`,
      `ratio ${wrongRatio.toFixed(2)} to the valid file (${wrong.validMs.toFixed(0)} ms; target ≤ 4)`,
    ],
    [
      'check for what JSON.parse hides',
      `${hidden.checkMs.toFixed(0)} ms`,
      `${(hiddenShare * 100).toFixed(1)}% of validating the valid file (duplicate names, Infinity, lone surrogates)`,
    ],
    [
      `hostile ${HOSTILE_MB} MB lines (\`[\`×n, \`[],\`×n), 1 GB heap`,
      `${hostile.peakRssMb.toFixed(0)} MB`,
      `peak RSS (${hostile.codes}; target: small multiple of the line)`,
    ],
    [
      `CLI validate ${bigMb.toFixed(0)} MB (${cli.requests.toLocaleString('en-US')} lines)`,
      `${cli.seconds.toFixed(1)} s`,
      `${(bigMb / cli.seconds).toFixed(0)} MB/s`,
    ],
    ['CLI peak RSS', `${cli.peakRssMb.toFixed(0)} MB`, `target < 200 MB (${cli.via})`],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  log('');
  for (const [name, value, note] of rows) {
    log(`${name.padEnd(width)}  ${value.padStart(10)}  ${note}`);
  }
  if (cli.note) {
    log(`note: ${cli.note}`);
  }
  if (cli.exitCode !== 0) {
    log(`note: the CLI exited ${cli.exitCode} on the generated file`);
  }

  const result: Record<string, number> = {
    validate_ratio_to_json_parse: round(ratio),
    speedup_vs_json_languageservice: round(speedup, 1),
    json_parse_speedup_vs_json_languageservice: round(ceiling, 1),
    single_line_edit_ms: round(editMs, 3),
    all_lines_wrong_ratio: round(wrongRatio),
    hidden_value_check_share: round(hiddenShare, 3),
    line_hostile_peak_rss_mb: round(hostile.peakRssMb, 0),
    line_hostile_peak_rss_per_line_mb: round((hostile.peakRssMb - hostile.baseRssMb) / HOSTILE_MB, 1),
    cli_mb_per_s: round(bigMb / cli.seconds, 1),
    cli_peak_rss_mb: round(cli.peakRssMb, 0),
    json_parse_floor_ms: round(floorMs, 0),
    validate_ms: round(validateMs, 0),
    lines: LINES,
    cli_file_mb: round(bigMb, 0),
    ...(await emulatorKeys()),
    ...(await estimateKeys(QUICK ? 20 : 100)),
    ...(await splitBuildKeys()),
    ...activationKeys(log, QUICK),
    ...(await resultsKeys()),
  };
  log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
