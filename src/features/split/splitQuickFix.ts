import * as vscode from 'vscode';
import { IssueCode } from '../../core/validation';
import { DIAGNOSTIC_SOURCE } from '../validation/issueDiagnostics';
import { SPLIT_COMMAND } from './splitCommand';

/** The diagnostics a split resolves: the file is over its provider's size or request cap. */
const SPLITTABLE: ReadonlySet<string> = new Set([IssueCode.FileTooLarge, IssueCode.TooManyLines]);

/**
 * "Split into Parts" on a file-too-large or too-many-lines diagnostic: runs {@link SPLIT_COMMAND} on the document's
 * file. A command, not an edit: the parts are new files and the original stays as it is.
 */
export function registerSplitQuickFix(): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'jsonl' }, {
    provideCodeActions(document, _range, context) {
      const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && SPLITTABLE.has(String(d.code)));
      if (diagnostics.length === 0 || document.uri.scheme !== 'file') { return undefined; }
      const action = new vscode.CodeAction('Split into Parts', vscode.CodeActionKind.QuickFix);
      action.diagnostics = diagnostics;
      action.isPreferred = true;
      action.command = { command: SPLIT_COMMAND, title: 'Split into Parts', arguments: [document.uri] };
      return [action];
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}
