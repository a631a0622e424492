import * as vscode from 'vscode';
import { renameDuplicateId, usedIds } from '../../core/validation/duplicateKeyRename';
import { IssueCode } from '../../core/validation/issueCodes';
import type { Issue } from '../../core/validation/types';
import { lineFixAction } from './lineFixAction';

/**
 * The quick fix of a `duplicate-key` diagnostic: the later line's id becomes one no line of the file uses (see
 * duplicateKeyRename.ts). It is not preferred, and has no "fix all": which of two lines should change is the
 * user's call, and each rename must see the names chosen before it.
 */
export function duplicateKeyAction(
  document: vscode.TextDocument,
  issue: Issue,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction | undefined {
  if (issue.code !== IssueCode.DuplicateKey || issue.line >= document.lineCount) {
    return undefined;
  }
  const field = issue.params.field;
  const rename = renameDuplicateId(document.lineAt(issue.line).text, field, usedIds(document.getText(), field));
  if (!rename) {
    return undefined;
  }
  const title = vscode.l10n.t('Rename this {0} to "{1}"', field, rename.newId);
  return lineFixAction(document, diagnostic, title, issue.line, rename, false);
}
