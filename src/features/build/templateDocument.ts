import * as path from 'path';
import * as vscode from 'vscode';

import { TEMPLATE_SCHEME, type TemplateFiles } from './templateFiles';

// The template editor's document: a file of the in-memory template file system, titled after its data, and closed
// without a "save?" question once its text is used.

/** Names tried before giving up on a title of our own (the same data open in that many template editors at once). */
const MAX_NAMES = 20;

function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
}

/**
 * A new template document of `language` holding `content`, titled "questions.csv — template" after the data file
 * `dataPath`: a file of `files` (templateFiles.ts), clean until edited, so an untouched template closes without a
 * question and nothing is ever written beside the data. The name ends in no known extension, so nothing guesses a
 * language from it before `language` is set; a name already in use gets a number. Failing all, an untitled document
 * titled by its first line.
 */
export async function openTemplateDocument(
  files: TemplateFiles,
  dataPath: string,
  language: string,
  content: string,
): Promise<vscode.TextDocument> {
  const base = path.basename(dataPath);
  for (let n = 1; n <= MAX_NAMES; n++) {
    const name = n === 1 ? vscode.l10n.t('{0} — template', base) : vscode.l10n.t('{0} — template {1}', base, n);
    const uri = vscode.Uri.file(path.join(path.dirname(dataPath), name)).with({ scheme: TEMPLATE_SCHEME });
    if (isOpen(uri) || files.has(uri)) {
      continue;
    }
    files.put(uri, content);
    return vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), language);
  }
  return vscode.workspace.openTextDocument({ language, content });
}

/** The tabs showing `document`, in any group. */
function tabsOf(document: vscode.TextDocument): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === document.uri.toString()),
  );
}

/**
 * Closes every editor of `document` without the "save?" question an edited document would otherwise ask (its text
 * is used, not lost). VS Code reverts-and-closes only the active editor, so each tab is made active first.
 * Bounded: a tab that will not close is left open rather than looped on.
 */
export async function closeUnasked(document: vscode.TextDocument): Promise<void> {
  for (let i = 0; i < MAX_NAMES; i++) {
    const [tab] = tabsOf(document);
    if (!tab) {
      return;
    }
    await vscode.window.showTextDocument(document, { viewColumn: tab.group.viewColumn, preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}
