import { httpError, messageFromBody, parseRetryAfter, scrubKey } from './errors';
import { BatchApiError, type ApiCallRecord } from './types';

export interface InstrumentedFetchOptions {
  apiKey: string;
  onCall?: (call: ApiCallRecord) => void;
  fetch?: typeof fetch;
  /**
   * Throw a typed BatchApiError for non-2xx answers. Used under @google/genai, whose own ApiError drops the
   * headers (so Retry-After would be lost); the SDK rethrows Error instances from fetch unchanged.
   */
  throwOnHttpError: boolean;
  /** No answer (headers) within this long → `network` error; the SDKs set no timeout of their own. Default 5 min. */
  headersTimeoutMs?: number;
}

/** The URL a fetch was given, in any of the forms fetch takes. */
function urlOf(input: string | URL | Request): string {
  if (typeof input === 'string') {
    return input;
  }
  return input instanceof URL ? input.href : input.url;
}

function describe(input: string | URL | Request, init?: RequestInit): { method: string; path: string } {
  const url = urlOf(input);
  const method = init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET');
  let path: string;
  try {
    // Only the path: query strings may carry `key=` or upload ids.
    path = new URL(url).pathname;
  } catch {
    path = '(invalid url)';
  }
  return { method: method.toUpperCase(), path };
}

/**
 * The one fetch every provider call goes through: logs one record per call (method, path, status, ms; never
 * the key or a query string) and turns transport failures into `network` / `cancelled` BatchApiErrors.
 */
export function instrumentedFetch(options: InstrumentedFetchOptions): typeof fetch {
  const base = options.fetch ?? fetch;
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const { method, path } = describe(input, init);
    const started = performance.now();
    const record = (status: number | 'error') =>
      options.onCall?.({ method, path, status, ms: Math.round(performance.now() - started) });
    let response: Response;
    // A hung server must not hang the caller (a poll tick, a submit) forever.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), options.headersTimeoutMs ?? 300_000);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
    try {
      response = await base(input, { ...init, signal });
    } catch (err) {
      record('error');
      if (timeout.signal.aborted && !init?.signal?.aborted) {
        throw new BatchApiError('network', `No answer to ${method} ${path} in time.`);
      }
      if (init?.signal?.aborted || (err instanceof Error && err.name === 'AbortError')) {
        throw new BatchApiError('cancelled', 'The request was cancelled.');
      }
      const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
      const message = err instanceof Error ? err.message : String(err);
      throw new BatchApiError(
        'network',
        scrubKey(`Network error on ${method} ${path}: ${message}${cause}`, options.apiKey),
      );
    } finally {
      clearTimeout(timer);
    }
    record(response.status);
    if (options.throwOnHttpError && !response.ok) {
      const text = await response.text().catch(() => '');
      throw httpError(
        response.status,
        messageFromBody(text) || response.statusText,
        options.apiKey,
        parseRetryAfter(response.headers),
      );
    }
    return response;
  };
  return wrapped as typeof fetch;
}
