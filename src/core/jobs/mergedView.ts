import { countText, type JobOutcome, type JobView } from './jobView';

/**
 * What a job's requests came to across it and its follow-ups ("Retry Failed Lines") or, for a group of split parts,
 * across its parts, as the last merge of their results counted them (features/results/attempts.ts). Kept on the
 * original job's (the first part's) record.
 */
export interface MergedTally {
  requests: number;
  succeeded: number;
  /**
   * Responses without a usable answer in every attempt (noAnswer.ts), counted apart from failures as everywhere else.
   * Absent on tallies written before it was counted: those counted such lines in `failed`.
   */
  noAnswer?: number;
  /** Failed in every attempt, or never answered (missing from every results file). */
  failed: number;
  /** Requests answered by a retry ("Retry Failed Lines"); a later part of a group is no retry. */
  fromRetries: number;
  /**
   * Whether a retry took part: a group of parts none of which was retried is not, and no "retry" word is said of it.
   * Absent on tallies written before parts were told from retries: those are read as retried.
   */
  retried?: boolean;
}

/** Whether the tally's words speak of retries. */
function wasRetried(merged: MergedTally): boolean {
  return merged.retried ?? true;
}

/** A merge with failed requests: some answered, or none. */
function outcomeOf(succeeded: number): JobOutcome {
  return succeeded > 0 ? 'someFailed' : 'allFailed';
}

/**
 * The original job's row once its follow-ups' merge is written: the service's counts of the first attempt would keep
 * showing failures that a retry answered (a "⚠ 4/30 failed" beside results that say all 30 succeeded). Only a
 * finished job is redrawn; its outcome, icon and counts become the merge's.
 */
export function withMerge(view: JobView, merged: MergedTally | undefined): JobView {
  if (!merged || view.group !== 'finished') {
    return view;
  }
  const { requests, succeeded, failed } = merged;
  const outcome = failed === 0 ? undefined : outcomeOf(succeeded);
  const noAnswer = merged.noAnswer ?? 0;
  return {
    ...view,
    outcome,
    stateIcon: outcome ?? 'succeeded',
    done: succeeded + noAnswer + failed,
    total: requests,
    failed,
    merged,
    tooltipRows: [...view.tooltipRows, [wasRetried(merged) ? 'After retries' : 'All parts', mergedText(merged)]],
  };
}

/**
 * `30/30 succeeded (4 by a retry)`, or `2/30 failed after retries`; responses without an answer are named apart
 * (`28/30 succeeded (4 by a retry), 2 without an answer`), never as failures. A group of parts that no retry took part
 * in says its totals only (`5,000/5,000 succeeded`, `2/30 failed`): its later parts are no retries.
 */
export function mergedText(merged: MergedTally): string {
  const { requests, succeeded, failed, fromRetries } = merged;
  const retried = wasRetried(merged);
  const noAnswer = merged.noAnswer ? `, ${countText(merged.noAnswer)} without an answer` : '';
  if (failed > 0) {
    return `${countText(failed)}/${countText(requests)} failed${retried ? ' after retries' : ''}${noAnswer}`;
  }
  const byRetry = retried ? ` (${countText(fromRetries)} by a retry)` : '';
  return `${countText(succeeded)}/${countText(requests)} succeeded${byRetry}${noAnswer}`;
}
