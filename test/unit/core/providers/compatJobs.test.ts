import * as assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { safeCreate } from '../../../../src/core/jobs/safeCreate';
import { downloadAtomic, summarizeResults } from '../../../../src/core/jobs/results';
import type { BatchJob, BatchProvider, ProviderId } from '../../../../src/core/providers/types';
import { generateLine, openaiLine } from './emulatorHarness';
import { withEmulatorHarness } from './harnessSuite';

/** A chat line the emulator answers 400 (unknown role): it goes to the batch's error file. */
const failingLine = (id: string) => ({
  ...openaiLine(id, 'gemini-2.5-flash'),
  body: { model: 'gemini-2.5-flash', messages: [{ role: 'wizard', content: 'x' }] },
});

function assertCompatView(job: BatchJob, how: string): void {
  assert.equal(job.kind, 'openai', `${how}: ${JSON.stringify(job)}`);
  assert.match(job.errorFile ?? '', /^files\/batch-.+-errors$/, `${how}: error file`);
  assert.match(job.resultsFile ?? '', /^files\/batch-/, `${how}: results file`);
  assert.equal(job.progress.failed, 1, `${how}: failed count`);
  assert.equal(job.progress.succeeded, 1, `${how}: succeeded count`);
}

suite('OpenAI-format jobs on the Gemini API (compat layer), read by a fresh provider', function () {
  const h = withEmulatorHarness(this);

  test('getJob and listJobs of a new provider instance report kind openai and the error file; the failure downloads', async () => {
    const creator = h.provider('emulator');
    const uploaded = await creator.uploadFile(
      await h.file('compat-fail.jsonl', [openaiLine('ok1', 'gemini-2.5-flash'), failingLine('bad1')]),
      { displayName: 'cf' },
    );
    const created = await creator.createJob({
      kind: 'openai',
      model: 'gemini-2.5-flash',
      displayName: 'cf',
      inputFile: uploaded.name,
      endpoint: '/v1/chat/completions',
    });
    assert.match(created.name, /^batches\//);
    await h.waitDone(creator, created.name);

    // A restart: nothing of the creating instance survives.
    const fresh = h.provider('emulator');
    const unhinted = await fresh.getJob(created.name);
    assertCompatView(unhinted, 'getJob without hint');
    assertCompatView(await fresh.getJob(created.name, undefined, { kind: 'openai' }), 'getJob with the saved kind');
    const listed = (await fresh.listJobs({ pageSize: 50 })).jobs.find((j) => j.name === created.name);
    assert.ok(listed, 'the job is listed');
    assertCompatView(listed, 'listJobs');
    assert.equal(listed.inputFile, uploaded.name);

    const results = join(h.dir, 'cf-results.jsonl');
    const errors = join(h.dir, 'cf-errors.jsonl');
    await downloadAtomic(fresh, unhinted.resultsFile!, results);
    const bytes: [number, number][] = [];
    await downloadAtomic(fresh, unhinted.errorFile!, errors, { onProgress: (d, t) => bytes.push([d, t]) });
    const size = (await stat(errors)).size;
    assert.ok(
      bytes.length > 0 && bytes.every(([, t]) => t === size),
      `download progress against Content-Length: ${JSON.stringify(bytes)}`,
    );
    assert.deepEqual(bytes[bytes.length - 1], [size, size]);
    const summary = await summarizeResults({ results, errors });
    assert.equal(summary.succeeded, 1);
    assert.equal(summary.failed, 1);
  });

  test('native Gemini jobs stay native in the same list and get', async () => {
    const provider = h.provider('emulator');
    const uploaded = await provider.uploadFile(await h.file('native.jsonl', [generateLine('n1')]), {
      displayName: 'native',
    });
    const created = await provider.createJob({
      kind: 'gemini-generate',
      model: 'gemini-2.5-flash',
      displayName: 'native',
      inputFile: uploaded.name,
    });
    const done = await h.waitDone(provider, created.name);
    assert.equal(done.kind, 'gemini-generate');
    assert.equal(done.errorFile, undefined);
    const listed = (await h.provider('emulator').listJobs({ pageSize: 50 })).jobs.find((j) => j.name === created.name);
    assert.equal(listed?.kind, 'gemini-generate');
    assert.equal(listed?.displayName, 'native');
    // A saved `openai` record whose job the compat layer cannot read (404 here) still reads natively, never as gone.
    const fallback = await h.provider('emulator').getJob(created.name, undefined, { kind: 'openai' });
    assert.equal(fallback.state, 'succeeded');
    assert.equal(fallback.kind, 'openai');
  });

  test('ambiguousCreate: exactly one job for an openai-kind file via emulator, geminiOpenAI and openai', async () => {
    const cases: { id: ProviderId; model: string; count: () => BatchProvider }[] = [
      { id: 'emulator', model: 'gemini-2.5-flash', count: () => h.provider('geminiOpenAI') },
      { id: 'geminiOpenAI', model: 'gemini-2.5-flash', count: () => h.provider('geminiOpenAI') },
      // The picked model differs from what the service reports (OpenAI reports dated names): never matched on.
      { id: 'openai', model: 'gpt-4o', count: () => h.provider('openai') },
    ];
    for (const { id, model, count } of cases) {
      const provider = h.provider(id);
      const lineModel = id === 'openai' ? 'gpt-4o-2024-08-06' : model;
      const uploaded = await provider.uploadFile(await h.file(`amb-${id}.jsonl`, [openaiLine('a1', lineModel)]), {
        displayName: `amb-${id}`,
      });
      const before = (await count().listJobs({ pageSize: 100 })).jobs.length;
      h.emulator.setFaults({ ambiguousCreate: true });
      try {
        const result = await safeCreate(provider, {
          kind: 'openai',
          model,
          displayName: `amb-${id}`,
          inputFile: uploaded.name,
          endpoint: '/v1/chat/completions',
        });
        assert.equal(result.adopted, true, id);
        assert.equal(result.job.inputFile, uploaded.name, id);
        assert.equal(result.job.kind, 'openai', id);
      } finally {
        h.emulator.setFaults({});
      }
      assert.equal(
        (await count().listJobs({ pageSize: 100 })).jobs.length,
        before + 1,
        `${id}: exactly one job was made`,
      );
    }
  });
});
