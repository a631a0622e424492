import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { CreateOutcomeUnknownError, matchesRequest, safeCreate } from '../../../../src/core/jobs/safeCreate';
import {
  BatchApiError,
  type BatchJob,
  type BatchProvider,
  type CreateJobRequest,
} from '../../../../src/core/providers/types';

const request: CreateJobRequest = {
  kind: 'gemini-generate',
  model: 'gemini-2.5-flash',
  displayName: 'run',
  inputFile: 'files/in1',
};

/** A fake backend: `script[n]` decides what the n-th create does ('ok', 'ambiguous' = created then failed, or an error). */
function fakeProvider(
  script: ('ok' | 'ambiguous' | BatchApiError)[],
  clock: { now: number },
  existing: BatchJob[] = [],
) {
  const jobs: BatchJob[] = [...existing];
  let creates = 0;
  let lists = 0;
  const make = (): BatchJob => {
    const job: BatchJob = {
      name: `batches/j${jobs.length + 1}`,
      provider: 'gemini',
      displayName: request.displayName,
      model: `models/${request.model}`,
      state: 'pending',
      rawState: 'BATCH_STATE_PENDING',
      createTime: new Date(clock.now + 5).toISOString(),
      progress: {},
      inputFile: request.inputFile,
    };
    jobs.unshift(job);
    return job;
  };
  const provider = {
    id: 'gemini',
    async createJob() {
      const step = script[creates++] ?? 'ok';
      if (step === 'ok') {
        return make();
      }
      if (step === 'ambiguous') {
        make();
        throw new BatchApiError('server', 'HTTP 500');
      }
      throw step;
    },
    async listJobs() {
      lists++;
      return { jobs: [...jobs] };
    },
  } as unknown as BatchProvider;
  return { provider, jobs, counts: () => ({ creates, lists }) };
}

const noSleep = async () => undefined;

