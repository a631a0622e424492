import type { BatchKind } from '../batchKind';
import type { KeySource, RowProblem } from './buildTypes';
import type { BuildOptions } from './buildFile';
import { templateKind } from './buildFile';
import { isTyped, readRows, type DataFormat, type DataRow } from './dataSource';
import type { FolderOptions } from './folderSource';
import { RowRenderer, keyFieldOf } from './rowRenderer';
import { compileTemplate } from './template';

/** The first rows of a build, rendered and validated as the build would, without writing anything. */
export interface BuildPreview {
  kind: BatchKind;
  /** The column names seen in the previewed rows, in order of first appearance (for completion and messages). */
  columns: string[];
  /** The columns the template names that no previewed row has. */
  unknownColumns: string[];
  rows: Array<{ row: number; line: string } | { row: number; problem: RowProblem }>;
}

/** The first `count` rows of a data file (stops reading there, so it is quick on a CSV or JSONL of any size). */
export async function readFirstRows(
  data: string,
  format: DataFormat,
  count: number,
  signal?: AbortSignal,
  folder?: FolderOptions,
): Promise<DataRow[]> {
  const rows: DataRow[] = [];
  for await (const row of readRows(data, format, signal, folder)) {
    rows.push(row);
    if (rows.length >= count) {
      break;
    }
  }
  return rows;
}

/**
 * Renders rows read before with a template, as the build would: for a preview redone on every keystroke without
 * reading the data again.
 */
export function renderPreview(
  rows: readonly DataRow[],
  template: string,
  format: DataFormat,
  keys: KeySource,
  kind: BatchKind | 'auto',
): BuildPreview {
  const compiled = compileTemplate(template);
  const typed = isTyped(format);
  const columns: string[] = [];
  for (const row of rows) {
    if ('values' in row) {
      for (const name of Object.keys(row.values)) {
        if (!columns.includes(name)) {
          columns.push(name);
        }
      }
    }
  }
  const first = rows.find((r) => 'values' in r);
  const resolved =
    kind !== 'auto' ? kind : templateKind(compiled, first && 'values' in first ? first.values : {}, typed);
  const renderer = new RowRenderer(compiled, resolved, keys, typed);
  return {
    kind: resolved,
    columns,
    unknownColumns: compiled.columns.filter((c) => !columns.includes(c)),
    rows: rows.map((row) => ({ row: row.row, ...renderer.render(row) })),
  };
}

/**
 * Whether the template gives each line its own key (`"key": "{{id}}"`, or `custom_id` on an OpenAI line): the first
 * row that renders, rendered with row-number keys, keeps a key of its own. Then asking where keys come from is moot:
 * row-number keys leave a template's key as it is (rowRenderer.ts).
 */
export function templateSetsKey(rows: readonly DataRow[], template: string, format: DataFormat): boolean {
  const preview = renderPreview(rows, template, format, 'row-number', 'auto');
  const first = preview.rows.find((r): r is { row: number; line: string } => 'line' in r);
  if (!first) {
    return false;
  }
  const key = (JSON.parse(first.line) as Record<string, unknown>)[keyFieldOf(preview.kind)];
  return key !== `row-${first.row}`;
}

/** Renders the first `count` rows of `options`. */
export async function previewBuild(options: Omit<BuildOptions, 'onProgress'>, count: number): Promise<BuildPreview> {
  const template = compileTemplate(options.template);
  const folder = options.folder && { ...options.folder, columns: template.columns };
  const rows = await readFirstRows(options.data, options.format, count, options.signal, folder);
  return renderPreview(rows, options.template, options.format, options.keys, options.kind);
}
