import * as vscode from 'vscode';
import type { Issue } from '../../core/validation/types';
import { DIAGNOSTIC_SOURCE } from './issueDiagnostics';
import { quickFixFor } from './quickFixEdits';
import type { ValidationController } from './validationController';

/** Diagnostics come back to the provider as copies: find the issue they were made from by code and range. */
function issueFor(issues: readonly Issue[], diagnostic: vscode.Diagnostic): Issue | undefined {
  const r = diagnostic.range;
  return issues.find((i) => i.code === diagnostic.code && i.line === r.start.line && i.startCol === r.start.character
    && i.endLine === r.end.line && i.endCol === r.end.character);
}

/** Quick fixes for the validation diagnostics that have one safe edit (see quickFixEdits.ts). */
export function registerQuickFixes(controller: ValidationController): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'jsonl' }, {
    provideCodeActions(document, _range, context) {
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      if (ours.length === 0) {
        return undefined;
      }
      const issues = controller.issues(document.uri);
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of ours) {
        const issue = issueFor(issues, diagnostic);
        const fix = issue ? quickFixFor(document.lineAt(issue.line).text, issue) : undefined;
        if (!issue || !fix) {
          continue;
        }
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, new vscode.Range(issue.line, fix.startCol, issue.line, fix.endCol), fix.newText);
        actions.push(action);
      }
      return actions;
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}