suite('safeCreate', () => {
  test('adopts the job an ambiguous failure created instead of creating again', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const { provider, jobs, counts } = fakeProvider(['ambiguous'], clock);
    const result = await safeCreate(provider, request, { now: () => clock.now, sleep: noSleep });
    assert.equal(result.adopted, true);
    assert.equal(jobs.length, 1);
    assert.equal(result.job.name, 'batches/j1');
    assert.deepEqual(counts(), { creates: 1, lists: 1 });
  });

  test('retries only when the list proves nothing was created', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const { provider, jobs, counts } = fakeProvider([new BatchApiError('network', 'reset'), 'ok'], clock);
    const result = await safeCreate(provider, request, { now: () => clock.now, sleep: noSleep });
    assert.equal(result.adopted, false);
    assert.equal(result.attempts, 2);
    assert.equal(jobs.length, 1);
    assert.deepEqual(counts(), { creates: 2, lists: 1 });
  });

  test('an older job with the same name and file is not adopted', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const old: BatchJob = {
      name: 'batches/old',
      provider: 'gemini',
      displayName: 'run',
      model: 'gemini-2.5-flash',
      state: 'running',
      rawState: '',
      progress: {},
      inputFile: 'files/in1',
      createTime: '2025-12-31T00:00:00Z',
    };
    const { provider, jobs } = fakeProvider([new BatchApiError('server', '503'), 'ok'], clock, [old]);
    const result = await safeCreate(provider, request, { now: () => clock.now, sleep: noSleep });
    assert.equal(result.adopted, false);
    assert.notEqual(result.job.name, 'batches/old');
    assert.equal(jobs.length, 2);
  });

  test('known job names are never adopted', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const { provider } = fakeProvider(['ambiguous', 'ok'], clock);
    const result = await safeCreate(provider, request, {
      now: () => clock.now,
      sleep: noSleep,
      knownJobNames: new Set(['batches/j1']),
    });
    assert.equal(result.adopted, false);
    assert.equal(result.job.name, 'batches/j2');
  });

  test('429 waits Retry-After then retries; 4xx is thrown at once without listing', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const waited: number[] = [];
    const limited = fakeProvider([new BatchApiError('rateLimit', '429', 429, 3000), 'ok'], clock);
    const result = await safeCreate(limited.provider, request, {
      now: () => clock.now,
      sleep: async (ms) => void waited.push(ms),
    });
    assert.equal(result.attempts, 2);
    assert.deepEqual(waited, [3000]);
    assert.deepEqual(limited.counts(), { creates: 2, lists: 0 });

    const invalid = fakeProvider([new BatchApiError('invalid', 'bad line', 400)], clock);
    await assert.rejects(
      safeCreate(invalid.provider, request, { sleep: noSleep }),
      (e: unknown) => e instanceof BatchApiError && e.kind === 'invalid',
    );
    assert.deepEqual(invalid.counts(), { creates: 1, lists: 0 });
  });

  test('when the check itself fails, the outcome is reported unknown (no blind retry)', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const { provider, counts } = fakeProvider(['ambiguous'], clock);
    provider.listJobs = async () => {
      throw new BatchApiError('network', 'down');
    };
    await assert.rejects(
      safeCreate(provider, request, { now: () => clock.now, sleep: noSleep }),
      CreateOutcomeUnknownError,
    );
    assert.equal(counts().creates, 1);
  });

  test('gives up after maxAttempts ambiguous failures that created nothing', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const err = new BatchApiError('server', '500');
    const { provider, counts } = fakeProvider([err, err, err, 'ok'], clock);
    await assert.rejects(
      safeCreate(provider, request, { now: () => clock.now, sleep: noSleep, maxAttempts: 3 }),
      (e: unknown) => e === err,
    );
    assert.deepEqual(counts(), { creates: 3, lists: 3 });
  });

  test('the default wait rejects at once when the signal is already aborted', async function () {
    // Without the fix this waits out the full Retry-After (an hour) and the test times out.
    this.timeout(2000);
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const { provider, counts } = fakeProvider([new BatchApiError('rateLimit', '429', 429, 3_600_000), 'ok'], clock);
    const aborted = AbortSignal.abort();
    await assert.rejects(
      // An hour is past the default cap (rateLimitRetry.ts), which would throw the 429 before any wait.
      safeCreate(provider, request, { now: () => clock.now, signal: aborted, maxWaitMs: Infinity }),
      (e: unknown) => e instanceof BatchApiError && e.kind === 'cancelled',
    );
    assert.equal(counts().creates, 1);
  });

  test('the default wait removes its abort listener once it is over', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const { provider } = fakeProvider(
      [new BatchApiError('rateLimit', '429', 429, 1), new BatchApiError('rateLimit', '429', 429, 1), 'ok'],
      clock,
    );
    const controller = new AbortController();
    const result = await safeCreate(provider, request, { now: () => clock.now, signal: controller.signal });
    assert.equal(result.attempts, 3);
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });

  test('an openai-kind file matches on its input file alone (no display name, dated model names)', async () => {
    const since = Date.parse('2026-01-01T00:00:00Z');
    const oa: CreateJobRequest = {
      kind: 'openai',
      model: 'gpt-4o',
      displayName: 'mine',
      inputFile: 'file-abc',
      endpoint: '/v1/chat/completions',
    };
    const job: BatchJob = {
      name: 'batch_1',
      provider: 'openai',
      model: 'gpt-4o-2024-08-06',
      displayName: 'batch-xyz',
      kind: 'openai',
      state: 'pending',
      rawState: 'validating',
      progress: {},
      inputFile: 'file-abc',
      createTime: '2026-01-01T00:00:05Z',
    };
    assert.equal(matchesRequest(job, oa, since), true);
    assert.equal(matchesRequest({ ...job, displayName: undefined }, oa, since), true);
    assert.equal(matchesRequest({ ...job, inputFile: 'file-other' }, oa, since), false);
    assert.equal(matchesRequest({ ...job, createTime: '2025-12-31T23:59:59Z' }, oa, since), false);
    assert.equal(matchesRequest({ ...job, inputFile: undefined }, oa, since), false);
  });
});
