import type { BatchJob } from '../providers/types';
import { rpcCodeName } from './rpcCode';

/**
 * One row under a failed or expired job, as data (the editor words the kinds that carry no text of the service's):
 * - `error`: one of the service's errors, its text as sent;
 * - `more`: errors the service listed beyond those kept (openaiBatch.ts keeps the first 20);
 * - `expired`: a job that expired without an error of its own, explained by its API's rule;
 * - `noReason`: a job that failed without one.
 */
export type JobProblem =
  | { kind: 'error'; message: string; code?: string; line?: number }
  | { kind: 'more'; count: number }
  | { kind: 'expired'; api: 'gemini' | 'openai' }
  | { kind: 'noReason' };

/**
 * A code as the rows show it: a Gemini operation's `error` is a `google.rpc.Status` whose code is a `google.rpc.Code`
 * (reference generativelanguage-v1beta-discovery.json, `Operation.error`; see rpcCode.ts), so 13 reads
 * `INTERNAL (13)`; OpenAI's codes are words already (`invalid_json_line`).
 */
export function codeText(code: number | string | undefined): string | undefined {
  if (code === undefined || code === '') {
    return undefined;
  }
  const name = typeof code === 'number' ? rpcCodeName(code) : undefined;
  return name ? `${name} (${code})` : String(code);
}

/**
 * Why a failed or expired job ended, one problem a row: OpenAI's validation errors one by one (with their input
 * line), another error one row per line of its text (the first with the code). Empty for any other state, whose
 * rows and notice already say what happened (a cancelled Gemini job also carries an error, "cancelled").
 */
export function jobProblems(job: BatchJob): JobProblem[] {
  if (job.state !== 'failed' && job.state !== 'expired') {
    return [];
  }
  const error = job.error;
  const problems: JobProblem[] = error?.details?.length
    ? error.details.map((d) => ({ kind: 'error', message: d.message, code: d.code, line: d.line }))
    : textProblems(error?.message, codeText(error?.code));
  if (error?.omitted) {
    problems.push({ kind: 'more', count: error.omitted });
  }
  if (problems.length > 0) {
    return problems;
  }
  // Reference batch-api.md: a Gemini job expires after 48 h pending or running; an OpenAI batch after its
  // completion window, its unfinished requests then `batch_expired`. Neither need come with an error.
  return job.state === 'expired'
    ? [{ kind: 'expired', api: job.kind === 'openai' ? 'openai' : 'gemini' }]
    : [{ kind: 'noReason' }];
}

function textProblems(message: string | undefined, code: string | undefined): JobProblem[] {
  const lines = (message ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) {
    // A code alone is still a reason.
    return code ? [{ kind: 'error', message: code }] : [];
  }
  return lines.map((line, i) => ({ kind: 'error', message: line, ...(i === 0 && code ? { code } : {}) }));
}

/** How many errors follow the first: the other rows and those the service listed beyond the kept ones. */
export function moreCount(problems: JobProblem[]): number {
  return problems.slice(1).reduce((n, p) => n + (p.kind === 'more' ? p.count : 1), 0);
}

/**
 * A reason as a notification line shows it: one line, at most `max` characters, cut at a word when one ends in the
 * last fifth, with `…`. A toast is read at a glance and wraps after about three lines; the full text stays in the
 * tree row's tooltip and the log.
 */
export function shortText(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) {
    return flat;
  }
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= Math.floor(max * 0.8) ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.]+$/, '')}…`;
}
