import * as vscode from 'vscode';
import { describeJob, type JobView, type StateIcon } from '../../core/jobs/jobView';
import { rowDescription } from '../../core/jobs/jobRow';
import type { BatchJob, JobState } from '../../core/providers/types';

/**
 * Icons and colours per state, and per outcome of a job that ended with failed requests (never the green ✓ of a
 * success); the numbers come from the core's `describeJob`.
 */
const STATE_LOOK: Record<StateIcon, { icon: string; color?: string }> = {
  pending: { icon: 'clock', color: 'charts.yellow' },
  running: { icon: 'sync~spin', color: 'charts.blue' },
  succeeded: { icon: 'pass', color: 'testing.iconPassed' },
  partially_succeeded: { icon: 'pass', color: 'charts.orange' },
  failed: { icon: 'error', color: 'testing.iconFailed' },
  cancelling: { icon: 'loading~spin', color: 'charts.orange' },
  cancelled: { icon: 'circle-slash', color: 'disabledForeground' },
  expired: { icon: 'warning', color: 'charts.orange' },
  unknown: { icon: 'question' },
  someFailed: { icon: 'warning', color: 'list.warningForeground' },
  allFailed: { icon: 'error', color: 'testing.iconFailed' },
};

/** The state's words, looked up on each call (not at load) so they follow the display language's bundle. */
export function stateLabel(state: JobState): string {
  const labels: Record<JobState, string> = {
    pending: vscode.l10n.t('Pending'),
    running: vscode.l10n.t('Running'),
    succeeded: vscode.l10n.t('Succeeded'),
    partially_succeeded: vscode.l10n.t('Partially succeeded'),
    failed: vscode.l10n.t('Failed'),
    cancelling: vscode.l10n.t('Cancelling'),
    cancelled: vscode.l10n.t('Cancelled'),
    expired: vscode.l10n.t('Expired'),
    unknown: vscode.l10n.t('Unknown'),
  };
  return labels[state];
}

/**
 * The state's words for a job as the tree and the end-of-job notice show it: a job the service calls succeeded but
 * whose requests failed is "Completed" (OpenAI's own word for that status), never "Succeeded".
 */
export function shownState(job: BatchJob, view: JobView): string {
  return view.outcome && job.state === 'succeeded' ? vscode.l10n.t('Completed') : stateLabel(job.state);
}

export function stateIcon(state: StateIcon): vscode.ThemeIcon {
  const look = STATE_LOOK[state];
  return new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
}

/** The data of one job's tree item, as the core computes it at `now`. */
export function viewOf(job: BatchJob, now: number): JobView {
  return describeJob(job, now);
}

/** The row's description: the state first, then what moves (see the core's rowDescription). */
export function describeLine(job: BatchJob, view: JobView): string {
  return rowDescription(shownState(job, view), view, job.model);
}
