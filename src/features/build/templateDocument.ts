import * as path from 'path';
import * as vscode from 'vscode';

// The template editor's document: an untitled document titled after its data, and closed without a "save?" question
// once its text is used.

/** Names tried before giving up on a title of our own (the same data open in that many template editors at once). */
const MAX_NAMES = 20;

function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
}

async function existsOnDisk(file: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(file));
    return true;
  } catch {
    return false;
  }
}

/**
 * A new untitled document of `language` holding `content`, titled "questions.csv — template" after the data file
 * `dataPath`. An untitled document opened from content alone is titled by its first line, which here is raw JSON;
 * an `untitled:` uri with a path is titled by that path's name instead (and saving writes to that path, beside the
 * data, without a dialog: VS Code's untitled model with an "associated file path"). The name
 * ends in no known extension, so nothing guesses a language from it before `language` is set. A name already open
 * or on disk (VS Code refuses an untitled uri whose file exists) gets a number; failing all, the first-line title.
 */
export async function openTemplateDocument(
  dataPath: string,
  language: string,
  content: string,
): Promise<vscode.TextDocument> {
  const base = path.basename(dataPath);
  for (let n = 1; n <= MAX_NAMES; n++) {
    const name = n === 1 ? vscode.l10n.t('{0} — template', base) : vscode.l10n.t('{0} — template {1}', base, n);
    const file = path.join(path.dirname(dataPath), name);
    const uri = vscode.Uri.file(file).with({ scheme: 'untitled' });
    if (isOpen(uri) || (await existsOnDisk(file))) {
      continue;
    }
    const opened = await vscode.workspace.openTextDocument(uri);
    const document = await vscode.languages.setTextDocumentLanguage(opened, language);
    // Replaces rather than inserts: a backup of an earlier document of that name may have been restored into it.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      uri,
      new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
      content,
    );
    if (await vscode.workspace.applyEdit(edit)) {
      return document;
    }
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
 * Closes every editor of `document` without the "save?" question an untitled document would otherwise ask (its
 * text is used, not lost). VS Code reverts-and-closes only the active editor, so each tab is made active first.
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
