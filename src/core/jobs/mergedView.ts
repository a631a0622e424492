import { countText, type JobOutcome, type JobView } from './jobView';

/**
 * What a job's requests came to across it and its follow-ups ("Retry Failed Lines"), as the last merge of their
 * results counted them (features/results/attempts.ts). Kept on the original job's record.
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
  /** Requests answered by a retry (attempt ≥ 1). */
  fromRetries: number;
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
    tooltipRows: [...view.tooltipRows, ['After retries', mergedText(merged)]],
  };
}

/**
 * `30/30 succeeded (4 by a retry)`, or `2/30 failed after retries`; responses without an answer are named apart
 * (`28/30 succeeded (4 by a retry), 2 without an answer`), never as failures.
 */
export function mergedText(merged: MergedTally): string {
  const { requests, succeeded, failed, fromRetries } = merged;
  const noAnswer = merged.noAnswer ? `, ${countText(merged.noAnswer)} without an answer` : '';
  return failed > 0
    ? `${countText(failed)}/${countText(requests)} failed after retries${noAnswer}`
    : `${countText(succeeded)}/${countText(requests)} succeeded (${countText(fromRetries)} by a retry)${noAnswer}`;
}
