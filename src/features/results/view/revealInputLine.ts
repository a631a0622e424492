import * as vscode from 'vscode';

/** Opens the input file beside the results view with its 1-based `line` selected and in view, keeping focus put. */
export async function revealInputLine(input: vscode.Uri, line: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(input);
  const at = Math.max(0, Math.min(line - 1, document.lineCount - 1));
  const range = document.lineAt(at).range;
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: vscode.ViewColumn.Beside,
    preserveFocus: true,
    preview: true,
    selection: range,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
