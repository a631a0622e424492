import * as vscode from 'vscode';
import { describeJob, type JobView } from '../../core/jobs/jobView';
import { rowDescription } from '../../core/jobs/jobRow';
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

/** The data of one job's tree item, as the core computes it at `now`. */
export function viewOf(job: BatchJob, now: number): JobView {
  return describeJob(job, now);
}

/** The row's description: the state first, then what moves (see the core's rowDescription). */
export function describeLine(job: BatchJob, view: JobView): string {
  return rowDescription(stateLabel(job.state), view, job.model);
}
