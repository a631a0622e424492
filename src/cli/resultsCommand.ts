import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeRows } from '../core/results/exportResults';
import { writeRetryFile } from '../core/results/retryFile';
import { joinedRows } from '../core/results/resultRows';
import type { ResultRow } from '../core/results/resultRow';
import { ExitCode, type CliIo } from './cliIo';
import { parseResultsArgs } from './resultsArgs';

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

async function* countUnmatched(
  rows: AsyncIterable<ResultRow>,
  joined: boolean,
  into: { count: number },
): AsyncGenerator<ResultRow> {
  for await (const row of rows) {
    if (joined && row.inputLine === undefined) {
      into.count++;
    }
    yield row;
  }
}

/**
 * `gemini-batch results RESULTS [ERRORS] [--input INPUT] [--format json|jsonl|csv] [--failed] [--retry-file OUT]`:
 * joins the results to the input (when given), prints the summary as JSON (`json`, the default) or the rows
 * (`jsonl`, `csv`, with the summary on stderr), and writes the lines to retry. Exit 0 when every request succeeded,
 * 1 when some failed, had no result or no answer (blocked, out of tokens), 2 on bad usage or an unreadable file.
 */
export async function runResults(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseResultsArgs(args);
  const problem = await unreadable([...options.results, ...(options.input ? [options.input] : [])]);
  if (problem) {
    io.stderr(`gemini-batch: ${problem}\n`);
    return ExitCode.Usage;
  }
  // Result lines whose key is in no input line: still rows (nothing is dropped), and counted apart.
  const unmatched = { count: 0 };
  const rows = countUnmatched(joinedRows(options.results, options.input), options.input !== undefined, unmatched);
  const rowFormat = options.format === 'json' ? undefined : options.format;
  const summary = await writeRows(rows, { format: rowFormat ?? 'jsonl', failedOnly: options.failed }, (text) => {
    if (rowFormat) {
      io.stdout(text);
    }
  });
  const report: Record<string, unknown> = {
    results: options.results,
    ...(options.input ? { input: options.input, unmatchedResults: unmatched.count } : {}),
    ...summary,
  };
  if (options.retryFile && options.input) {
    const out = resolve(options.retryFile);
    const plan = await writeRetryFile(options.input, [{ inputPath: options.input, resultPaths: options.results }], out);
    report.retry = {
      file: plan.path ?? null,
      lines: plan.indices.length,
      failed: plan.failed,
      no_answer: plan.noAnswer,
      blocked: plan.blocked,
      missing: plan.missing,
      needs_fix: plan.needsFix,
    };
  }
  (rowFormat ? io.stderr : io.stdout)(`${JSON.stringify(report, null, rowFormat ? undefined : 2)}\n`);
  return summary.failed + summary.noAnswer > 0 ? ExitCode.Problems : ExitCode.Ok;
}
