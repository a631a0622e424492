import * as vscode from 'vscode';
import { messageFor } from '../../core/validation';
import type { Issue, RelatedSpan, Severity } from '../../core/validation/types';

export const DIAGNOSTIC_SOURCE = 'gemini-batch';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Words for the role of a related place; the core only names the role. */
function relatedMessage(related: RelatedSpan): string {
  switch (related.role) {
    case 'firstOccurrence':
      return vscode.l10n.t('First used here.');
    default:
      return related.role;
  }
}

export function issueRange(span: { line: number; startCol: number; endLine: number; endCol: number }): vscode.Range {
  return new vscode.Range(span.line, span.startCol, span.endLine, span.endCol);
}

/** One core Issue as a Problems-panel entry for `uri`. */
export function toDiagnostic(uri: vscode.Uri, issue: Issue): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(issueRange(issue), messageFor(issue), SEVERITY[issue.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = issue.code;
  if (issue.related && issue.related.length > 0) {
    diagnostic.relatedInformation = issue.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, issueRange(r)), relatedMessage(r)),
    );
  }
  return diagnostic;
}

/**
 * The diagnostics for a list of issues, at most `max` of them. When some are left out, one more information entry on
 * the first line says so (with the total when it is known), so the cap is never silent.
 */
export function toDiagnostics(
  uri: vscode.Uri,
  issues: readonly Issue[],
  max: number,
  total?: number,
): vscode.Diagnostic[] {
  const shown = issues.slice(0, max).map((issue) => toDiagnostic(uri, issue));
  const hidden = (total ?? issues.length) > shown.length;
  if (hidden) {
    const summary = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, 0),
      total !== undefined
        ? vscode.l10n.t(
            'Showing the first {0} of {1} problems; raise geminiBatch.validation.maxProblems to see more.',
            shown.length,
            total,
          )
        : vscode.l10n.t(
            'Showing the first {0} problems; raise geminiBatch.validation.maxProblems to see more.',
            shown.length,
          ),
      vscode.DiagnosticSeverity.Information,
    );
    summary.source = DIAGNOSTIC_SOURCE;
    summary.code = 'more-problems';
    shown.push(summary);
  }
  return shown;
}
