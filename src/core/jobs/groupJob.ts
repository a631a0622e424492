import { isTerminal, type BatchJob, type JobProgress, type JobState } from '../providers/types';

/**
 * The job a group of split parts reads as on its row: the parts run as separate jobs (submitParts.ts), and the row of
 * the group stood for its first part alone, so a group whose first part had ended read "Succeeded" while its other
 * parts still ran (and its time was that part's). Here the group is still running while any part is, and when all
 * have ended it says the worst of their outcomes; its counts are the parts' sums and its time runs from the first
 * creation to the last end. Names, files and the rest stay the first part's (the row's actions act on it).
 */

/** While parts run, the group is as far as the furthest part: one running makes it running. */
const ACTIVE: readonly JobState[] = ['running', 'pending', 'cancelling', 'unknown'];

function sum(values: (number | undefined)[]): number | undefined {
  return values.some((v) => v !== undefined) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : undefined;
}

function progressOf(jobs: readonly BatchJob[]): JobProgress {
  const keys: (keyof JobProgress)[] = ['total', 'succeeded', 'failed', 'pending'];
  const progress: JobProgress = {};
  for (const key of keys) {
    const value = sum(jobs.map((j) => j.progress[key]));
    if (value !== undefined) {
      progress[key] = value;
    }
  }
  return progress;
}

/** The group's state once every part has ended: one outcome shared by all, else what a mix of them amounts to. */
function endedState(states: readonly JobState[]): JobState {
  if (states.every((s) => s === states[0])) {
    return states[0];
  }
  if (states.some((s) => s === 'succeeded' || s === 'partially_succeeded')) {
    return 'partially_succeeded';
  }
  return (['failed', 'expired', 'cancelled'] as const).find((s) => states.includes(s)) ?? states[0];
}

function timeBound(times: (string | undefined)[], pick: 'first' | 'last'): string | undefined {
  const known = times.filter((t): t is string => !!t).sort();
  return pick === 'first' ? known[0] : known[known.length - 1];
}

/** `first` as the row of its group with the later `parts` (none: `first` itself). */
export function groupJob(first: BatchJob, parts: readonly BatchJob[]): BatchJob {
  if (parts.length === 0) {
    return first;
  }
  const all = [first, ...parts];
  const running = all.filter((j) => !isTerminal(j.state));
  const state = running.length
    ? (ACTIVE.find((s) => running.some((j) => j.state === s)) ?? running[0].state)
    : endedState(all.map((j) => j.state));
  // The service's own words and reasons of a part in that state (a failed part's error, not the first part's none).
  const speaker = all.find((j) => j.state === state) ?? first;
  return {
    ...first,
    state,
    rawState: speaker.rawState,
    error: speaker.error,
    progress: progressOf(all),
    createTime: timeBound(
      all.map((j) => j.createTime),
      'first',
    ),
    updateTime: timeBound(
      all.map((j) => j.updateTime),
      'last',
    ),
    endTime: running.length
      ? undefined
      : timeBound(
          all.map((j) => j.endTime),
          'last',
        ),
  };
}
