import * as path from 'path';
import * as vscode from 'vscode';
import { describeRowProblem, templateSetsKey, type BuildResult, type KeySource } from '../../core/build';
import type { TemplateData } from './templateCheck';
import type { TemplateEditors } from './templateEditor';

// The questions "New Batch File from Data…" asks (data file, template, keys, target) and its list of rows left out.

/** Where each line's key comes from: row numbers or one of the data's columns. */
async function pickKeys(columns: readonly string[]): Promise<KeySource | undefined> {
  const rowItem = { label: vscode.l10n.t('Row numbers'), description: 'row-1, row-2, …' };
  const items = [rowItem, ...columns.map((c) => ({ label: c, description: vscode.l10n.t('column') }))];
  // A step of a flow whose template is already written: a click elsewhere (the data file, to check a column) must
  // not end the build (templateEditor.ts closes the template before this pick for the same reason).
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New Batch File from Data: keys'),
    placeHolder: vscode.l10n.t('Where the key of each line comes from'),
    ignoreFocusOut: true,
  });
  if (picked === undefined) {
    return undefined;
  }
  return picked === rowItem ? 'row-number' : { column: picked.label };
}

/**
 * The questions: the template (written in the template editor, checked live against the data's first rows), where
 * keys come from (unless the template sets them), where to write. Undefined when dismissed.
 */
export async function ask(
  templates: TemplateEditors,
  sample: TemplateData,
  data: string,
): Promise<{ template: string; keys: KeySource; out: string } | undefined> {
  const template = await templates.edit(sample, data);
  if (template === undefined) {
    return undefined;
  }
  // A template that sets each line's key itself is not asked again where keys come from.
  const keys = templateSetsKey(sample.rows, template, sample.format) ? 'row-number' : await pickKeys(sample.columns);
  if (keys === undefined) {
    return undefined;
  }
  // A folder's name is kept whole (`v1.2/` → `v1.2.batch.jsonl`); a table loses its extension.
  const stem = sample.format === 'folder' ? data : data.slice(0, data.length - path.extname(data).length);
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(`${stem}.batch.jsonl`),
    filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl'] },
    title: vscode.l10n.t('Save the batch file'),
  });
  return target ? { template, keys, out: target.fsPath } : undefined;
}

/** The rows left out, as a plain text document: one line per row with its number and why. */
export async function showRejected(data: string, result: BuildResult): Promise<void> {
  const lines = result.rejected.map(({ row, problem }) =>
    vscode.l10n.t('row {0}: {1}', row, describeRowProblem(problem)),
  );
  const more = result.rejectedCount - result.rejected.length;
  if (more > 0) {
    lines.push(vscode.l10n.t('… and {0} more rows', more));
  }
  const heading = vscode.l10n.t('Rows of {0} left out ({1}):', data, result.rejectedCount);
  const doc = await vscode.workspace.openTextDocument({
    content: `${heading}\n${lines.join('\n')}\n`,
    language: 'plaintext',
  });
  await vscode.window.showTextDocument(doc);
}
