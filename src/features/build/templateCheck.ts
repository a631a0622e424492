import * as vscode from 'vscode';
import { describeRowProblem, renderPreview, type BuildPreview, type DataFormat, type DataRow } from '../../core/build';
import { isTemplateProblem } from '../../core/build/buildTypes';
import { placeholderSpans } from '../../core/build/templatePlaceholders';
import { starterColumn } from './starterColumn';

// What the template editor says about a template: its preview against the data's first rows, as diagnostics and as
// the words of its CodeLens. The preview is the build's own rendering and validation (core/build/previewBuild.ts).

/** Rows rendered for the live preview: enough to catch a bad column, few enough to redo on every keystroke. */
export const PREVIEW_ROWS = 5;

/** The data a template is written against: its first rows, their format and columns. */
export interface TemplateData {
  rows: readonly DataRow[];
  format: DataFormat;
  columns: readonly string[];
}

/**
 * A starting template for the data: a generateContent request whose text is the column most likely to hold the
 * prompt ({@link starterColumn}), or for a folder of files (which has a `part` column) a question followed by the
 * file's part.
 */
export function starterTemplate(data: TemplateData): string {
  if (data.columns.includes('part')) {
    return '{"request":{"contents":[{"role":"user","parts":[{"text":"Describe this file."},{{part}}]}]}}';
  }
  const column = starterColumn(data.columns, data.rows) ?? 'text';
  return `{"request":{"contents":[{"role":"user","parts":[{"text":"{{${column}}}"}]}]}}`;
}

/** The template rendered with the first rows, keyed by row number as the preview always is. */
export function previewOf(data: TemplateData, template: string): BuildPreview {
  return renderPreview(data.rows, template, data.format, 'row-number', 'auto');
}

/** The first problem of a preview in words, or undefined when every previewed row gives a valid line. */
export function firstProblem(preview: BuildPreview): string | undefined {
  if (preview.unknownColumns.length > 0) {
    return vscode.l10n.t(
      'No column named {0}. Columns: {1}',
      preview.unknownColumns.map((c) => `"${c}"`).join(', '),
      preview.columns.join(', '),
    );
  }
  // A row the data makes unusable (a short CSV row, a missing key) is left out by the build and listed: it is no
  // reason to refuse the template (a walkthrough read "Fix the template first" for a short row of the CSV).
  const bad = preview.rows.find((r) => 'problem' in r && isTemplateProblem(r.problem));
  return bad && 'problem' in bad ? vscode.l10n.t('Row {0}: {1}', bad.row, describeRowProblem(bad.problem)) : undefined;
}

/** The range of `start`..`end` (offsets) in `document`. */
function rangeOf(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/**
 * Diagnostics for a template: an unknown column on each of its placeholders; a row's problem on the placeholders of
 * the column it names, else on the whole template (the rendered line has no place in the template to point at).
 */
export function templateDiagnostics(document: vscode.TextDocument, preview: BuildPreview): vscode.Diagnostic[] {
  const text = document.getText();
  const spans = placeholderSpans(text);
  const whole = rangeOf(document, 0, text.length);
  const onColumn = (column: string, message: string): vscode.Diagnostic[] => {
    const at = spans.filter((s) => s.column === column);
    const ranges = at.length > 0 ? at.map((s) => rangeOf(document, s.start, s.end)) : [whole];
    return ranges.map((r) => diagnostic(r, message));
  };
  if (preview.unknownColumns.length > 0) {
    return preview.unknownColumns.flatMap((column) =>
      onColumn(column, vscode.l10n.t('No column named "{0}". Columns: {1}', column, preview.columns.join(', '))),
    );
  }
  if (preview.rows.length === 0) {
    const empty = diagnostic(whole, vscode.l10n.t('The data file has no rows.'));
    empty.severity = vscode.DiagnosticSeverity.Warning;
    return [empty];
  }
  const bad = preview.rows.find((r) => 'problem' in r);
  if (!bad || !('problem' in bad)) {
    return [];
  }
  const template = isTemplateProblem(bad.problem);
  const message = template
    ? vscode.l10n.t('Row {0}: {1}', bad.row, describeRowProblem(bad.problem))
    : vscode.l10n.t('Row {0} of the data: {1}. The build leaves it out.', bad.row, describeRowProblem(bad.problem));
  const column = 'column' in bad.problem ? bad.problem.column : undefined;
  const found = column === undefined ? [diagnostic(whole, message)] : onColumn(column, message);
  if (!template) {
    found.forEach((d) => (d.severity = vscode.DiagnosticSeverity.Warning));
  }
  return found;
}

function diagnostic(range: vscode.Range, message: string): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
  d.source = 'gemini-batch';
  return d;
}

/** The CodeLens's summary of a preview: the kind and how many rows are valid, or the first problem. */
export function previewSummary(preview: BuildPreview): string {
  const problem = firstProblem(preview);
  if (problem !== undefined) {
    return `$(error) ${problem}`;
  }
  if (preview.rows.length === 0) {
    return vscode.l10n.t('$(warning) The data file has no rows.');
  }
  const left = preview.rows.filter((r) => 'problem' in r);
  if (left.length > 0 && 'problem' in left[0]) {
    return vscode.l10n.t(
      '$(warning) {0}: {1} of the first {2} rows give valid lines; row {3} of the data is left out: {4}',
      preview.kind,
      preview.rows.length - left.length,
      preview.rows.length,
      left[0].row,
      describeRowProblem(left[0].problem),
    );
  }
  return vscode.l10n.t('$(check) {0}: the first {1} rows give valid lines', preview.kind, preview.rows.length);
}

/** The first rendered line, for the summary's tooltip. */
export function firstLine(preview: BuildPreview): string | undefined {
  const first = preview.rows.find((r) => 'line' in r);
  if (!first || !('line' in first)) {
    return undefined;
  }
  return first.line.length > 500 ? `${first.line.slice(0, 500)}…` : first.line;
}
