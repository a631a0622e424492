import * as vscode from 'vscode';
import { describeRowProblem, renderPreview, type BuildPreview, type DataRow } from '../../core/build';
import type { DataFormat } from '../../core/build';

/** Rows rendered for the live preview: enough to catch a bad column, few enough to redo on every keystroke. */
export const PREVIEW_ROWS = 5;

/** A starting template for the data's columns: a generateContent request whose text is the first column. */
export function starterTemplate(columns: readonly string[]): string {
  const column = columns[0] ?? 'text';
  return `{"request":{"contents":[{"role":"user","parts":[{"text":"{{${column}}}"}]}]}}`;
}

/** The input box's message for a preview: the first problem as an error, else the first line as information. */
export function previewMessage(preview: BuildPreview): vscode.InputBoxValidationMessage {
  if (preview.unknownColumns.length > 0) {
    return {
      severity: vscode.InputBoxValidationSeverity.Error,
      message: vscode.l10n.t(
        'No column named {0}. Columns: {1}',
        preview.unknownColumns.map((c) => `"${c}"`).join(', '),
        preview.columns.join(', '),
      ),
    };
  }
  const bad = preview.rows.find((r) => 'problem' in r);
  if (bad && 'problem' in bad) {
    return {
      severity: vscode.InputBoxValidationSeverity.Error,
      message: vscode.l10n.t('Row {0}: {1}', bad.row, describeRowProblem(bad.problem)),
    };
  }
  const first = preview.rows.find((r) => 'line' in r);
  if (!first || !('line' in first)) {
    return {
      severity: vscode.InputBoxValidationSeverity.Warning,
      message: vscode.l10n.t('The data file has no rows.'),
    };
  }
  const shown = first.line.length > 300 ? `${first.line.slice(0, 300)}…` : first.line;
  return {
    severity: vscode.InputBoxValidationSeverity.Info,
    message: vscode.l10n.t('{0}, first {1} rows valid. Row 1: {2}', preview.kind, preview.rows.length, shown),
  };
}

/**
 * Asks for the template line, previewing as the user types: each change renders and validates the first rows of the
 * data (read once, before) as the build would, and the message under the box shows the first problem (with its row
 * number) or the first line. Accepting is refused while the preview shows an error. Resolves to the template, or
 * undefined when dismissed.
 */
export async function promptTemplate(
  rows: readonly DataRow[],
  format: DataFormat,
  columns: readonly string[],
): Promise<string | undefined> {
  let accepted: string | undefined;
  const box = vscode.window.createInputBox();
  const disposables: vscode.Disposable[] = [box];
  let valid = false;
  const refresh = (template: string): void => {
    const message = previewMessage(renderPreview(rows, template, format, 'row-number', 'auto'));
    valid = message.severity !== vscode.InputBoxValidationSeverity.Error;
    box.validationMessage = message;
  };
  try {
    box.title = vscode.l10n.t('New Batch File from Data: template line');
    // The placeholder syntax goes in as an argument: braces in the message itself would read as l10n placeholders.
    box.prompt = vscode.l10n.t('One batch line with {0} placeholders. Columns: {1}', '{{column}}', columns.join(', '));
    box.value = starterTemplate(columns);
    box.ignoreFocusOut = true;
    return await new Promise<string | undefined>((resolve) => {
      disposables.push(
        box.onDidChangeValue(refresh),
        box.onDidAccept(() => {
          if (valid) {
            accepted = box.value;
            box.hide();
          }
        }),
        box.onDidHide(() => resolve(accepted)),
      );
      box.show();
      refresh(box.value);
    });
  } finally {
    for (const d of disposables) {
      d.dispose();
    }
  }
}
