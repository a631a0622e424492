import { mergedText } from './mergedView';
import { countText, formatDuration, type JobView } from './jobView';

/**
 * The longest job label a tree row shows in full. At the default side bar width (about 300 px) the icon, this many
 * characters and a short state (`Running · 12/40`) fit; a longer name would push the state out of sight, and the
 * state is what the row is for. The full name is in the tooltip.
 */
export const ROW_LABEL_MAX = 28;

/** `nightly-eval-2026-03-…-run-07`: a long name keeps its start and its end (where dates and counters differ). */
export function rowLabel(label: string, max = ROW_LABEL_MAX): string {
  const chars = Array.from(label);
  if (chars.length <= max) {
    return label;
  }
  const tail = Math.floor((max - 1) / 3);
  return `${chars.slice(0, max - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/**
 * `big-openai (2 parts)`: the row of a group of split parts ("Submit All Parts"), whose jobs are named
 * `<name> · part i/n` (features/submit/submitParts.ts); the parts are rows under it.
 */
export function groupLabel(firstPartName: string, parts: number): string {
  return `${groupName(firstPartName)} (${countText(parts)} parts)`;
}

/** `big-openai` for the first part `big-openai · part 1/2`: the name the user gave the group. */
export function groupName(firstPartName: string): string {
  return firstPartName.replace(/ · part 1\/\d+$/, '');
}

/**
 * `expires in 47h 56m`, or `overdue`. "47h left" read like an estimate of when the job ends; this is the deadline
 * after which the service expires an unfinished job.
 */
export function expiryText(expiresInMs: number): string {
  return expiresInMs > 0 ? `expires in ${formatDuration(expiresInMs)}` : 'overdue';
}

/**
 * `12/40 · 2 failed`, or undefined before the service counted. No parentheses: the text is itself put in parentheses
 * (the end-of-job notice), and counts are grouped by thousands.
 */
export function progressText(view: JobView): string | undefined {
  if (view.total === undefined) {
    return undefined;
  }
  const progress = `${countText(view.done ?? 0)}/${countText(view.total)}`;
  return view.failed ? `${progress} · ${countText(view.failed)} failed` : progress;
}

/** `2/2 failed`: for a job that ended well with failed requests (its outcome), else undefined. */
export function failureText(view: JobView): string | undefined {
  if (!view.outcome || !view.failed) {
    return undefined;
  }
  const failed = countText(view.failed);
  return view.total === undefined ? `${failed} failed` : `${failed}/${countText(view.total)} failed`;
}

/**
 * Whether the merge's text (`30/30 succeeded (4 by a retry)`) already says the state: a job the service calls
 * succeeded whose requests all succeeded or have no answer after retries. Any other state (partially succeeded,
 * expired, cancelled…) still tells something the counts do not.
 */
function mergeSaysState(view: JobView): boolean {
  return view.merged?.failed === 0 && view.state === 'succeeded';
}

/**
 * `Running · 12/40 · 2 failed · 4m · expires in 47h 56m · gemini-2.5-flash`, or `Succeeded · 40/40 · took 1h 02m · …`.
 * The state comes first and the model last: a narrow side bar cuts the end off. A job that ended with failed
 * requests starts with them instead (`2/2 failed · Completed · took 3s`): that is what the row has to tell.
 */
export function rowDescription(state: string, view: JobView, model: string | undefined): string {
  const finished = view.group === 'finished';
  // After retries the merge's counts lead, and say it all: no progress of the first attempt beside them.
  const failures = view.merged ? mergedText(view.merged) : failureText(view);
  // With the failures first, the progress only adds something when not every request ran.
  const progress = view.merged || (failures && view.done === view.total) ? undefined : progressText(view);
  return [
    failures,
    mergeSaysState(view) ? undefined : state,
    progress,
    view.elapsedMs !== undefined ? `${finished ? 'took ' : ''}${formatDuration(view.elapsedMs)}` : undefined,
    view.expiresInMs !== undefined ? expiryText(view.expiresInMs) : undefined,
    model?.replace(/^models\//, ''),
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
}
