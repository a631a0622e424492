import * as vscode from 'vscode';
import { UserFacingError } from '../../../adapters/errors';
import { parseObjectLine } from '../../../core/jobs/lineReader';
import type { LocalJobRecord } from '../../jobs/jobRecordStore';
import { resultsForInput } from './inputForResults';
import type { ResultsPanel } from './resultsPanel';
import { RESULTS_VIEW_TYPE } from './resultsEditorProvider';

export interface OpenForLineDeps {
  records: () => readonly LocalJobRecord[];
  resultsFolder: (input: vscode.Uri) => string;
  /** The panel for a results file once open (waits for it to be created when needed). */
  panelFor: (uri: vscode.Uri) => Promise<ResultsPanel>;
}

/** The group already holding this results view (not a second copy), else beside the input. */
function openColumn(results: vscode.Uri): vscode.ViewColumn {
  const group = vscode.window.tabGroups.all.find((g) =>
    g.tabs.some(
      (tab) =>
        tab.input instanceof vscode.TabInputCustom &&
        tab.input.viewType === RESULTS_VIEW_TYPE &&
        tab.input.uri.toString() === results.toString(),
    ),
  );
  return group?.viewColumn ?? vscode.ViewColumn.Beside;
}

/**
 * "Show Result of This Line": from an input line (the cursor's, or `(uri, line)` 0-based from a CodeLens or a
 * script), opens the results of its file in the results view and selects the row with the line's key. Resolves to
 * whether the row was found.
 */
export async function openForLine(deps: OpenForLineDeps, uri?: vscode.Uri, line?: number): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const target = uri ?? editor?.document.uri;
  if (!target || target.scheme !== 'file') {
    throw new UserFacingError(vscode.l10n.t('Open an input batch file and put the cursor on a line.'));
  }
  const document = await vscode.workspace.openTextDocument(target);
  const at = line ?? (editor?.document.uri.toString() === target.toString() ? editor.selection.active.line : 0);
  const parsed = at < document.lineCount ? parseObjectLine(Buffer.from(document.lineAt(at).text, 'utf8')) : undefined;
  const key = parsed?.key ?? parsed?.custom_id;
  if (typeof key !== 'string' && typeof key !== 'number') {
    throw new UserFacingError(vscode.l10n.t('This line has no key (custom_id): results are matched by key.'));
  }
  const results = resultsForInput(target.fsPath, deps.records(), deps.resultsFolder(target));
  if (!results) {
    throw new UserFacingError(
      vscode.l10n.t('No results found for this file yet: download them with "Open Results" first.'),
    );
  }
  const resultsUri = vscode.Uri.file(results);
  await vscode.commands.executeCommand('vscode.openWith', resultsUri, RESULTS_VIEW_TYPE, {
    viewColumn: openColumn(resultsUri),
    preview: false,
  });
  const panel = await deps.panelFor(resultsUri);
  const found = await panel.revealKey(String(key));
  if (!found) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No result has the key "{0}" in {1}.', String(key), vscode.workspace.asRelativePath(resultsUri)),
    );
  }
  return found;
}
