import { NO_TOKENS, type ResultsTable } from './resultsTable';

/** What the user asked the list to show: a status filter, a finish reason or an error code, a search, an order. */
export interface RowQuery {
  /** `succeeded`: rows with an answer; `noAnswer`: responses without one (blocked, out of tokens); `failed`: errors. */
  status: 'all' | 'succeeded' | 'noAnswer' | 'failed';
  finishReason?: string;
  errorCode?: string;
  /** `file`: the order of the results file; the token orders put rows without counts last. */
  sort: 'file' | 'tokensDesc' | 'tokensAsc';
}

export const ALL_ROWS: RowQuery = { status: 'all', sort: 'file' };

/** Normalises what the webview sent (untrusted shape) into a query; unknown values fall back to the defaults. */
export function toRowQuery(value: unknown): RowQuery {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const status = v.status === 'succeeded' || v.status === 'noAnswer' || v.status === 'failed' ? v.status : 'all';
  const sort = v.sort === 'tokensDesc' || v.sort === 'tokensAsc' ? v.sort : 'file';
  const text = (x: unknown) => (typeof x === 'string' && x !== '' ? x : undefined);
  return { status, sort, finishReason: text(v.finishReason), errorCode: text(v.errorCode) };
}

/**
 * The rows a query selects, as row indices in display order. Works on the table's columns only (no line is read), so
 * it is fast and bounded: a Uint32Array of at most one entry per row. `matches`, when given, is the search's
 * verdict per row (1 = matches), computed by searchRows.
 */
export function selectRows(table: ResultsTable, query: RowQuery, matches?: Uint8Array): Uint32Array {
  // Only rows whose facts are known can be judged; the rest join as the second pass reaches them.
  const n = table.factsCount;
  const finishId = query.finishReason === undefined ? -1 : table.finishReasons.id(query.finishReason);
  const codeId = query.errorCode === undefined ? -1 : table.errorCodes.id(query.errorCode);
  const picked = new Uint32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const ok = table.ok(i);
    const noAnswer = ok && table.noAnswer(i);
    if (
      (query.status === 'succeeded' && (!ok || noAnswer)) ||
      (query.status === 'noAnswer' && !noAnswer) ||
      (query.status === 'failed' && ok)
    ) {
      continue;
    }
    if (finishId !== -1 && table.finishReasonId(i) !== finishId) {
      continue;
    }
    if (codeId !== -1 && table.errorCodeId(i) !== codeId) {
      continue;
    }
    if (matches && matches[i] !== 1) {
      continue;
    }
    picked[count++] = i;
  }
  const rows = picked.slice(0, count);
  if (query.sort === 'file') {
    return rows;
  }
  const tokens = table.tokens.view();
  const sign = query.sort === 'tokensDesc' ? -1 : 1;
  // Rows without counts last in both orders; ties keep file order (the index breaks them).
  return rows.sort((a, b) => {
    const ta = tokens[a];
    const tb = tokens[b];
    if (ta === tb) {
      return a - b;
    }
    if (ta === NO_TOKENS) {
      return 1;
    }
    if (tb === NO_TOKENS) {
      return -1;
    }
    return sign * (ta - tb);
  });
}
