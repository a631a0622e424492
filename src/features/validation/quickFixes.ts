import * as vscode from 'vscode';
import type { Issue } from '../../core/validation/types';
import { fixAllInLine, fixKind, issuesByLine } from './fixAllEdits';
import { duplicateKeyAction } from './duplicateKeyAction';
import { missingIdAction } from './missingIdAction';
import { DIAGNOSTIC_SOURCE } from './issueDiagnostics';
import { quickFixFor } from '../../core/validation/quickFixEdits';
import type { ValidationController } from './validationController';
import { lineFixAction } from './lineFixAction';

/** Diagnostics come back to the provider as copies: find the issue they were made from by code and range. */
function issueFor(issues: readonly Issue[], diagnostic: vscode.Diagnostic): Issue | undefined {
  const r = diagnostic.range;
  return issues.find(
    (i) =>
      i.code === diagnostic.code &&
      i.line === r.start.line &&
      i.startCol === r.start.character &&
      i.endLine === r.end.line &&
      i.endCol === r.end.character,
  );
}

/** "Fix all of this kind in the file": its edit is computed only when chosen (a file can hold many lines to fix). */
class FixAllAction extends vscode.CodeAction {
  constructor(
    readonly document: vscode.TextDocument,
    readonly fixKind: string,
    diagnostic: vscode.Diagnostic,
    count: number,
  ) {
    super(vscode.l10n.t('Fix all of this kind in the file ({0})', count), vscode.CodeActionKind.QuickFix);
    this.diagnostics = [diagnostic];
  }
}

/** One WorkspaceEdit that fixes every issue of one `kind` (fixAllEdits.ts) in the document: one replacement per line. */
function fixAllEdit(document: vscode.TextDocument, issues: readonly Issue[], kind: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const [line, group] of issuesByLine(issues, kind)) {
    if (line >= document.lineCount) {
      continue;
    }
    const fix = fixAllInLine(document.lineAt(line).text, group);
    if (fix) {
      edit.replace(document.uri, new vscode.Range(line, fix.startCol, line, fix.endCol), fix.newText);
    }
  }
  return edit;
}

/**
 * Quick fixes for the validation diagnostics that have one safe edit (see quickFixEdits.ts), and for each of them,
 * when the document holds more than one issue of that kind (fixAllEdits.ts `fixKind`), a second action that fixes them all.
 */
export function registerQuickFixes(controller: ValidationController): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: 'jsonl' },
    {
      provideCodeActions(document, _range, context) {
        const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
        if (ours.length === 0) {
          return undefined;
        }
        const issues = controller.issues(document.uri);
        const actions: vscode.CodeAction[] = [];
        const counts = new Map<string, number>();
        for (const issue of issues) {
          const kind = fixKind(issue);
          counts.set(kind, (counts.get(kind) ?? 0) + 1);
        }
        for (const diagnostic of ours) {
          const issue = issueFor(issues, diagnostic);
          const renamed = issue
            ? (duplicateKeyAction(document, issue, diagnostic) ?? missingIdAction(document, issue, diagnostic))
            : undefined;
          if (renamed) {
            actions.push(renamed);
            continue;
          }
          const fix = issue ? quickFixFor(document.lineAt(issue.line).text, issue) : undefined;
          if (!issue || !fix) {
            continue;
          }
          actions.push(lineFixAction(document, diagnostic, fix.title, issue.line, fix, true));
          const kind = fixKind(issue);
          const count = counts.get(kind) ?? 0;
          if (count > 1) {
            actions.push(new FixAllAction(document, kind, diagnostic, count));
          }
        }
        return actions;
      },
      resolveCodeAction(action) {
        if (action instanceof FixAllAction) {
          action.edit = fixAllEdit(action.document, controller.issues(action.document.uri), action.fixKind);
        }
        return action;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
