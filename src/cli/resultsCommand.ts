import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeRows } from '../core/results/exportResults';
import { holdsInputLines } from '../core/results/inputGivenAsResults';
import { roundMoney } from '../core/util/roundMoney';
import { writeRetryFile, type RetryFileResult } from '../core/results/retryFile';
import { joinedRows } from '../core/results/resultRows';
import type { ResultRow } from '../core/results/resultRow';
import { summarizeRows, type RowSummary } from '../core/results/rowSummary';
import { ExitCode, type CliIo } from './cliIo';
import { parseResultsArgs, type ResultsArgs } from './resultsArgs';
import { ProblemRows, summaryText } from './resultsText';

async function unreadable(paths: readonly string[]): Promise<string | undefined> {
  for (const path of paths) {
    try {
      await access(path);
    } catch (error) {
      return `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
    }
  }
  return undefined;
}

/** How the joined rows fell: results in no input line, and results joined to one (not an input's missing result). */
interface JoinCounts {
  unmatched: number;
  matched: number;
}

async function* countUnmatched(
  rows: AsyncIterable<ResultRow>,
  joined: boolean,
  into: JoinCounts,
): AsyncGenerator<ResultRow> {
  for await (const row of rows) {
    if (joined && row.inputLine === undefined) {
      into.unmatched++;
    } else if (joined && row.error?.code !== 'missing_result') {
      into.matched++;
    }
    yield row;
  }
}

/** The first of the files given as results that holds batch input lines, not results. */
async function inputAmongResults(paths: readonly string[]): Promise<string | undefined> {
  for (const path of paths) {
    if (await holdsInputLines(path)) {
      return path;
    }
  }
  return undefined;
}

/** Counts the rows (handing them to `problems` for text), or streams them as JSONL or CSV to stdout. */
function readRows(
  rows: AsyncIterable<ResultRow>,
  options: ResultsArgs,
  io: CliIo,
  problems: ProblemRows | undefined,
): Promise<RowSummary> {
  if (options.format === 'jsonl' || options.format === 'csv') {
    return writeRows(rows, { format: options.format, failedOnly: options.failed }, (text) => io.stdout(text));
  }
  return summarizeRows(rows, problems && ((row) => problems.see(row)));
}

/**
 * `gemini-batch results RESULTS [ERRORS] [--input INPUT] [--format text|json|jsonl|csv] [--failed] [--retry-file OUT]`:
 * joins the results to the input (when given), prints the rows that failed or have no answer and a summary a person
 * reads (`text`, the default), the summary as JSON (`json`), or the rows (`jsonl`, `csv`, with the JSON summary on
 * stderr), and writes the lines to retry. Exit 0 when every request succeeded, 1 when some failed, had no result or
 * no answer (blocked, out of tokens), 2 on bad usage or an unreadable file, on a batch input file given as results,
 * and on results of which none matches the input (the wrong --input).
 */
export async function runResults(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseResultsArgs(args);
  const problem = await unreadable([...options.results, ...(options.input ? [options.input] : [])]);
  if (problem) {
    io.stderr(`gemini-batch: ${problem}\n`);
    return ExitCode.Usage;
  }
  // The wrong file where results belong would be reported as every line an unrecognized, failed result.
  const input = await inputAmongResults(options.results);
  if (input) {
    io.stderr(
      `gemini-batch: ${input}: this is a batch input file, not results (give the job's results file; ` +
        `the input file goes with --input)\n`,
    );
    return ExitCode.Usage;
  }
  // Result lines whose key is in no input line: still rows (nothing is dropped), and counted apart.
  const counts: JoinCounts = { unmatched: 0, matched: 0 };
  const rows = countUnmatched(joinedRows(options.results, options.input), options.input !== undefined, counts);
  const problems = options.format === 'text' ? new ProblemRows(io, options.input, options.failed) : undefined;
  const summary = await readRows(rows, options, io, problems);
  if (options.input && counts.unmatched > 0 && counts.matched === 0) {
    // Not one key in common: the results of another job, not failures of this one (and no retry file of it all).
    io.stderr(
      `gemini-batch: no result matches --input ${options.input}: is it the file this job was made from? ` +
        `(${counts.unmatched} results, none with the key of an input line)\n`,
    );
    return ExitCode.Usage;
  }
  const plan =
    options.retryFile && options.input
      ? await writeRetryFile(
          options.input,
          [{ inputPath: options.input, resultPaths: options.results }],
          resolve(options.retryFile),
        )
      : undefined;
  if (problems) {
    problems.finish();
    const joined = options.input ? { file: options.input, unmatched: counts.unmatched } : undefined;
    io.stdout(summaryText(summary, { input: joined, retry: plan }));
  } else {
    const report: Record<string, unknown> = {
      results: options.results,
      ...(options.input ? { input: options.input, unmatchedResults: counts.unmatched } : {}),
      ...summary,
      cost: { ...summary.cost, batchUsd: roundMoney(summary.cost.batchUsd) },
      ...(plan ? { retry: retryRecord(plan) } : {}),
    };
    const rowsOnStdout = options.format !== 'json';
    (rowsOnStdout ? io.stderr : io.stdout)(`${JSON.stringify(report, null, rowsOnStdout ? undefined : 2)}\n`);
  }
  return summary.failed + summary.noAnswer > 0 ? ExitCode.Problems : ExitCode.Ok;
}

/** The retry file in the JSON summary. */
function retryRecord(plan: RetryFileResult): Record<string, unknown> {
  return {
    file: plan.path ?? null,
    lines: plan.indices.length,
    failed: plan.failed,
    no_answer: plan.noAnswer,
    blocked: plan.blocked,
    missing: plan.missing,
    needs_fix: plan.needsFix,
  };
}
