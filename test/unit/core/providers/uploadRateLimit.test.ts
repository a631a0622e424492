import * as assert from 'node:assert/strict';
import { withRateLimitRetry } from '../../../../src/core/providers/rateLimitRetry';
import { BatchApiError, type BatchProvider } from '../../../../src/core/providers/types';
import { generateLine, openaiLine } from './emulatorHarness';
import { withEmulatorHarness } from './harnessSuite';

/** mulberry32 from seed 28 draws 0.43 then 0.71, 0.9…: at rate429 0.5 the first request gets a 429, the next pass. */
const FIRST_REQUEST_LIMITED = { rate429: 0.5, seed: 28, retryAfterSeconds: 0 };

suite('uploads retry a 429 (emulator)', function () {
  const h = withEmulatorHarness(this);

  async function names(provider: BatchProvider, displayName: string): Promise<string[]> {
    const page = await provider.listFiles({ pageSize: 100 });
    return page.files.filter((f) => f.displayName === displayName).map((f) => f.name);
  }

  test('Gemini: a 429 on the resumable start is waited out, and the account holds one file', async () => {
    const provider = h.provider();
    const path = await h.file('limited.jsonl', [generateLine('a'), generateLine('b')]);
    h.emulator.setFaults(FIRST_REQUEST_LIMITED);
    const waits: number[] = [];
    const uploaded = await provider.uploadFile(path, { displayName: 'limited', onRetryAfter: (ms) => waits.push(ms) });
    h.emulator.setFaults({});
    assert.deepEqual(await names(provider, 'limited'), [uploaded.name]);
    assert.deepEqual(waits, [0], 'the wait is told (for the log), Retry-After 0 s');
  });

  test('OpenAI: a 429 on POST /files is waited out, and the account holds one file', async () => {
    const provider = h.provider('openai');
    const path = await h.file('oa-limited.jsonl', [openaiLine('r1', 'gpt-4o-mini')]);
    h.emulator.setFaults(FIRST_REQUEST_LIMITED);
    const waits: number[] = [];
    const uploaded = await provider.uploadFile(path, {
      displayName: 'oa-limited',
      onRetryAfter: (ms) => waits.push(ms),
    });
    h.emulator.setFaults({});
    assert.deepEqual(waits, [0], 'the wait is told (for the log)');
    const page = await provider.listFiles({ pageSize: 100 });
    assert.equal(page.files.filter((f) => f.name === uploaded.name).length, 1);
    assert.equal(page.files.filter((f) => f.displayName === 'oa-limited.jsonl').length, 1, 'no second copy');
  });

  test('the retries are bounded: a service that keeps refusing ends in the 429, with no file left', async () => {
    const provider = h.provider();
    const path = await h.file('refused.jsonl', [generateLine('a')]);
    h.emulator.setFaults({ rate429: 1, retryAfterSeconds: 0 });
    const error = await provider.uploadFile(path, { displayName: 'refused' }).catch((e: unknown) => e);
    h.emulator.setFaults({});
    assert.ok(error instanceof BatchApiError && error.kind === 'rateLimit', String(error));
    assert.deepEqual(await names(provider, 'refused'), []);
  });
});

suite('withRateLimitRetry', () => {
  const limited = (ms?: number) => new BatchApiError('rateLimit', '429', 429, ms);

  test('waits each Retry-After, at most maxAttempts calls; other errors are thrown at once', async () => {
    const waits: number[] = [];
    let calls = 0;
    const options = { maxAttempts: 3, sleep: async (ms: number) => void waits.push(ms) };
    await assert.rejects(
      withRateLimitRetry(() => (calls++, Promise.reject(limited(1000))), options),
      /429/,
    );
    assert.deepEqual({ calls, waits }, { calls: 3, waits: [1000, 1000] });
    calls = 0;
    const auth = new BatchApiError('auth', 'bad key', 401);
    await assert.rejects(
      withRateLimitRetry(() => (calls++, Promise.reject(auth)), options),
      (e) => e === auth,
    );
    assert.equal(calls, 1);
  });

  test('a Retry-After past maxWaitMs is thrown at once rather than held', async () => {
    let calls = 0;
    const sleep = () => Promise.reject(new Error('must not wait'));
    await assert.rejects(
      withRateLimitRetry(() => (calls++, Promise.reject(limited(120_000))), { maxWaitMs: 60_000, sleep }),
      /429/,
    );
    assert.equal(calls, 1);
  });
});
