import * as vscode from 'vscode';
import type { BatchJob } from '../../core/providers/types';
import type { JobsModel } from './jobsModel';
import { countText } from '../../core/jobs/jobView';
import { progressText } from '../../core/jobs/jobRow';
import { shownState, viewOf } from './jobPresentation';
import { hasResults } from './jobTreeItems';
import { noticeActions, showNoticeIn, type JobNotice, type NoticeLabels, type ShowNotice } from './showNotice';

export type { JobNotice, ShowNotice } from './showNotice';

/**
 * Tells the user when a watched job ends (the model only reports transitions seen by polling), with
 * "Open Results" when there are results and "Show Job" to reveal it in the tree. Only a job whose every request
 * succeeded is told as information; one with failed requests is a warning that leads with them.
 */
export class JobNotifier implements vscode.Disposable {
  private readonly notified = new vscode.EventEmitter<JobNotice>();
  readonly onDidNotify = this.notified.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    model: JobsModel,
    private readonly show: ShowNotice = showNoticeIn(vscode.window),
  ) {
    this.subscription = model.onDidFinishJob((job) => this.notify(job, hasResults(job, model.records.get(job.name))));
  }

  dispose(): void {
    this.subscription.dispose();
    this.notified.dispose();
  }

  private notify(job: BatchJob, withResults: boolean): void {
    const view = viewOf(job, Date.now());
    // The clicked button comes back as its localized label, so it is compared with the same strings.
    const labels: NoticeLabels = { openResults: vscode.l10n.t('Open Results'), showJob: vscode.l10n.t('Show Job') };
    const notice: JobNotice = {
      job,
      severity: job.state === 'succeeded' && !view.failed ? 'info' : 'warning',
      message: endMessage(job, view),
      actions: noticeActions(withResults, labels),
    };
    this.notified.fire(notice);
    // Not awaited: the poll loop must not wait for the user.
    void this.show(notice).then((choice) => {
      if (choice === labels.openResults) {
        void vscode.commands.executeCommand('geminiBatch.job.openResults', job.name);
      }
      if (choice === labels.showJob) {
        void vscode.commands.executeCommand('geminiBatch.job.show', job.name);
      }
    });
  }
}

/**
 * `Batch job "x" completed: 2 of 2 requests failed.` when requests failed in a job that ended well, else
 * `Batch job "x" succeeded (50,000/50,000).` or `… cancelled (10/40 · 2 failed).`
 */
function endMessage(job: BatchJob, view: ReturnType<typeof viewOf>): string {
  const name = job.displayName || job.name;
  const state = shownState(job, view).toLowerCase();
  if (view.outcome && view.failed && view.total !== undefined) {
    return vscode.l10n.t(
      'Batch job "{0}" {1}: {2} of {3} requests failed.',
      name,
      state,
      countText(view.failed),
      countText(view.total),
    );
  }
  const progress = progressText(view);
  return progress
    ? vscode.l10n.t('Batch job "{0}" {1} ({2}).', name, state, progress)
    : vscode.l10n.t('Batch job "{0}" {1}.', name, state);
}
