import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { splitLines } from '../src/core/jsonl/textLines';
import { validateText } from '../src/core/validation';
import { hiddenFindings } from '../src/core/validation/compactLength';
import { fastest } from './measure';

const ROOT = path.join(__dirname, '..');

/** The same lines with one unknown field in every request: what a wrong generator writes. */
export function allLinesWrong(lines: readonly string[]): string {
  return lines.map((line) => line.replace('"request":{', '"request":{"temprature":0.5,')).join('\n');
}

/**
 * A file where every line is wrong against the valid file: best of `runs` each, timed in alternation.
 * Target (issue 7): at most 4×.
 */
export function wrongFileRatio(
  lines: readonly string[],
  runs: number,
): { validMs: number; wrongMs: number; issues: number } {
  const valid = lines.join('\n');
  const wrong = allLinesWrong(lines);
  let validMs = Number.POSITIVE_INFINITY;
  let wrongMs = Number.POSITIVE_INFINITY;
  let issues = 0;
  for (let run = 0; run < runs; run++) {
    validMs = Math.min(
      validMs,
      fastest(1, () => {
        validateText(valid);
      }),
    );
    wrongMs = Math.min(
      wrongMs,
      fastest(1, () => {
        const s = validateText(wrong);
        issues = s.issues.length + (s.issuesDropped ?? 0);
      }),
    );
  }
  return { validMs, wrongMs, issues };
}

/**
 * The share of a valid file's validation spent on what JSON.parse hides (duplicate names, Infinity, lone surrogates):
 * the check alone, over the same lines and parsed values, against the whole validation.
 */
export function hiddenCheckShare(lines: readonly string[], runs: number): { checkMs: number; validateMs: number } {
  const text = lines.join('\n');
  const split = splitLines(text);
  const values = split.map((line) => JSON.parse(line) as unknown);
  let found = 0;
  let checkMs = Number.POSITIVE_INFINITY;
  let validateMs = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    checkMs = Math.min(
      checkMs,
      fastest(1, () => {
        for (let i = 0; i < split.length; i++) {
          found += hiddenFindings(split[i], values[i]).length;
        }
      }),
    );
    validateMs = Math.min(
      validateMs,
      fastest(1, () => {
        validateText(text);
      }),
    );
  }
  if (found !== 0) {
    throw new Error('the generated lines should hide nothing');
  }
  return { checkMs, validateMs };
}

/**
 * Peak RSS of a child (1 GB heap) validating one hostile line of `mb` MB: a line of `[` (depth), and a line of `[],`
 * (values). Before the structure limits, 20 MB of `[` peaked at 1.4 GB and 60 MB aborted on a 1 GB heap.
 */
export function hostileLinePeak(mb: number): { peakRssMb: number; baseRssMb: number; codes: string } {
  const script = [
    "const { validateLine } = require('./src/core/validation');",
    `const n = ${mb} * 1024 * 1024;`,
    'const codes = [];',
    'const base = process.memoryUsage().rss;',
    "codes.push(...validateLine('gemini-generate', '['.repeat(n), 0).map((i) => i.code));",
    "codes.push(...validateLine('gemini-generate', '[' + '[],'.repeat(Math.floor(n / 3)) + '[]]', 0).map((i) => i.code));",
    "process.stdout.write(JSON.stringify({ codes: codes.join(','), peak: process.resourceUsage().maxRSS / 1024, base: base / 1048576 }));",
  ].join('\n');
  const child = spawnSync(process.execPath, ['--max-old-space-size=1024', '--require', 'tsx/cjs', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (child.status !== 0) {
    return { peakRssMb: -1, baseRssMb: -1, codes: `exit ${String(child.status)} ${child.stderr.slice(-200)}` };
  }
  const out = JSON.parse(child.stdout) as { codes: string; peak: number; base: number };
  return { peakRssMb: out.peak, baseRssMb: out.base, codes: out.codes };
}
