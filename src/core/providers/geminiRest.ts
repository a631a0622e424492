import { BatchApiError } from './types';

/** Where a Gemini-protocol server lives: `https://generativelanguage.googleapis.com` or the emulator. */
export interface GeminiEndpoint {
  baseUrl: string;
  version: 'v1' | 'v1beta';
  apiKey: string;
  /** An instrumentedFetch that throws typed errors on non-2xx. */
  fetch: typeof fetch;
}

export function trimBase(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * Plain REST calls for what @google/genai hides (batchStats, the job's error, inlined responses, models):
 * the same paths and header (`x-goog-api-key`) the SDK sends.
 */
export async function geminiJson<T>(
  endpoint: GeminiEndpoint,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { query?: Record<string, string | number | undefined>; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const url = new URL(`${trimBase(endpoint.baseUrl)}/${endpoint.version}/${path}`);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== '') {
      url.searchParams.set(name, String(value));
    }
  }
  const headers: Record<string, string> = { 'x-goog-api-key': endpoint.apiKey };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await endpoint.fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

/** `abc` or `batches/abc` → `batches/abc`; rejects names that would escape the path. */
export function resourcePath(name: string, collection: 'batches' | 'files'): string {
  const id = name.startsWith(`${collection}/`) ? name.slice(collection.length + 1) : name;
  if (!/^[A-Za-z0-9_.-]+$/.test(id)) {
    throw new BatchApiError('invalid', `Invalid ${collection} name: ${name}`);
  }
  return `${collection}/${id}`;
}
