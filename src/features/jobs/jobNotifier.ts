import * as vscode from 'vscode';
import type { BatchJob } from '../../core/providers/types';
import type { JobsModel } from './jobsModel';
import { countText } from '../../core/jobs/jobView';
import { progressText } from '../../core/jobs/jobRow';
import { codeText, jobProblems, moreCount, shortText } from '../../core/jobs/jobProblems';
import type { Log } from '../../adapters/log';
import { problemReason } from './jobProblemItems';
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
    private readonly log: Pick<Log, 'warn'>,
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
    if (job.error && (job.state === 'failed' || job.state === 'expired')) {
      // The full text, every line: the notice quotes only the start of it.
      const code = codeText(job.error.code);
      this.log.warn(`[jobs] ${job.name} ${job.state}: ${code ? `${code}: ` : ''}${job.error.message ?? ''}`);
    }
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
 * `Batch job "x" succeeded (50,000/50,000).` or `… cancelled (10/40 · 2 failed).`; a failed or expired job adds why,
 * shortened: `Batch job "x" failed (3/5): Rehearsed failure… (+2 more)`.
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
  const reason = reasonText(job);
  if (reason) {
    return progress
      ? vscode.l10n.t('Batch job "{0}" {1} ({2}): {3}', name, state, progress, reason)
      : vscode.l10n.t('Batch job "{0}" {1}: {2}', name, state, reason);
  }
  return progress
    ? vscode.l10n.t('Batch job "{0}" {1} ({2}).', name, state, progress)
    : vscode.l10n.t('Batch job "{0}" {1}.', name, state);
}

/** The first reason a failed or expired job gives, shortened, with how many more the tree lists under the job. */
function reasonText(job: BatchJob): string | undefined {
  const problems = jobProblems(job);
  if (problems.length === 0) {
    return undefined;
  }
  const first = shortText(problemReason(problems[0]));
  const more = moreCount(problems);
  return more > 0 ? vscode.l10n.t('{0} (+{1} more)', first, countText(more)) : first;
}
