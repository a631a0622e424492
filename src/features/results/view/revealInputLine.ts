import * as vscode from 'vscode';

const sameFile = (a: vscode.Uri, b: vscode.Uri) => a.toString() === b.toString();

/**
 * Where the input goes: the group already showing it (a second copy in a new group is what users saw otherwise),
 * else a group holding it in a background tab other than the active one (the results view's, which it would cover),
 * else beside.
 */
function columnFor(input: vscode.Uri): vscode.ViewColumn {
  const shown = vscode.window.visibleTextEditors.find((e) => sameFile(e.document.uri, input) && e.viewColumn);
  if (shown?.viewColumn) {
    return shown.viewColumn;
  }
  const tabbed = vscode.window.tabGroups.all.find(
    (group) =>
      !group.isActive &&
      group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && sameFile(tab.input.uri, input)),
  );
  return tabbed?.viewColumn ?? vscode.ViewColumn.Beside;
}

/** Opens the input file with its 1-based `line` selected and in view, keeping focus put. */
export async function revealInputLine(input: vscode.Uri, line: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(input);
  const at = Math.max(0, Math.min(line - 1, document.lineCount - 1));
  const range = document.lineAt(at).range;
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: columnFor(document.uri),
    preserveFocus: true,
    preview: true,
    selection: range,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
