import { isTerminal, type BatchJob, type JobState } from '../providers/types';
import { codeText } from './jobProblems';
import type { MergedTally } from './mergedView';

/** Unfinished Gemini jobs expire 48 h after creation (OpenAI's 24 h window ends a little earlier, by the server). */
export const EXPIRY_MS = 48 * 3600 * 1000;

/**
 * How a finished job's requests went, when some failed though the job itself ended well: a job "succeeded" on the
 * service even when every request in it failed (OpenAI `completed` with only an error file, Gemini
 * `BATCH_STATE_SUCCEEDED` with `failedRequestCount`), which must not look like a success.
 */
export type JobOutcome = 'allFailed' | 'someFailed';

/** The icon to draw: the job's state, or its outcome when that is worse than the state says. */
export type StateIcon = JobState | JobOutcome;

export interface JobView {
  label: string;
  /** `model · state · done/total · N failed · elapsed`, parts omitted when unknown. */
  description: string;
  stateIcon: StateIcon;
  /** The job's state on the service (the editor words it: features/jobs/jobPresentation.ts). */
  state: JobState;
  /** Set on a job that ended (succeeded or partially) with failed requests. */
  outcome?: JobOutcome;
  group: 'active' | 'finished';
  elapsedMs?: number;
  /** Time left before the 48 h expiry, for unfinished jobs only (negative once overdue). */
  expiresInMs?: number;
  done?: number;
  total?: number;
  failed?: number;
  /** Set on an original job once the merge of its follow-ups' results is written (mergedView.ts). */
  merged?: MergedTally;
  tooltipRows: [string, string][];
}

/** Compact duration: `45s`, `12m`, `3h 05m`, `2d 4h`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) {
    return `${s}s`;
  }
  const m = Math.floor(s / 60);
  if (m < 60) {
    return `${m}m`;
  }
  const h = Math.floor(m / 60);
  if (h < 48) {
    return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  }
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** `3h 05m ago`, `in 4m` (a clock ahead of ours), `just now`. */
export function formatRelative(at: number, now: number): string {
  const delta = now - at;
  if (Math.abs(delta) < 1000) {
    return 'just now';
  }
  return delta > 0 ? `${formatDuration(delta)} ago` : `in ${formatDuration(-delta)}`;
}

/**
 * An ISO time as the reader's local date and time plus how long ago: `1 Mar 2026, 12:00 (3h 05m ago)`. The locale
 * and time zone are the process's (the editor's), so only the relative part is stable across machines. A value that
 * does not parse is shown as it came.
 */
export function formatTimestamp(iso: string | undefined, now: number): string | undefined {
  const t = time(iso);
  if (t === undefined) {
    return iso;
  }
  const local = new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `${local} (${formatRelative(t, now)})`;
}

function time(value: string | undefined): number | undefined {
  const t = value ? Date.parse(value) : NaN;
  return Number.isFinite(t) ? t : undefined;
}

/**
 * Whether a finished job has results to download: a succeeded job, and also one that ended with part of its
 * results (partially succeeded, cancelled after some lines ran, an OpenAI batch that expired with an output file),
 * so partial results are never hidden; and an OpenAI batch whose every request failed, which has only an error file
 * (`completed` with `output_file_id` null, reference/batch-api.md, ProjectTech4DevAI/kaapi-backend#723).
 */
export function resultsAvailable(job: BatchJob): boolean {
  return isTerminal(job.state) && Boolean(job.resultsFile || job.errorFile);
}

/** `50,000`: counts read the same whatever the editor's locale (en-US grouping). */
export function countText(n: number): string {
  return n.toLocaleString('en-US');
}

/** Whether a job that ended well on the service had failed requests, and whether any succeeded. */
function outcomeOf(job: BatchJob): JobOutcome | undefined {
  const { succeeded, failed } = job.progress;
  if ((job.state !== 'succeeded' && job.state !== 'partially_succeeded') || !failed) {
    return undefined;
  }
  return succeeded ? 'someFailed' : 'allFailed';
}

/** The state in words for the description (`partially succeeded`), or the raw state when it is not known. */
function stateWords(job: BatchJob): string {
  return job.state === 'unknown' ? job.rawState || 'unknown' : job.state.replace(/_/g, ' ');
}

/** The time left before an unfinished job expires, `overdue` once it has passed; undefined when it cannot expire. */
function expiresText(expiresInMs: number | undefined): string | undefined {
  if (expiresInMs === undefined) {
    return undefined;
  }
  return expiresInMs > 0 ? formatDuration(expiresInMs) : 'overdue';
}

/** Everything the jobs tree needs to draw one job; pure data (the editor picks words and icons). */
export function describeJob(job: BatchJob, now: number): JobView {
  const created = time(job.createTime);
  const ended = time(job.endTime);
  const finished = isTerminal(job.state);
  const elapsedMs =
    created === undefined ? undefined : Math.max(0, (finished && ended !== undefined ? ended : now) - created);
  const expiresInMs = !finished && created !== undefined ? created + EXPIRY_MS - now : undefined;
  const { total, succeeded, failed } = job.progress;
  const done = total !== undefined ? (succeeded ?? 0) + (failed ?? 0) : undefined;
  const model = job.model?.replace(/^models\//, '');
  const parts = [
    model,
    stateWords(job),
    total !== undefined ? `${countText(done ?? 0)}/${countText(total)}` : undefined,
    failed ? `${countText(failed)} failed` : undefined,
    elapsedMs !== undefined ? formatDuration(elapsedMs) : undefined,
  ].filter((p): p is string => !!p);
  const rows: [string, string | undefined][] = [
    ['Name', job.name],
    ['Display name', job.displayName],
    ['Provider', job.provider],
    ['Kind', job.kind],
    ['Model', model],
    ['State', job.rawState || job.state],
    [
      'Progress',
      total !== undefined
        ? `${countText(done ?? 0)}/${countText(total)} (${countText(succeeded ?? 0)} ok, ${countText(failed ?? 0)} failed)`
        : undefined,
    ],
    ['Created', formatTimestamp(job.createTime, now)],
    ['Ended', formatTimestamp(job.endTime, now)],
    ['Elapsed', elapsedMs !== undefined ? formatDuration(elapsedMs) : undefined],
    ['Expires in', expiresText(expiresInMs)],
    ['Input', job.inputFile],
    ['Results', job.resultsFile],
    ['Errors', job.errorFile],
    ['Error', job.error ? [codeText(job.error.code), job.error.message].filter((v) => v).join(': ') : undefined],
  ];
  const outcome = outcomeOf(job);
  return {
    label: job.displayName || job.name,
    description: parts.join(' · '),
    stateIcon: outcome ?? job.state,
    state: job.state,
    outcome,
    group: finished ? 'finished' : 'active',
    elapsedMs,
    expiresInMs,
    done,
    total,
    failed,
    tooltipRows: rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== ''),
  };
}
