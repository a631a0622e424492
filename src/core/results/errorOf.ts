import { httpCodeName } from '../jobs/resultLine';
import { rpcCodeName } from '../jobs/rpcCode';

/** A failed row's error, decoded: `code` is the name to filter and count by (`RESOURCE_EXHAUSTED`, `batch_expired`). */
export interface RowError {
  code: string;
  message?: string;
  /** The gRPC number of a Gemini `Status` (`{"code": 8}`), or the HTTP status of an OpenAI response. */
  number?: number;
  /** What the user can do about it; the editor layer turns it into words. */
  advice: ErrorAdvice;
}

/**
 * `retry`: transient on the service's side (429 / RESOURCE_EXHAUSTED, 500, 503, deadline, expiry): the same line can
 * succeed in a follow-up job. `fix`: the request itself is wrong (400 / INVALID_ARGUMENT, not found, refused):
 * retrying it unchanged fails again. `auth`: keys or permissions. `unknown`: anything else.
 */
export type ErrorAdvice = 'retry' | 'fix' | 'auth' | 'unknown';

const RETRY = new Set([
  'RESOURCE_EXHAUSTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'ABORTED',
  'UNKNOWN',
  'CANCELLED',
  'batch_expired',
  'batch_cancelled',
  'rate_limit_exceeded',
  'server_error',
  'missing_result',
  'http_429',
  'http_500',
  'http_502',
  'http_503',
  'http_504',
]);
const FIX = new Set([
  'INVALID_ARGUMENT',
  'FAILED_PRECONDITION',
  'NOT_FOUND',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'invalid_request_error',
  'invalid_request',
  'model_not_found',
  'context_length_exceeded',
  'content_filter',
  'http_400',
  'http_404',
  'http_422',
]);
const AUTH = new Set(['PERMISSION_DENIED', 'UNAUTHENTICATED', 'http_401', 'http_403', 'invalid_api_key']);

function adviceOfCode(code: string): ErrorAdvice {
  if (RETRY.has(code)) {
    return 'retry';
  }
  if (FIX.has(code)) {
    return 'fix';
  }
  return AUTH.has(code) ? 'auth' : 'unknown';
}

/**
 * The advice for a code; a code not in the lists (OpenAI adds codes such as `server_is_overloaded`) is judged by the
 * HTTP status `httpStatus` it came with, when it has one: any 5xx is retried, as 500 and 503 are.
 */
export function adviceFor(code: string, httpStatus?: number): ErrorAdvice {
  const advice = adviceOfCode(code);
  if (advice !== 'unknown' || httpStatus === undefined || httpStatus < 100 || httpStatus > 599) {
    return advice;
  }
  return adviceOfCode(httpCodeName(httpStatus));
}

function isObj(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The error payload of a failed line (a Gemini `Status`; an OpenAI `ErrorObject {code, message, param, type}`, with
 * the response's `status_code` when it failed over HTTP; or `{status_code, body}` of a non-200 response without an
 * error object) → a RowError. Named as classifyResultLine names it (resultLine.ts), so the CLI, the results view and
 * the editor's notification agree, also on a joined file, which keeps only this payload: the `status` name, else
 * `code`, else OpenAI's `type` (its `code` is often null), else the number, else `fallbackCode` (the classifier's
 * code: `server_error`, `unparseable_line`).
 */
export function errorOf(payload: unknown, fallbackCode: string): RowError {
  const error = isObj(payload) ? payload : {};
  const rawCode = error.code;
  const status = typeof error.status_code === 'number' ? error.status_code : undefined;
  const numeric = [rawCode, status].find((n) => typeof n === 'number');
  let code = fallbackCode;
  if (typeof error.status === 'string' && error.status) {
    code = error.status;
  } else if (typeof rawCode === 'string' && rawCode) {
    code = rawCode;
  } else if (typeof error.type === 'string' && error.type) {
    code = error.type;
  } else if (typeof rawCode === 'number') {
    code = rpcCodeName(rawCode) ?? `http_${rawCode}`;
  } else if (status !== undefined) {
    code = httpCodeName(status);
  }
  const message = typeof error.message === 'string' ? error.message : undefined;
  return { code, message, number: numeric, advice: adviceFor(code, status) };
}
