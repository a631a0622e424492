import { ApiError as GenAiApiError } from '@google/genai';
import { APIError as OpenAIApiError, APIUserAbortError, APIConnectionError } from 'openai';
import { BatchApiError, type ApiErrorKind } from './types';

/** Replaces every occurrence of the key (and any `key=` query value) so no message can leak it. */
export function scrubKey(text: string, apiKey: string): string {
  let out = apiKey ? text.split(apiKey).join('***') : text;
  out = out.replace(/([?&]key=)[^&\s"']+/gi, '$1***');
  return out;
}

/** Status → kind: the only thing we branch on, never message text. */
export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401 || status === 403) {
    return 'auth';
  }
  if (status === 429) {
    return 'rateLimit';
  }
  if (status === 404) {
    return 'notFound';
  }
  if (status === 408) {
    return 'network';
  }
  if (status >= 500) {
    return 'server';
  }
  if (status >= 400) {
    return 'invalid';
  }
  return 'unknown';
}

/** `Retry-After` (seconds or an HTTP date) or `retry-after-ms`, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(
  headers: { get(name: string): string | null } | undefined,
  now = Date.now(),
): number | undefined {
  if (!headers) {
    return undefined;
  }
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) {
    return ms;
  }
  const raw = headers.get('retry-after');
  if (!raw) {
    return undefined;
  }
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) {
    return seconds * 1000;
  }
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Pulls `error.message` out of a Google/OpenAI error body (or returns the text as is). */
export function messageFromBody(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    if (typeof parsed.error === 'string') {
      return parsed.error;
    }
    const message = parsed.error?.message ?? parsed.message;
    if (typeof message === 'string') {
      return message;
    }
  } catch {
    // not JSON: keep the text
  }
  return body;
}

/** Builds the typed error for a non-2xx HTTP answer. */
export function httpError(status: number, serverMessage: string, apiKey: string, retryAfterMs?: number): BatchApiError {
  const kind = kindForStatus(status);
  const clean = scrubKey(serverMessage, apiKey).slice(0, 20_000);
  const details =
    kind === 'invalid'
      ? clean
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
      : undefined;
  return new BatchApiError(
    kind,
    `HTTP ${status}: ${clean}`,
    status,
    kind === 'rateLimit' ? retryAfterMs : undefined,
    details,
  );
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err instanceof APIUserAbortError);
}

/** Any failure → BatchApiError (SDK errors mapped by `.status`, never by message), key scrubbed. */
export function toBatchApiError(err: unknown, apiKey: string): BatchApiError {
  if (err instanceof BatchApiError) {
    return err;
  }
  if (err instanceof APIConnectionError && err.cause instanceof BatchApiError) {
    return err.cause;
  }
  if (isAbort(err)) {
    return new BatchApiError('cancelled', 'The request was cancelled.');
  }
  if (err instanceof OpenAIApiError && typeof err.status === 'number') {
    const body = err.error as { message?: unknown } | undefined;
    const message = typeof body?.message === 'string' ? body.message : err.message;
    return httpError(err.status, message, apiKey, parseRetryAfter(err.headers));
  }
  if (err instanceof APIConnectionError) {
    return new BatchApiError('network', scrubKey(`Network error: ${err.message}`, apiKey));
  }
  if (err instanceof GenAiApiError && typeof err.status === 'number') {
    return httpError(err.status, messageFromBody(err.message), apiKey);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new BatchApiError('unknown', scrubKey(message, apiKey));
}

/** Runs one provider call and turns whatever it throws into a BatchApiError with the key scrubbed. */
export async function withApiErrors<T>(apiKey: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toBatchApiError(err, apiKey);
  }
}
