import type * as vscode from 'vscode';
import type { BatchJob } from '../../core/providers/types';

/** A notice's button labels, localized by the caller (this file stays free of `vscode` values for unit tests). */
export interface NoticeLabels {
  openResults: string;
  showJob: string;
}

/** One notification about a job that ended, as shown (tests observe these instead of scraping the UI). */
export interface JobNotice {
  job: BatchJob;
  severity: 'info' | 'warning';
  message: string;
  actions: string[];
}

/** How a notice reaches the user; injectable so a test host can replace the real notification. */
export type ShowNotice = (notice: JobNotice) => Thenable<string | undefined>;

/** The part of `vscode.window` a notice needs (a unit test passes a fake one). */
export type NoticeWindow = Pick<typeof vscode.window, 'showInformationMessage' | 'showWarningMessage'>;

/**
 * The real notification: a success is information, anything else a warning, with the notice's actions as buttons.
 * Not modal, so the poll loop and the user are never blocked.
 */
export function showNoticeIn(window: NoticeWindow): ShowNotice {
  return (notice) =>
    notice.severity === 'info'
      ? window.showInformationMessage(notice.message, ...notice.actions)
      : window.showWarningMessage(notice.message, ...notice.actions);
}

/** The actions a finished job offers: its results when there are any, and always the job in the tree. */
export function noticeActions(withResults: boolean, labels: NoticeLabels): string[] {
  return withResults ? [labels.openResults, labels.showJob] : [labels.showJob];
}
