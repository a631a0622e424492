import * as vscode from 'vscode';
import { countText } from '../../core/jobs/jobView';
import type { ResultSummary } from '../../core/jobs/results';
import type { MergedCounts } from '../../core/results/mergedJoin';

/** "38 succeeded, 2 failed (RESOURCE_EXHAUSTED: 2)", then "1 without an answer (SAFETY: 1)." when some were. */
export function summaryText(summary: ResultSummary): string {
  const byCount = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([code, n]) => `${code}: ${countText(n)}`)
      .join(', ');
  const codes = byCount(summary.byErrorCode);
  const noAnswer = summary.noAnswer
    ? ` ${vscode.l10n.t('{0} without an answer ({1}).', countText(summary.noAnswer), byCount(summary.byNoAnswerReason))}`
    : '';
  return codesText(summary, codes) + noAnswer;
}

function codesText(summary: ResultSummary, codes: string): string {
  return codes
    ? vscode.l10n.t(
        '{0} results: {1} succeeded, {2} failed ({3}).',
        countText(summary.total),
        countText(summary.succeeded),
        countText(summary.failed),
        codes,
      )
    : vscode.l10n.t(
        '{0} results: {1} succeeded, {2} failed.',
        countText(summary.total),
        countText(summary.succeeded),
        countText(summary.failed),
      );
}

/**
 * "40 requests, retries included: all succeeded (6 by a retry).", and what has no answer and what failed or has no
 * result. A response without an answer is named apart, as the summary above and the results view do, never as failed.
 * A group of parts no retry took part in says its totals with no retry words ("5,000 requests in all parts: all
 * succeeded."). Whole sentences per case, so a translation can order them its own way.
 */
export function mergedText(counts: MergedCounts): string {
  return counts.retried ? retriedText(counts) : partsText(counts);
}

function retriedText(counts: MergedCounts): string {
  const failed = countText(counts.failed + counts.missing);
  const noAnswer = countText(counts.noAnswer);
  const [requests, succeeded, retried] = [counts.requests, counts.succeeded, counts.fromRetries].map(countText);
  if (counts.noAnswer > 0 && counts.failed + counts.missing > 0) {
    return vscode.l10n.t(
      '{0} requests, retries included: {1} succeeded ({2} by a retry), {3} without an answer, {4} failed or have no result.',
      requests,
      succeeded,
      retried,
      noAnswer,
      failed,
    );
  }
  if (counts.noAnswer > 0) {
    return vscode.l10n.t(
      '{0} requests, retries included: {1} succeeded ({2} by a retry), {3} without an answer.',
      requests,
      succeeded,
      retried,
      noAnswer,
    );
  }
  return counts.failed + counts.missing > 0
    ? vscode.l10n.t(
        '{0} requests, retries included: {1} succeeded ({2} by a retry), {3} failed or have no result.',
        requests,
        succeeded,
        retried,
        failed,
      )
    : vscode.l10n.t('{0} requests, retries included: all succeeded ({1} by a retry).', requests, retried);
}

/** The same sentences for a group of split parts none of which was retried: its later parts are no retries. */
function partsText(counts: MergedCounts): string {
  const failed = countText(counts.failed + counts.missing);
  const [requests, succeeded, noAnswer] = [counts.requests, counts.succeeded, counts.noAnswer].map(countText);
  if (counts.noAnswer > 0 && counts.failed + counts.missing > 0) {
    return vscode.l10n.t(
      '{0} requests in all parts: {1} succeeded, {2} without an answer, {3} failed or have no result.',
      requests,
      succeeded,
      noAnswer,
      failed,
    );
  }
  if (counts.noAnswer > 0) {
    return vscode.l10n.t(
      '{0} requests in all parts: {1} succeeded, {2} without an answer.',
      requests,
      succeeded,
      noAnswer,
    );
  }
  return counts.failed + counts.missing > 0
    ? vscode.l10n.t(
        '{0} requests in all parts: {1} succeeded, {2} failed or have no result.',
        requests,
        succeeded,
        failed,
      )
    : vscode.l10n.t('{0} requests in all parts: all succeeded.', requests);
}
