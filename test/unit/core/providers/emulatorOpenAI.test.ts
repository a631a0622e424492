import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { safeCreate } from '../../../../src/core/jobs/safeCreate';
import { downloadAtomic, summarizeResults } from '../../../../src/core/jobs/results';
import { BatchApiError } from '../../../../src/core/providers/types';
import { SECRET, generateLine, openaiLine } from './emulatorHarness';
import { withEmulatorHarness } from './harnessSuite';

suite('openai provider and safeCreate against the emulator', function () {
  const h = withEmulatorHarness(this);

  test('openai provider: upload, create, get, list pages, download, cancel; delete is unsupported', async () => {
    const provider = h.provider('openai');
    assert.equal(provider.capabilities?.deleteJob, false);
    const progress: number[] = [];
    const uploaded = await provider.uploadFile(
      await h.file('oa.jsonl', [openaiLine('r1', 'gpt-4o-mini'), openaiLine('r2', 'gpt-4o-mini')]),
      {
        displayName: 'oa',
        onProgress: (d) => progress.push(d),
      },
    );
    assert.match(uploaded.name, /^file-/);
    assert.ok(progress.length > 0);
    const created = await provider.createJob({
      kind: 'openai',
      model: 'gpt-4o-mini',
      displayName: 'my run',
      inputFile: uploaded.name,
      endpoint: '/v1/chat/completions',
    });
    assert.match(created.name, /^batch_/);
    assert.equal(created.displayName, 'my run');
    const done = await h.waitDone(provider, created.name);
    assert.equal(done.state, 'succeeded');
    assert.equal(done.displayName, 'my run');
    assert.equal(done.progress.total, 2);
    const dest = join(h.dir, 'oa-results.jsonl');
    await downloadAtomic(provider, done.resultsFile!, dest);
    assert.equal((await summarizeResults({ results: dest })).succeeded, 2);

    const second = await provider.createJob({
      kind: 'openai',
      model: 'gpt-4o-mini',
      displayName: 'two',
      inputFile: uploaded.name,
    });
    await provider.cancelJob(second.name);
    assert.equal((await h.waitDone(provider, second.name)).state, 'cancelled');
    const page1 = await provider.listJobs({ pageSize: 1 });
    assert.equal(page1.jobs.length, 1);
    assert.ok(page1.nextPageToken);
    const page2 = await provider.listJobs({ pageSize: 1, pageToken: page1.nextPageToken });
    assert.equal(page2.jobs.length, 1);
    assert.notEqual(page2.jobs[0].name, page1.jobs[0].name);
    await assert.rejects(
      provider.deleteJob(second.name),
      (e: unknown) => e instanceof BatchApiError && e.kind === 'unsupported',
    );
    await assert.rejects(
      provider.getJob('batch_nope'),
      (e: unknown) => e instanceof BatchApiError && e.kind === 'notFound',
    );
  });

  test('openai provider: bad key → auth, 429 → rateLimit with Retry-After, no key in messages', async () => {
    const bad = await h
      .provider('openai', '')
      .listJobs({ pageSize: 10 })
      .catch((e: unknown) => e);
    assert.ok(bad instanceof BatchApiError && bad.kind === 'auth', String(bad));
    h.emulator.setFaults({ rate429: 1, retryAfterSeconds: 3 });
    const limited = await h
      .provider('openai')
      .getJob('batch_x')
      .catch((e: unknown) => e);
    h.emulator.setFaults({});
    assert.ok(limited instanceof BatchApiError && limited.kind === 'rateLimit', String(limited));
    assert.equal(limited.retryAfterMs, 3000);
    assert.ok(![bad.message, limited.message, JSON.stringify(h.calls)].some((t) => t.includes(SECRET)));
  });

  test('safeCreate adopts the job when the emulator creates it and answers 500 (ambiguousCreate)', async () => {
    const provider = h.provider();
    const uploaded = await provider.uploadFile(await h.file('amb.jsonl', [generateLine('a')]), { displayName: 'amb' });
    const before = (await provider.listJobs({ pageSize: 100 })).jobs.length;
    h.emulator.setFaults({ ambiguousCreate: true });
    try {
      const result = await safeCreate(provider, {
        kind: 'gemini-generate',
        model: 'gemini-2.5-flash',
        displayName: 'amb',
        inputFile: uploaded.name,
      });
      assert.equal(result.adopted, true);
      assert.equal(result.job.inputFile, uploaded.name);
    } finally {
      h.emulator.setFaults({});
    }
    assert.equal((await provider.listJobs({ pageSize: 100 })).jobs.length, before + 1, 'exactly one job was made');
  });
});
