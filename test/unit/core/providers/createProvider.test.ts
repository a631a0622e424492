import * as assert from 'node:assert/strict';
import { createProvider } from '../../../../src/core/providers/createProvider';
import { BatchApiError } from '../../../../src/core/providers/types';

/** A fetch that records each URL and answers `body` as JSON (no network). */
function recordingFetch(body: unknown): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fake = async (input: string | URL | Request) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fake as typeof fetch, urls };
}

const settings = {
  geminiBaseUrl: 'http://gemini.test/',
  geminiApiVersion: 'v1' as const,
  openaiBaseUrl: 'http://oa.test/v9/',
};

suite('createProvider: settings are used as given (defaults live in package.json only)', () => {
  test('gemini: base URL and API version come from the config', async () => {
    const rec = recordingFetch({});
    await createProvider({ id: 'gemini', apiKey: 'k', ...settings, fetch: rec.fetch }).listJobs({ pageSize: 3 });
    assert.deepEqual(rec.urls, ['http://gemini.test/v1/batches?pageSize=3']);
  });

  test('openai: base URL and the page size come from the caller', async () => {
    const rec = recordingFetch({ object: 'list', data: [], has_more: false });
    await createProvider({ id: 'openai', apiKey: 'k', ...settings, fetch: rec.fetch }).listJobs({ pageSize: 7 });
    assert.equal(rec.urls.length, 1);
    const url = new URL(rec.urls[0]);
    assert.equal(`${url.origin}${url.pathname}`, 'http://oa.test/v9/batches');
    assert.equal(url.searchParams.get('limit'), '7');
  });

  test('a blank base URL is a clear configuration error, not a silent fallback', () => {
    const blank = (over: Partial<typeof settings>) => () =>
      createProvider({ id: over.openaiBaseUrl !== undefined ? 'openai' : 'gemini', apiKey: 'k', ...settings, ...over });
    for (const over of [{ geminiBaseUrl: '' }, { geminiBaseUrl: '  ' }, { openaiBaseUrl: '' }]) {
      assert.throws(
        blank(over),
        (e: unknown) =>
          e instanceof BatchApiError && e.kind === 'invalid' && /geminiBatch\.(gemini|openai)\.baseUrl/.test(e.message),
        JSON.stringify(over),
      );
    }
  });
});
