import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Opens a document in an editor (as a user would), so that live validation starts for it. */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * A new untitled jsonl document holding `text`: edits on it never touch the fixture files. Each gets a name of its
 * own: VS Code reuses "Untitled-1" once the previous one closes, and can restore that one's backup into the new one.
 */
export async function openUntitled(text: string): Promise<vscode.TextDocument> {
  const name = `gemini-batch-test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.jsonl`;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `/${name}` }));
  assert.equal(doc.languageId, 'jsonl');
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(0, 0), text);
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'the text is inserted');
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Replaces line `line` of `doc` with `text` through a WorkspaceEdit, as an extension or a refactoring would. */
export async function replaceLine(doc: vscode.TextDocument, line: number, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, doc.lineAt(line).range, text);
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit applies');
}

/**
 * Reverts and closes every editor, so no "save changes?" dialog comes up and fixture files stay as they are on disk.
 * Bounded: a stuck editor fails the test instead of looping.
 */
export async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
    const group = vscode.window.tabGroups.all.find((g) => g.tabs.length > 0);
    const tab = group?.activeTab ?? group?.tabs[0];
    if (tab?.input instanceof vscode.TabInputText) {
      await vscode.window.showTextDocument(tab.input.uri, { viewColumn: group?.viewColumn, preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } else if (tab) {
      await vscode.window.tabGroups.close(tab);
    }
  }
  assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, 0, 'every editor closed');
}
