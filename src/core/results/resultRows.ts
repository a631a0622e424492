import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isBlankBytes, parseObjectLine, readLines } from '../jobs/lineReader';
import { writeMergedJoin } from './mergedJoin';
import { toResultRow, unparseableRow, type ResultRow } from './resultRow';

/** The rows of result files (any shape toResultRow reads), streamed; blank lines skipped, broken ones failed rows. */
export async function* readResultRows(paths: readonly string[], signal?: AbortSignal): AsyncGenerator<ResultRow> {
  for (const path of paths) {
    for await (const line of readLines(path, signal)) {
      if (isBlankBytes(line.bytes)) {
        continue;
      }
      const parsed = parseObjectLine(line.bytes);
      yield parsed ? toResultRow(parsed) : unparseableRow();
    }
  }
}

/**
 * The rows of results joined to their input when `inputPath` is given (each with its prompt and input line, and a
 * `missing_result` failure for a request with no result), else the result files' own rows. The join goes through a
 * temp file beside the first results file (memory stays flat), removed when the rows are read or abandoned.
 */
export async function* joinedRows(
  resultPaths: readonly string[],
  inputPath?: string,
  signal?: AbortSignal,
): AsyncGenerator<ResultRow> {
  if (!inputPath) {
    yield* readResultRows(resultPaths, signal);
    return;
  }
  const temp = join(dirname(resultPaths[0]), `.${basename(resultPaths[0])}.${randomBytes(4).toString('hex')}.join`);
  try {
    await writeMergedJoin(inputPath, [{ inputPath, resultPaths: [...resultPaths] }], temp);
    yield* readResultRows([temp], signal);
  } finally {
    await rm(temp, { force: true });
  }
}
