import * as vscode from 'vscode';
import { usedIds } from '../../core/validation/duplicateKeyRename';
import { insertMissingId, missingIdField } from '../../core/validation/missingIdInsert';
import type { Issue } from '../../core/validation/types';
import { lineFixAction } from './lineFixAction';

/**
 * The quick fix of a line without its id (a Gemini `missing-key` warning, an OpenAI line missing `custom_id`): it
 * inserts an id no line of the file uses (see missingIdInsert.ts). No "fix all": each new id must see the ones chosen
 * before it, as with duplicateKeyAction.ts.
 */
export function missingIdAction(
  document: vscode.TextDocument,
  issue: Issue,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction | undefined {
  const field = missingIdField(issue);
  if (field === undefined || issue.line >= document.lineCount) {
    return undefined;
  }
  const insert = insertMissingId(
    document.lineAt(issue.line).text,
    field,
    issue.line,
    usedIds(document.getText(), field),
  );
  if (!insert) {
    return undefined;
  }
  const title = vscode.l10n.t('Add "{0}": "{1}"', field, insert.newId);
  return lineFixAction(document, diagnostic, title, issue.line, insert, true);
}
