import * as path from 'path';
import * as vscode from 'vscode';
import type { RetryFileResult } from '../../core/results/retryFile';

const count = (n: number): string => n.toLocaleString('en-US');

function retryQuestion(lines: number, label: string, files: number): string {
  if (files > 1) {
    return vscode.l10n.t(
      'Retry {0} lines of "{1}" as {2} batch jobs (one file would be over the provider\'s limits)?',
      count(lines),
      label,
      files,
    );
  }
  return lines === 1
    ? vscode.l10n.t('Retry 1 line of "{0}" as a new batch job?', label)
    : vscode.l10n.t('Retry {0} lines of "{1}" as a new batch job?', count(lines), label);
}

/** What a retry sends again and why, and where its lines are: the question and its detail. */
export function retryWords(
  plan: RetryFileResult,
  label: string,
  files: readonly string[],
): { question: string; detail: string } {
  const parts = [
    plan.failed && vscode.l10n.t('{0} failed', count(plan.failed)),
    plan.noAnswer && vscode.l10n.t('{0} had no answer (blocked, or out of tokens)', count(plan.noAnswer)),
    plan.missing && vscode.l10n.t('{0} had no result', count(plan.missing)),
  ].filter(Boolean);
  return {
    question: retryQuestion(plan.indices.length, label, files.length),
    detail: [
      vscode.l10n.t(
        '{0}; {1} succeeded and are not sent again. The lines are in {2}.',
        parts.join(', '),
        count(plan.succeeded),
        files.map((f) => path.basename(f)).join(', '),
      ),
      ...(plan.needsFix
        ? [
            vscode.l10n.t(
              '{0} of them failed with an error that a retry does not fix (such as INVALID_ARGUMENT) and fail again unless fixed: to fix them first, cancel, edit {1}, then submit it.',
              count(plan.needsFix),
              path.basename(plan.path!),
            ),
          ]
        : []),
      ...(plan.blocked
        ? [
            vscode.l10n.t(
              '{0} of them were blocked by a safety or policy filter and will likely be blocked again unless the prompt or the safety settings change.',
              count(plan.blocked),
            ),
          ]
        : []),
    ].join(' '),
  };
}

/** The modal question before a retry is submitted, when no cost can be asked with it (no model known yet). */
export async function confirmRetry(plan: RetryFileResult, label: string, files: readonly string[]): Promise<boolean> {
  const { question, detail } = retryWords(plan, label, files);
  const submit = vscode.l10n.t('Submit');
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, submit)) === submit;
}
