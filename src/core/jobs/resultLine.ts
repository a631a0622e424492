/** What one result line says, whatever its format. */
export interface ResultOutcome {
  /** Gemini `key` or OpenAI `custom_id` (stringified); undefined for keyless Gemini lines. */
  key?: string;
  ok: boolean;
  /** Why it failed: `INVALID_ARGUMENT`, `batch_expired`, `rate_limit_exceeded`, `http_500`, … */
  code?: string;
  /** The payload to show: the response body on success, the error object on failure. */
  payload: unknown;
  /** Set when `ok` is true but the response holds no usable answer (blocked, out of tokens, empty): noAnswer.ts. */
  noAnswer?: NoAnswer;
}

import { noAnswerOf, type NoAnswer } from './noAnswer';
import { rpcCodeName } from './rpcCode';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keyOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function codeOf(error: Obj, fallback: string): string {
  for (const field of ['status', 'code', 'type']) {
    const value = error[field];
    if (typeof value === 'string' && value) {
      return value;
    }
    if (typeof value === 'number') {
      return String(value);
    }
  }
  return fallback;
}

/**
 * The code of an OpenAI request that failed over HTTP when its error names none (`"code": null` and no `type`):
 * `server_error` for any 5xx, as the error `type` OpenAI gives a server's failure ("invalid_request_error",
 * "server_error": node_modules/openai/resources/beta/realtime/realtime.d.ts; the SDK makes every status >= 500 an
 * InternalServerError, node_modules/openai/core/error.js), so a 503 counts with the 500s the service names so and a
 * retry is advised; `http_N` otherwise. The error shape: `ErrorObject {code: string | null, message, param, type}`
 * (node_modules/openai/resources/shared.d.ts), inside `response.body.error` of an error-file line
 * (../shared/reference/batch-api.md §3).
 */
export function httpCodeName(status: number): string {
  return status >= 500 && status <= 599 ? 'server_error' : `http_${status}`;
}

/** OpenAI `{id, custom_id, response: {status_code, body} | null, error: {code, message} | null}`. */
function openaiOutcome(line: Obj): ResultOutcome {
  const key = keyOf(line.custom_id);
  if (isObj(line.error)) {
    return {
      key,
      ok: false,
      code: codeOf({ code: line.error.code, type: line.error.type }, 'error'),
      payload: line.error,
    };
  }
  const response = isObj(line.response) ? line.response : undefined;
  if (!response) {
    return { key, ok: false, code: 'no_response', payload: null };
  }
  const status = Number(response.status_code);
  if (status === 200) {
    return { key, ok: true, payload: response.body, noAnswer: noAnswerOf(response.body) };
  }
  const body = isObj(response.body) ? response.body : {};
  const error = isObj(body.error) ? body.error : undefined;
  const code = error ? codeOf({ code: error.code, type: error.type }, httpCodeName(status)) : httpCodeName(status);
  // The status goes with the error, so a joined file (which keeps only the payload) still tells a 503 (errorOf.ts).
  return {
    key,
    ok: false,
    code,
    payload: error ? { ...error, status_code: status } : { status_code: status, body: response.body },
  };
}

/** A Gemini `Status`'s code: its `status` name when it has one, else the gRPC number's name (`3` → `INVALID_ARGUMENT`). */
function geminiCode(error: Obj): string {
  if (typeof error.status !== 'string' && typeof error.code === 'number') {
    return rpcCodeName(error.code) ?? String(error.code);
  }
  return codeOf(error, 'error');
}

/**
 * Classifies one parsed result line. Gemini: `{"response": …, "key": …}` or `{"error": {"code": 3, "message": …},
 * "key": …}`, a `google.rpc.Status` with a gRPC code and no `status` name (the shape public reports of real result
 * files show, issue 9; the docs say a line is "either a GenerateContentResponse or a status object", reference
 * batch-api.md §1.4). Field order varies. `status` as the field and a `status` name inside are still accepted, as
 * third-party parsers expect them. OpenAI: anything with `custom_id`.
 */
export function classifyResultLine(line: Obj): ResultOutcome {
  if ('custom_id' in line) {
    return openaiOutcome(line);
  }
  const key = keyOf(line.key);
  const error = [line.error, line.status].find(isObj);
  if (error) {
    return { key, ok: false, code: geminiCode(error), payload: error };
  }
  if ('response' in line && line.response != null) {
    return { key, ok: true, payload: line.response, noAnswer: noAnswerOf(line.response) };
  }
  return { key, ok: false, code: 'unrecognized_line', payload: line };
}
