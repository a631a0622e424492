import type { BatchKind } from '../batchKind';
import type { RowProblem } from './buildTypes';
import type { BuildOptions } from './buildFile';
import { templateKind } from './buildFile';
import { isTyped, readRows } from './dataSource';
import { RowRenderer } from './rowRenderer';
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

/** Renders the first `count` rows of `options` (stops reading there, so it is quick on a file of any size). */
export async function previewBuild(options: Omit<BuildOptions, 'onProgress'>, count: number): Promise<BuildPreview> {
  const template = compileTemplate(options.template);
  const columns: string[] = [];
  const rows: BuildPreview['rows'] = [];
  let renderer: RowRenderer | undefined;
  let kind: BatchKind = options.kind === 'auto' ? 'gemini-generate' : options.kind;
  for await (const row of readRows(options.data, options.format, options.signal)) {
    if ('values' in row) {
      for (const name of Object.keys(row.values)) { if (!columns.includes(name)) { columns.push(name); } }
      if (renderer === undefined) {
        kind = options.kind === 'auto' ? templateKind(template, row.values, isTyped(options.format)) : options.kind;
        renderer = new RowRenderer(template, kind, options.keys, isTyped(options.format));
      }
    }
    const rendered = renderer ? renderer.render(row) : { problem: 'problem' in row ? row.problem : { code: 'not-json' as const } };
    rows.push({ row: row.row, ...rendered });
    if (rows.length >= count) { break; }
  }
  const unknownColumns = template.columns.filter((c) => !columns.includes(c));
  return { kind, columns, unknownColumns, rows };
}
