import * as path from 'path';
import * as vscode from 'vscode';
import { succeededSubmission } from '../../core/jobs/submitHistory';
import type { JobsFeature } from '../jobs/registerJobs';

function when(iso: string | undefined): string {
  const ms = Date.parse(iso ?? '');
  if (!Number.isFinite(ms)) {
    return vscode.l10n.t('an unknown date');
  }
  try {
    return new Date(ms).toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return new Date(ms).toISOString();
  }
}

/**
 * Before an interactive submit of a file that already has a succeeded job: "This file was submitted on … as job …,
 * which succeeded. Submit again?" A second batch of the same requests is billed again. Resolves true to go on (no
 * such job, or the user said so). Scripted submits never ask (the caller decides).
 */
export async function confirmResubmit(jobs: JobsFeature, uri: vscode.Uri): Promise<boolean> {
  const previous = succeededSubmission(jobs.model.records.all(), uri.fsPath, (name) => jobs.model.get(name)?.state);
  if (!previous) {
    return true;
  }
  const again = vscode.l10n.t('Submit Again');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'This file was submitted on {0} as job {1}, which succeeded. Submit again?',
      when(previous.createdAt),
      previous.displayName ? `"${previous.displayName}" (${previous.jobName})` : previous.jobName,
    ),
    {
      modal: true,
      detail: vscode.l10n.t(
        'A second batch of {0} is billed again; its results are in the first job.',
        path.basename(uri.fsPath),
      ),
    },
    again,
  );
  return answer === again;
}
