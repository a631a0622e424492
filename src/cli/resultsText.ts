import type { ResultRow } from '../core/results/resultRow';
import type { RowSummary } from '../core/results/rowSummary';
import type { CliIo } from './cliIo';
import type { RetryFileResult } from '../core/results/retryFile';
import { count, num, usd } from './textFormat';

// `gemini-batch results --format text` (the default): what a person reads after a job. The rows that need a look
// (failed, no answer), then a few lines of summary from the one RowSummary the JSON output prints too.

/** Rows listed without --failed: the rest are counted (`--failed` lists them all, `--format csv` has every row). */
export const LISTED_ROWS = 20;
/** A service message is untrusted text of any length: one line of at most this many characters. */
const MESSAGE_CHARS = 160;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MESSAGE_CHARS ? `${flat.slice(0, MESSAGE_CHARS - 1)}…` : flat;
}

/** `in.jsonl:4 request-3`, `request-3` (no input given), `in.jsonl:4`, or `(no key)`. */
function place(row: ResultRow, input: string | undefined): string {
  const line = input !== undefined && row.inputLine !== undefined ? `${input}:${row.inputLine}` : undefined;
  const key = row.key === undefined ? undefined : oneLine(row.key);
  return [line, key].filter((p) => p !== undefined).join(' ') || '(no key)';
}

/** The line for a row that failed or has no answer; undefined for an answered row. */
export function problemLine(row: ResultRow, input: string | undefined): string | undefined {
  if (!row.ok) {
    const code = row.error?.code ?? 'error';
    const message = row.error?.message ? `: ${oneLine(row.error.message)}` : '';
    return `${place(row, input)}: failed (${code})${message}`;
  }
  if (row.noAnswer) {
    const message = row.noAnswer.message ? `: ${oneLine(row.noAnswer.message)}` : '';
    return `${place(row, input)}: no answer (${row.noAnswer.reason})${message}`;
  }
  return undefined;
}

/**
 * What text output lists of the rows that need a look: the first {@link LISTED_ROWS}, or all of them with --failed.
 * The first ones are held (a few lines) and printed at the end, so results that match no line of --input print none.
 */
export class ProblemRows {
  private readonly held: string[] = [];
  private streaming = false;
  private more = 0;

  constructor(
    private readonly io: CliIo,
    private readonly input: string | undefined,
    private readonly all: boolean,
  ) {}

  see(row: ResultRow): void {
    const line = problemLine(row, this.input);
    if (line === undefined) {
      return;
    }
    if (this.streaming) {
      this.io.stdout(`${line}\n`);
    } else if (this.held.length < LISTED_ROWS) {
      this.held.push(line);
    } else if (this.all) {
      // Past the held ones, --failed streams the rest: memory stays flat whatever the number of failures.
      this.streaming = true;
      this.flush();
      this.io.stdout(`${line}\n`);
    } else {
      this.more++;
    }
  }

  /** The held rows, then `… and 12 more rows …` when some were only counted. */
  finish(): void {
    this.flush();
    if (this.more > 0) {
      this.io.stdout(`… and ${count(this.more, 'more row')} failed or with no answer (--failed lists them all)\n`);
    }
  }

  private flush(): void {
    if (this.held.length > 0) {
      this.io.stdout(`${this.held.join('\n')}\n`);
      this.held.length = 0;
    }
  }
}

/** `(batch_expired: 2, missing_result: 1)`, largest first; '' when there are none. */
function byCount(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length ? ` (${entries.map(([code, n]) => `${code}: ${num(n)}`).join(', ')})` : '';
}

/** The cost at batch price from the usage the answers report, as rowSummary.ts priced it; undefined with no answer. */
function costLine(cost: RowSummary['cost']): string | undefined {
  if (cost.pricedRows === 0 && cost.unpricedRows === 0) {
    return undefined;
  }
  if (cost.pricedRows === 0) {
    return `cost: unknown (no known price for the model of ${count(cost.unpricedRows, 'response')})`;
  }
  const bound = cost.upperBound ? 'at most ' : '';
  const why = cost.upperBound ? '; cached tokens with no known cached price counted as input' : '';
  const unpriced = cost.unpricedRows
    ? `; ${count(cost.unpricedRows, 'response')} of a model with no known price left out`
    : '';
  return `cost: ${bound}${usd(cost.batchUsd)} at batch price, from the usage the results report${why}${unpriced}`;
}

function retryLine(plan: RetryFileResult): string {
  if (!plan.path) {
    return 'retry: nothing to retry, no file written';
  }
  const parts = [
    `${num(plan.failed)} failed`,
    `${num(plan.noAnswer)} no answer`,
    `${num(plan.missing)} missing`,
    ...(plan.needsFix ? [`${num(plan.needsFix)} to fix first (the error says so)`] : []),
    ...(plan.blocked ? [`${num(plan.blocked)} blocked by a filter`] : []),
  ];
  return `retry: ${count(plan.indices.length, 'line')} written to ${plan.path} (${parts.join(', ')})`;
}

export interface SummaryExtras {
  /** With --input: the input file and the results that match none of its lines. */
  input?: { file: string; unmatched: number };
  retry?: RetryFileResult;
}

/** The summary lines: outcomes by code and reason, tokens, cost, the retry file. */
export function summaryText(s: RowSummary, extras: SummaryExtras = {}): string {
  const lines = [
    `${count(s.total, 'request')}: ${num(s.succeeded)} succeeded, ${num(s.failed)} failed${byCount(s.byErrorCode)}, ` +
      `${num(s.noAnswer)} with no answer${byCount(s.byNoAnswerReason)}`,
  ];
  if (extras.input && extras.input.unmatched > 0) {
    lines.push(`${count(extras.input.unmatched, 'result')} with the key of no line of ${extras.input.file}`);
  }
  if (s.tokens.total > 0) {
    const thoughts = s.tokens.thoughts ? `, ${num(s.tokens.thoughts)} thinking` : '';
    lines.push(`tokens: ${num(s.tokens.prompt)} prompt, ${num(s.tokens.output)} output${thoughts}`);
  }
  const cost = costLine(s.cost);
  if (cost) {
    lines.push(cost);
  }
  if (extras.retry) {
    lines.push(retryLine(extras.retry));
  }
  return `${lines.join('\n')}\n`;
}
