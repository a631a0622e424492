import * as assert from 'node:assert/strict';
import { ApiError as GenAiApiError } from '@google/genai';
import { APIError, APIUserAbortError } from 'openai';
import { parseRetryAfter, scrubKey, toBatchApiError } from '../../../../src/core/providers/errors';
import { instrumentedFetch } from '../../../../src/core/providers/instrumentedFetch';
import { BatchApiError, type ApiCallRecord } from '../../../../src/core/providers/types';

const KEY = 'AIzaSECRET-key_123';

suite('provider errors', () => {
  test('scrubKey removes the key and key= query values', () => {
    assert.equal(
      scrubKey(`bad key ${KEY} at https://x/y?alt=media&key=${KEY}`, KEY),
      'bad key *** at https://x/y?alt=media&key=***',
    );
    assert.equal(scrubKey('GET /a?key=other&b=1', KEY), 'GET /a?key=***&b=1');
  });

  test('Retry-After in seconds, as a date, and retry-after-ms', () => {
    const h = (init: Record<string, string>) => new Headers(init);
    assert.equal(parseRetryAfter(h({ 'retry-after': '3' })), 3000);
    assert.equal(parseRetryAfter(h({ 'retry-after-ms': '250' })), 250);
    assert.equal(parseRetryAfter(h({ 'retry-after': new Date(10_000).toUTCString() }), 4_000), 6_000);
    assert.equal(parseRetryAfter(h({})), undefined);
    assert.equal(parseRetryAfter(h({ 'retry-after': 'soon' })), undefined);
  });

  test('openai APIError subclasses map by status, with Retry-After and scrubbed message', () => {
    const limited = APIError.generate(
      429,
      { message: `slow down ${KEY}` },
      undefined,
      new Headers({ 'retry-after': '2' }),
    );
    const mapped = toBatchApiError(limited, KEY);
    assert.equal(mapped.kind, 'rateLimit');
    assert.equal(mapped.retryAfterMs, 2000);
    assert.ok(!mapped.message.includes(KEY));
    assert.equal(
      toBatchApiError(APIError.generate(401, { message: 'no' }, undefined, new Headers()), KEY).kind,
      'auth',
    );
    assert.equal(
      toBatchApiError(APIError.generate(404, { message: 'no' }, undefined, new Headers()), KEY).kind,
      'notFound',
    );
    assert.equal(
      toBatchApiError(APIError.generate(503, { message: 'no' }, undefined, new Headers()), KEY).kind,
      'server',
    );
    assert.equal(toBatchApiError(new APIUserAbortError(), KEY).kind, 'cancelled');
  });

  test('genai ApiError maps by status; 400 keeps the server lines as details', () => {
    const body = JSON.stringify({
      error: {
        code: 400,
        message: 'Error on line 1: invalid JSON\nError on line 3: no such field',
        status: 'INVALID_ARGUMENT',
      },
    });
    const mapped = toBatchApiError(new GenAiApiError({ message: body, status: 400 }), KEY);
    assert.equal(mapped.kind, 'invalid');
    assert.deepEqual(mapped.details, ['Error on line 1: invalid JSON', 'Error on line 3: no such field']);
    assert.equal(toBatchApiError(new GenAiApiError({ message: '{}', status: 403 }), KEY).kind, 'auth');
  });

  test('instrumentedFetch turns a server that never answers into a network error', async () => {
    const hang = ((_input: string | URL | Request, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as typeof fetch;
    const f = instrumentedFetch({ apiKey: KEY, fetch: hang, throwOnHttpError: true, headersTimeoutMs: 20 });
    const err = await f('http://h/v1beta/batches/x').catch((e: unknown) => e);
    assert.ok(err instanceof BatchApiError && err.kind === 'network', String(err));
  });

  test('instrumentedFetch logs path only, maps HTTP and transport failures, never leaks the key', async () => {
    const calls: ApiCallRecord[] = [];
    const fake = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      init?.signal?.throwIfAborted();
      if (url.includes('boom')) {
        throw new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED ${KEY}`) });
      }
      if (url.includes('limited')) {
        return new Response(JSON.stringify({ error: { code: 429, message: `quota for ${KEY}` } }), {
          status: 429,
          headers: { 'retry-after': '5' },
        });
      }
      return new Response('{}', { status: 200 });
    }) as typeof fetch;
    const f = instrumentedFetch({ apiKey: KEY, onCall: (c) => calls.push(c), fetch: fake, throwOnHttpError: true });
    await f(`http://h/v1beta/batches?key=${KEY}&pageSize=2`, { method: 'GET' });
    const limited = await f('http://h/v1beta/limited', { method: 'POST' }).catch((e: unknown) => e);
    assert.ok(limited instanceof BatchApiError);
    assert.equal(limited.kind, 'rateLimit');
    assert.equal(limited.retryAfterMs, 5000);
    const down = await f('http://h/boom').catch((e: unknown) => e);
    assert.ok(down instanceof BatchApiError);
    assert.equal(down.kind, 'network');
    const aborted = await f('http://h/x', { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    assert.ok(aborted instanceof BatchApiError);
    assert.equal(aborted.kind, 'cancelled');
    assert.deepEqual(
      calls.map((c) => [c.method, c.path, c.status]),
      [
        ['GET', '/v1beta/batches', 200],
        ['POST', '/v1beta/limited', 429],
        ['GET', '/boom', 'error'],
        ['GET', '/x', 'error'],
      ],
    );
    for (const text of [JSON.stringify(calls), limited.message, down.message]) {
      assert.ok(!text.includes(KEY), text);
    }
  });
});
