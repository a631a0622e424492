import { answerText } from './answerText';
import type { ResultRow } from './resultRow';

/** One exported row: what a spreadsheet or a pipeline needs of a result, flat. */
export interface ExportRecord {
  key: string | null;
  /** 1-based input line, when the results were joined to their input. */
  line: number | null;
  ok: boolean;
  prompt: string | null;
  answer: string;
  finishReason: string | null;
  promptTokens: number | null;
  outputTokens: number | null;
  thoughtsTokens: number | null;
  cachedTokens: number | null;
  totalTokens: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  /**
   * `succeeded`, `no_answer` (a response without a usable answer: blocked, out of tokens, empty; `ok` is true for it,
   * as the service answered) or `failed`: the three outcomes the results view and the summaries count. Last, so the
   * columns before it keep their places.
   */
  outcome: ExportOutcome;
  /** Why a `no_answer` row has none, as written (`SAFETY`, `MAX_TOKENS`, `content_filter`…); null otherwise. */
  noAnswerReason: string | null;
}

export type ExportOutcome = 'succeeded' | 'no_answer' | 'failed';

export type ExportFormat = 'csv' | 'jsonl';

export const EXPORT_COLUMNS: readonly (keyof ExportRecord)[] = [
  'key',
  'line',
  'ok',
  'prompt',
  'answer',
  'finishReason',
  'promptTokens',
  'outputTokens',
  'thoughtsTokens',
  'cachedTokens',
  'totalTokens',
  'errorCode',
  'errorMessage',
  'outcome',
  'noAnswerReason',
];

function outcomeOf(row: ResultRow): ExportOutcome {
  if (!row.ok) {
    return 'failed';
  }
  return row.noAnswer ? 'no_answer' : 'succeeded';
}

export function exportRecord(row: ResultRow): ExportRecord {
  return {
    key: row.key ?? null,
    line: row.inputLine ?? null,
    ok: row.ok,
    prompt: row.prompt ?? null,
    answer: answerText(row.parts),
    finishReason: row.finishReason ?? null,
    promptTokens: row.tokens.prompt ?? null,
    outputTokens: row.tokens.output ?? null,
    thoughtsTokens: row.tokens.thoughts ?? null,
    cachedTokens: row.tokens.cached ?? null,
    totalTokens: row.tokens.total ?? null,
    errorCode: row.error?.code ?? null,
    errorMessage: row.error?.message ?? null,
    outcome: outcomeOf(row),
    noAnswerReason: row.noAnswer?.reason ?? null,
  };
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces, quotes doubled. A
 * text starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so a spreadsheet shows it instead of running it
 * as a formula (OWASP "CSV Injection"); model output and prompts are untrusted. Numbers and booleans are written bare.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) {
    return '';
  }
  if (typeof value !== 'string') {
    return String(value);
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV record, CRLF-terminated as RFC 4180 says. */
export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export function csvHeader(): string {
  return csvLine(EXPORT_COLUMNS);
}

/** The record in `format`, with its line ending. */
export function formatRecord(record: ExportRecord, format: ExportFormat): string {
  return format === 'csv' ? csvLine(EXPORT_COLUMNS.map((c) => record[c])) : `${JSON.stringify(record)}\n`;
}
