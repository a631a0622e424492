import * as vscode from 'vscode';
import { describeJob, formatDuration, type JobView } from '../../core/jobs/jobView';
import type { BatchJob, JobState } from '../../core/providers/types';

/** Words, icons and colours per state; the numbers come from the core's `describeJob`. */
const STATE_LOOK: Record<JobState, { label: string; icon: string; color?: string }> = {
  pending: { label: 'Pending', icon: 'clock', color: 'charts.yellow' },
  running: { label: 'Running', icon: 'sync~spin', color: 'charts.blue' },
  succeeded: { label: 'Succeeded', icon: 'pass', color: 'testing.iconPassed' },
  partially_succeeded: { label: 'Partially succeeded', icon: 'pass', color: 'charts.orange' },
  failed: { label: 'Failed', icon: 'error', color: 'testing.iconFailed' },
  cancelling: { label: 'Cancelling', icon: 'loading~spin', color: 'charts.orange' },
  cancelled: { label: 'Cancelled', icon: 'circle-slash', color: 'disabledForeground' },
  expired: { label: 'Expired', icon: 'warning', color: 'charts.orange' },
  unknown: { label: 'Unknown', icon: 'question' },
};

export function stateLabel(state: JobState): string {
  return STATE_LOOK[state].label;
}

export function stateIcon(state: JobState): vscode.ThemeIcon {
  const look = STATE_LOOK[state];
  return new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
}

/** `12/40 (2 failed)`, or undefined before the service counted. */
export function progressText(view: JobView): string | undefined {
  if (view.total === undefined) { return undefined; }
  return `${view.done ?? 0}/${view.total}${view.failed ? ` (${view.failed} failed)` : ''}`;
}

/** The data of one job's tree item, as the core computes it at `now`. */
export function viewOf(job: BatchJob, now: number): JobView {
  return describeJob(job, now);
}

/**
 * `Running · 12/40 (2 failed) · 4m · 47h 56m left · gemini-2.5-flash`, or `Succeeded · 40/40 · took 1h 02m · …`.
 * What changes comes first and the model last: a narrow side bar cuts the end off.
 */
export function describeLine(job: BatchJob, view: JobView): string {
  const finished = view.group === 'finished';
  return [
    stateLabel(job.state),
    progressText(view),
    view.elapsedMs !== undefined ? `${finished ? 'took ' : ''}${formatDuration(view.elapsedMs)}` : undefined,
    view.expiresInMs !== undefined ? (view.expiresInMs > 0 ? `${formatDuration(view.expiresInMs)} left` : 'overdue') : undefined,
    job.model?.replace(/^models\//, ''),
  ].filter((part) => part !== undefined).join(' · ');
}
