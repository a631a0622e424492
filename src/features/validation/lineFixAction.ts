import * as vscode from 'vscode';

/** A replacement inside one line (core/validation/lineFix.ts LineFix, or a key rename or insert). */
export interface LineEdit {
  startCol: number;
  endCol: number;
  newText: string;
}

/** The quick fix that makes `edit` on `line`, for `diagnostic`: one shape for every fix the validator offers. */
export function lineFixAction(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  title: string,
  line: number,
  edit: LineEdit,
  preferred: boolean,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, new vscode.Range(line, edit.startCol, line, edit.endCol), edit.newText);
  return action;
}
