import { createReadStream, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { CsvParser } from './csvParser';
import type { RowProblem } from './buildTypes';
import { folderRows, type FolderOptions } from './folderSource';

/** A table's format, or `folder`: a folder of files, one row a file (folderSource.ts). */
export type DataFormat = 'csv' | 'tsv' | 'jsonl' | 'json' | 'folder';

/** One data row: its 1-based number among the data rows (a CSV header is not counted), and its values or a problem. */
export type DataRow = { row: number; values: Record<string, unknown> } | { row: number; problem: RowProblem };

/** The format of a data file from its name: .csv, .tsv/.tab, .jsonl/.ndjson, .json; undefined for any other. */
export function dataFormatOf(file: string): DataFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    return 'csv';
  }
  if (ext === '.tsv' || ext === '.tab') {
    return 'tsv';
  }
  if (ext === '.jsonl' || ext === '.ndjson') {
    return 'jsonl';
  }
  if (ext === '.json') {
    return 'json';
  }
  return undefined;
}

/** Whether a format's values carry JSON types (JSON, JSONL, a folder's parts), or are all text (CSV, TSV). */
export const isTyped = (format: DataFormat): boolean => format !== 'csv' && format !== 'tsv';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function* csvRows(file: string, delimiter: ',' | '\t', signal?: AbortSignal): AsyncGenerator<DataRow> {
  const parser = new CsvParser(delimiter);
  let header: string[] | undefined;
  let row = 0;
  const toRow = (fields: string[], unterminated: boolean | undefined): DataRow | undefined => {
    if (header === undefined) {
      header = fields.map((f) => f.trim());
      return undefined;
    }
    row++;
    if (unterminated) {
      return { row, problem: { code: 'unterminated-quote' } };
    }
    if (fields.length !== header.length) {
      return { row, problem: { code: 'field-count', expected: header.length, actual: fields.length } };
    }
    const values: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i++) {
      values[header[i]] = fields[i];
    }
    return { row, values };
  };
  for await (const chunk of createReadStream(file, {
    encoding: 'utf8',
    highWaterMark: 1 << 20,
    signal,
  }) as AsyncIterable<string>) {
    for (const record of parser.push(chunk)) {
      const out = toRow(record.fields, record.unterminated);
      if (out) {
        yield out;
      }
    }
  }
  for (const record of parser.end()) {
    const out = toRow(record.fields, record.unterminated);
    if (out) {
      yield out;
    }
  }
}

/**
 * The header of a CSV/TSV file, trimmed as csvRows trims it; empty for an empty file. Reads only as far as the end of
 * the header. Throws {@link DataFileError} when the file cannot be read.
 */
export async function csvHeader(file: string, delimiter: ',' | '\t'): Promise<string[]> {
  const parser = new CsvParser(delimiter);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const [first] = parser.push(chunk);
      if (first) {
        return first.fields.map((f) => f.trim());
      }
    }
    const [last] = parser.end();
    return last ? last.fields.map((f) => f.trim()) : [];
  } catch (error) {
    const errno = (error as { code?: unknown }).code;
    throw new DataFileError('unreadable', typeof errno === 'string' ? errno : undefined);
  } finally {
    stream.destroy();
  }
}

function jsonRow(row: number, text: string): DataRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { row, problem: { code: 'invalid-json' } };
  }
  return isPlainObject(value) ? { row, values: value } : { row, problem: { code: 'not-an-object' } };
}

async function* jsonlRows(file: string, signal?: AbortSignal): AsyncGenerator<DataRow> {
  let carry = '';
  let row = 0;
  let first = true;
  for await (const chunk of createReadStream(file, {
    encoding: 'utf8',
    highWaterMark: 1 << 20,
    signal,
  }) as AsyncIterable<string>) {
    const lines = (carry + (first ? chunk.replace(/^\uFEFF/, '') : chunk)).split('\n');
    first = false;
    carry = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() !== '') {
        yield jsonRow(++row, line);
      }
    }
  }
  if (carry.trim() !== '') {
    yield jsonRow(++row, carry);
  }
}

/**
 * A JSON array of objects. Read whole: a JSON document cannot be split into rows without parsing it all, so this
 * format is for tables that fit in memory; CSV, TSV and JSONL stream at any size.
 */
async function* jsonArrayRows(file: string): AsyncGenerator<DataRow> {
  const value: unknown = JSON.parse((await fsp.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  if (!Array.isArray(value)) {
    throw new DataFileError('not-an-array');
  }
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    yield isPlainObject(item) ? { row: i + 1, values: item } : { row: i + 1, problem: { code: 'not-an-object' } };
  }
}

/** Why a data file cannot be read as rows at all (as opposed to one bad row). */
export class DataFileError extends Error {
  constructor(
    readonly code: 'not-an-array' | 'invalid-json' | 'unreadable',
    readonly errno?: string,
  ) {
    super(`data file: ${code}`);
    this.name = 'DataFileError';
  }
}

/**
 * The rows of a data file (or folder: `folder` says how its files become values), streamed in order. Throws
 * {@link DataFileError} when the file as a whole is unusable.
 */
export async function* readRows(
  file: string,
  format: DataFormat,
  signal?: AbortSignal,
  folder?: FolderOptions,
): AsyncGenerator<DataRow> {
  try {
    if (format === 'folder') {
      yield* folderRows(file, folder ?? { inlineMaxBytes: 0, columns: [] }, signal);
      return;
    }
    if (format === 'json') {
      yield* jsonArrayRows(file);
      return;
    }
    yield* format === 'jsonl' ? jsonlRows(file, signal) : csvRows(file, format === 'tsv' ? '\t' : ',', signal);
  } catch (error) {
    if (error instanceof DataFileError || (error as { name?: string }).name === 'AbortError') {
      throw error;
    }
    if (error instanceof SyntaxError) {
      throw new DataFileError('invalid-json');
    }
    const errno = (error as { code?: unknown }).code;
    throw new DataFileError('unreadable', typeof errno === 'string' ? errno : undefined);
  }
}
