import * as vscode from 'vscode';
import { jobProblems, type JobProblem } from '../../core/jobs/jobProblems';
import type { BatchJob } from '../../core/providers/types';
import { ProblemNode, type JobNode } from './jobTreeItems';

/**
 * The words of a problem, as the row under a failed or expired job shows it and as the end-of-job notice quotes it:
 * the service's own text where it gave one, else what the job's state means on its API (reference batch-api.md).
 */
export function problemText(problem: JobProblem): string {
  switch (problem.kind) {
    case 'error':
      return problem.message;
    case 'more':
      return vscode.l10n.t('{0} more errors', problem.count.toLocaleString('en-US'));
    case 'expired':
      return problem.api === 'openai'
        ? vscode.l10n.t(
            'Not finished within its completion window: its unfinished requests were cancelled (batch_expired), the finished ones kept.',
          )
        : vscode.l10n.t('Pending or running for more than 48 h: the service expired it, with no results to retrieve.');
    case 'noReason':
      return vscode.l10n.t('The service gave no reason.');
  }
}

/** `line 3: Missing custom_id`: the text a notice quotes, with the input line it is about. */
export function problemReason(problem: JobProblem): string {
  const text = problemText(problem);
  return problem.kind === 'error' && problem.line !== undefined
    ? vscode.l10n.t('line {0}: {1}', String(problem.line), text)
    : text;
}

/**
 * A row like the Problems view's: the message as the label, where it is (`line 3`) and its code after it, the full
 * text on hover. An error of a failed job is red; an expired job's reason is a warning, as the job's own icon.
 */
export function problemItem(problem: JobProblem, id: string, severity: 'error' | 'warning'): vscode.TreeItem {
  const text = problemText(problem);
  const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  const where =
    problem.kind === 'error' && problem.line !== undefined
      ? vscode.l10n.t('line {0}', String(problem.line))
      : undefined;
  const code = problem.kind === 'error' ? problem.code : undefined;
  item.description = [where, code].filter((part) => part !== undefined).join(' · ');
  item.tooltip = [where ? `${where}: ${text}` : text, code].filter((part) => part !== undefined).join('\n');
  item.contextValue = 'problem';
  item.iconPath = problemIcon(problem, severity);
  return item;
}

function problemIcon(problem: JobProblem, severity: 'error' | 'warning'): vscode.ThemeIcon {
  if (problem.kind === 'more') {
    return new vscode.ThemeIcon('ellipsis');
  }
  return severity === 'error'
    ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
    : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
}

/** The rows under a job: none unless it failed or expired (jobProblems), warnings for an expired one. */
export function problemNodes(node: JobNode, job: BatchJob | undefined): ProblemNode[] {
  const severity = job?.state === 'expired' ? 'warning' : 'error';
  return job ? jobProblems(job).map((problem, i) => new ProblemNode(node, i, problem, severity)) : [];
}
