import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { BATCH_KINDS } from '../core/batchKind';
import {
  buildFile,
  compileTemplate,
  dataColumns,
  DataFileError,
  dataFormatOf,
  describeRowProblem,
  INLINE_MAX_BYTES,
  type BuildResult,
  type DataFormat,
  type KeySource,
  type UnknownColumn,
} from '../core/build';
import { ExitCode, type CliIo } from './cliIo';
import { oneOf, parseFlagArgs, UsageError } from './flagArgs';
import { count } from './textFormat';
import { unknownColumns } from '../core/build/columnCheck';

/** `data.csv` → `data.batch.jsonl`, beside it; a folder `photos/` → `photos.batch.jsonl`. */
function defaultOut(data: string, format: DataFormat): string {
  const trimmed = data.replace(/[\\/]+$/, '');
  const ext = format === 'folder' ? '' : path.extname(trimmed);
  return `${ext === '' ? trimmed : trimmed.slice(0, -ext.length)}.batch.jsonl`;
}

const FORMATS: readonly DataFormat[] = ['csv', 'tsv', 'jsonl', 'json', 'folder'];

/** The format from --format, else a folder, else the file's extension. */
async function formatOf(data: string, flag: string | undefined): Promise<DataFormat> {
  if (flag !== undefined) {
    if (!(FORMATS as readonly string[]).includes(flag)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${flag}")`);
    }
    return flag as DataFormat;
  }
  const isFolder = await fsp.stat(data).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const format = isFolder ? 'folder' : dataFormatOf(data);
  if (format === undefined) {
    throw new UsageError(
      `cannot tell the format of ${data}: name it .csv, .tsv, .jsonl or .json, or pass --format csv|tsv|jsonl|json`,
    );
  }
  return format;
}

/** --inline-max-mb: media of a data folder at most this large in base64 goes inline (default: Google's 20 MB). */
function inlineMaxBytes(flag: string | undefined): number {
  if (flag === undefined) {
    return INLINE_MAX_BYTES;
  }
  const mb = Number(flag);
  if (!Number.isFinite(mb) || mb < 0) {
    throw new UsageError(`--inline-max-mb must be a number of MB (got "${flag}")`);
  }
  return Math.floor(mb * 1024 * 1024);
}

function report(io: CliIo, out: string, result: BuildResult): void {
  for (const { row, problem } of result.rejected) {
    io.stderr(`row ${row}: ${describeRowProblem(problem)}\n`);
  }
  const more = result.rejectedCount - result.rejected.length;
  if (more > 0) {
    io.stderr(`… and ${count(more, 'more row')} left out\n`);
  }
  if (!result.empty) {
    io.stdout(`${out}\n`);
  }
  const where = result.empty ? 'no valid line, nothing written' : `${out} (${result.kind})`;
  io.stderr(`${count(result.written, 'line')} written, ${count(result.rejectedCount, 'row')} left out: ${where}\n`);
}

/**
 * `gemini-batch build --template T --data D [--key COLUMN] [--out F] [--kind K] [--inline-max-mb N]`: T is a file
 * holding the template line; D a table, or a folder of files (one row a file: folderSource.ts). Prints the output path. Exit 0 when every row gave a line, 1 when rows were left out (listed with their row
 * numbers), 2 on bad usage or an unreadable input. The default output (D's name with `.batch.jsonl`) is never
 * overwritten; an explicit --out is replaced whole, at the end.
 */
export async function runBuild(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseFlagArgs(args, [
    '--template',
    '--data',
    '--key',
    '--out',
    '--kind',
    '--format',
    '--inline-max-mb',
  ]);
  if (parsed.operands.length > 0) {
    throw new UsageError(`build takes no operand (got "${parsed.operands[0]}")`);
  }
  const templateFile = parsed.flags.get('--template');
  const data = parsed.flags.get('--data');
  if (templateFile === undefined || data === undefined) {
    throw new UsageError('build needs --template T and --data D');
  }
  const format = await formatOf(data, parsed.flags.get('--format'));
  // No Files API here: media too large to go inline is listed as left out (the editor's build uploads it).
  const folder =
    format === 'folder' ? { inlineMaxBytes: inlineMaxBytes(parsed.flags.get('--inline-max-mb')) } : undefined;
  const kind = oneOf(parsed, '--kind', [...BATCH_KINDS, 'auto'], 'auto');
  const key = parsed.flags.get('--key');
  const out = parsed.flags.get('--out') ?? defaultOut(data, format);
  if (
    !parsed.flags.has('--out') &&
    (await fsp.stat(out).then(
      () => true,
      () => false,
    ))
  ) {
    throw new UsageError(`${out} already exists: pass --out to choose where to write`);
  }
  let template: string;
  try {
    template = await fsp.readFile(templateFile, 'utf8');
  } catch (error) {
    io.stderr(`gemini-batch: cannot read ${templateFile}: ${(error as { code?: string }).code ?? 'error'}\n`);
    return ExitCode.Usage;
  }
  const keys: KeySource = key === undefined ? 'row-number' : { column: key };
  try {
    // A placeholder or key naming no column fails every row alike: one usage error before any row is read.
    const columns = await dataColumns(data, format);
    if (columns !== undefined && columns.length > 0) {
      const unknown = unknownColumns(compileTemplate(template).columns, keys, columns);
      if (unknown.length > 0) {
        throw new UsageError(unknownColumnsMessage(data, unknown, columns));
      }
    }
    const result = await buildFile({ template, data, format, folder, kind, keys }, out);
    if (result.absentColumns.length > 0) {
      // JSONL and JSON have no header: a column no row had is found at the end (and no row gave a line).
      throw new UsageError(`nothing written: ${unknownColumnsMessage(data, result.absentColumns, result.seenColumns)}`);
    }
    report(io, out, result);
    return result.rejectedCount > 0 ? ExitCode.Problems : ExitCode.Ok;
  } catch (error) {
    if (!(error instanceof DataFileError)) {
      throw error;
    }
    io.stderr(`gemini-batch: ${data}: ${dataFileProblem(error)}; nothing written\n`);
    return ExitCode.Usage;
  }
}

/** `the template names no column of D: "questoin" (did you mean "question"?). Columns: id, question`. */
export function unknownColumnsMessage(
  data: string,
  unknown: readonly UnknownColumn[],
  columns: readonly string[],
): string {
  const hint = (u: UnknownColumn): string => (u.suggestion === undefined ? '' : ` (did you mean "${u.suggestion}"?)`);
  const placeholders = unknown.filter((u) => u.role === 'placeholder');
  const key = unknown.find((u) => u.role === 'key');
  const what = [
    ...(placeholders.length > 0
      ? [`the template names no column of ${data}: ${placeholders.map((u) => `"${u.column}"${hint(u)}`).join(', ')}`]
      : []),
    ...(key ? [`--key "${key.column}" names no column of ${data}${hint(key)}`] : []),
  ];
  return `${what.join('; ')}. Columns: ${columns.join(', ')}`;
}

/** Why the data file as a whole cannot be used, in the words of the CLI's message. */
function dataFileProblem(error: DataFileError): string {
  switch (error.code) {
    case 'unreadable':
      return `cannot read it (${error.errno ?? 'error'})`;
    case 'not-an-array':
      return 'a .json data file must hold an array of objects';
    default:
      return 'it is not valid JSON';
  }
}
