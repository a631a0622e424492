import { promises as fsp } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { BatchKind } from '../batchKind';
import { detectKind } from '../validation';
import { PartWriter } from '../split/partWriter';
import type { KeySource, RejectedRow } from './buildTypes';
import { AbsentColumns, type UnknownColumn } from './columnCheck';
import { isTyped, readRows, type DataFormat, type DataRow } from './dataSource';
import type { FolderOptions } from './folderSource';
import { RowRenderer } from './rowRenderer';
import { compileTemplate, renderTemplate, type Template } from './template';

export interface BuildOptions {
  /** The template line (see template.ts). */
  template: string;
  data: string;
  format: DataFormat;
  keys: KeySource;
  /** The kind of the lines; 'auto' detects it from the template filled with the first row. */
  kind: BatchKind | 'auto';
  /** For a folder of files: how media goes inline or is uploaded (the columns computed are the template's). */
  folder?: Omit<FolderOptions, 'columns'>;
  signal?: AbortSignal;
  /** Called every few thousand rows with the rows read so far. */
  onProgress?(rows: number): void;
}

export interface BuildResult {
  kind: BatchKind;
  /** Lines written. */
  written: number;
  /** Rows left out, the first {@link MAX_LISTED} of them with their problem. */
  rejected: RejectedRow[];
  rejectedCount: number;
  /** True when no line was valid: then no file was written. */
  empty: boolean;
  /**
   * Columns the template or the key column name that no row had (every row was left out for it), with the column
   * names the rows had: one problem of the template, which a caller reports once instead of row by row.
   */
  absentColumns: UnknownColumn[];
  seenColumns: string[];
}

/** Rejected rows listed in full; past this only counted (a bad template can reject every one of a million rows). */
export const MAX_LISTED = 1000;
const PROGRESS_EVERY = 5000;

/** The kind of lines a template makes, from the template filled with one row (gemini-generate when it cannot tell). */
export function templateKind(template: Template, values: Readonly<Record<string, unknown>>, typed: boolean): BatchKind {
  // A column the row lacks is filled with an empty string: the shape of the line, not its values, tells the kind.
  const blanks = Object.fromEntries(template.columns.map((c) => [c, '']));
  const filled = renderTemplate(template, { ...blanks, ...values }, typed);
  return detectKind('text' in filled ? [filled.text] : []);
}

/** A renderer for the rows of `options`, made at the first row with values (which the kind may be detected from). */
function rendererFor(options: BuildOptions, template: Template, first: DataRow): RowRenderer {
  const kind =
    options.kind !== 'auto'
      ? options.kind
      : templateKind(template, 'values' in first ? first.values : {}, isTyped(options.format));
  return new RowRenderer(template, kind, options.keys, isTyped(options.format));
}

/**
 * Writes a batch file at `out` from the rows of a data file, streamed: memory stays flat apart from one entry per
 * key. Each line is validated before it is written and a row without a valid line is listed instead. The file is
 * written under a temporary name and renamed at the end, so a failure or a cancel (AbortError) leaves `out` as it
 * was. Throws DataFileError when the data file cannot be read at all.
 */
export async function buildFile(options: BuildOptions, out: string): Promise<BuildResult> {
  const template = compileTemplate(options.template);
  const writer = await PartWriter.open(out, randomBytes(4).toString('hex'));
  let renderer: RowRenderer | undefined;
  const result: BuildResult = {
    kind: options.kind === 'auto' ? 'gemini-generate' : options.kind,
    written: 0,
    rejected: [],
    rejectedCount: 0,
    empty: true,
    absentColumns: [],
    seenColumns: [],
  };
  const absent = new AbsentColumns(template.columns, options.keys);
  let rows = 0;
  try {
    const folder = options.folder && { ...options.folder, columns: template.columns };
    for await (const row of readRows(options.data, options.format, options.signal, folder)) {
      if (options.signal?.aborted) {
        throw options.signal.reason instanceof Error
          ? options.signal.reason
          : new DOMException('cancelled', 'AbortError');
      }
      if ('values' in row) {
        renderer ??= rendererFor(options, template, row);
        absent.see(row.values);
      }
      const rendered = renderer
        ? renderer.render(row)
        : { problem: 'problem' in row ? row.problem : { code: 'not-json' as const } };
      if ('line' in rendered) {
        await writer.append(Buffer.from(`${rendered.line}\n`));
        result.written++;
      } else {
        if (result.rejected.length < MAX_LISTED) {
          result.rejected.push({ row: row.row, problem: rendered.problem });
        }
        result.rejectedCount++;
      }
      if (++rows % PROGRESS_EVERY === 0) {
        options.onProgress?.(rows);
      }
    }
    await writer.close();
    result.kind = renderer?.kind ?? result.kind;
    result.empty = result.written === 0;
    const columns = absent.result();
    result.absentColumns = columns.absent;
    result.seenColumns = columns.columns;
    if (result.empty) {
      await fsp.rm(writer.tempPath, { force: true });
    } else {
      await writer.commit(out);
    }
    options.onProgress?.(rows);
    return result;
  } catch (error) {
    await writer.discard();
    throw error;
  }
}
