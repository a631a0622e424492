import * as assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadAtomic, resultsSource, summarizeResults } from '../../../../src/core/jobs/results';
import { BatchApiError } from '../../../../src/core/providers/types';
import { SECRET, embedLine, generateLine, openaiLine } from './emulatorHarness';
import { withEmulatorHarness } from './harnessSuite';

suite('gemini provider against the emulator (real SDKs)', function () {
  const h = withEmulatorHarness(this);

  test('file generate job: upload, create, progress, finish, download, summarize', async () => {
    const provider = h.provider();
    const input = await h.file('gen.jsonl', [generateLine('a'), generateLine('b'), generateLine('c')]);
    const progress: number[] = [];
    const uploaded = await provider.uploadFile(input, {
      displayName: 'gen-input',
      onProgress: (d) => progress.push(d),
    });
    assert.match(uploaded.name, /^files\//);
    assert.ok(progress.length > 0);
    const created = await provider.createJob({
      kind: 'gemini-generate',
      model: 'gemini-2.5-flash',
      displayName: 'gen',
      inputFile: uploaded.name,
    });
    assert.match(created.name, /^batches\//);
    assert.equal(created.displayName, 'gen');
    assert.equal(created.inputFile, uploaded.name);
    const fetched = await provider.getJob(created.name);
    assert.equal(fetched.progress.total, 3);
    assert.equal(fetched.inputFile, uploaded.name);
    const done = await h.waitDone(provider, created.name);
    assert.equal(done.state, 'succeeded');
    assert.deepEqual([done.progress.succeeded, done.progress.failed], [3, 0]);
    assert.match(done.resultsFile ?? '', /^files\/batch-/);
    const dest = join(h.dir, 'gen-results.jsonl');
    await downloadAtomic(provider, resultsSource(done)!, dest);
    const summary = await summarizeResults({ results: dest });
    assert.deepEqual([summary.total, summary.succeeded], [3, 3]);
  });

  test('inline generate job: results come from the job itself', async () => {
    const provider = h.provider();
    const created = await provider.createJob({
      kind: 'gemini-generate',
      model: 'models/gemini-2.5-flash',
      displayName: 'inline',
      inlineLines: [generateLine('x'), generateLine('y')],
    });
    const done = await h.waitDone(provider, created.name);
    assert.equal(done.state, 'succeeded');
    assert.equal(done.resultsFile, 'inline');
    const dest = join(h.dir, 'inline-results.jsonl');
    await downloadAtomic(provider, resultsSource(done)!, dest);
    const lines = (await readFile(dest, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key?: string; response?: unknown });
    assert.deepEqual(lines.map((l) => l.key).sort(), ['x', 'y']);
    assert.ok(lines.every((l) => l.response));
  });

  test('embeddings file job', async () => {
    const provider = h.provider();
    const uploaded = await provider.uploadFile(await h.file('emb.jsonl', [embedLine('e1'), embedLine('e2')]), {
      displayName: 'emb',
    });
    const created = await provider.createJob({
      kind: 'gemini-embed',
      model: 'gemini-embedding-001',
      displayName: 'emb',
      inputFile: uploaded.name,
    });
    const done = await h.waitDone(provider, created.name);
    assert.equal(done.state, 'succeeded');
    assert.equal(done.kind, 'gemini-embed');
    const dest = join(h.dir, 'emb-results.jsonl');
    await downloadAtomic(provider, done.resultsFile!, dest);
    assert.deepEqual((await summarizeResults({ results: dest })).succeeded, 2);
  });

  test('openai-kind file through the gemini provider (compat layer) and the geminiOpenAI provider', async () => {
    for (const id of ['emulator', 'geminiOpenAI'] as const) {
      const provider = h.provider(id);
      const uploaded = await provider.uploadFile(
        await h.file(`oa-${id}.jsonl`, [openaiLine('r1', 'gemini-2.5-flash'), openaiLine('r2', 'gemini-2.5-flash')]),
        { displayName: 'oa' },
      );
      const created = await provider.createJob({
        kind: 'openai',
        model: 'gemini-2.5-flash',
        displayName: 'oa',
        inputFile: uploaded.name,
        endpoint: '/v1/chat/completions',
      });
      assert.equal(created.kind, 'openai');
      const done = await h.waitDone(provider, created.name);
      assert.equal(done.state, 'succeeded', `${id}: ${JSON.stringify(done)}`);
      const dest = join(h.dir, `oa-${id}-results.jsonl`);
      await downloadAtomic(provider, done.resultsFile!, dest);
      assert.deepEqual((await summarizeResults({ results: dest })).succeeded, 2);
    }
    // Compat job ids travel bare in the path, never as an encoded `batches%2F…`.
    assert.ok(h.calls.some((c) => c.path.startsWith('/v1beta/openai/batches/')));
    assert.ok(h.calls.every((c) => !c.path.includes('%2F')));
  });

  test('list pages, cancel, delete', async () => {
    const provider = h.provider();
    const made = [];
    for (const n of [1, 2, 3]) {
      made.push(
        await provider.createJob({
          kind: 'gemini-generate',
          model: 'gemini-2.5-flash',
          displayName: `page-${n}`,
          inlineLines: [generateLine('k')],
        }),
      );
    }
    const first = await provider.listJobs({ pageSize: 2 });
    assert.equal(first.jobs.length, 2);
    assert.ok(first.nextPageToken);
    const second = await provider.listJobs({ pageSize: 2, pageToken: first.nextPageToken });
    assert.ok(second.jobs.length >= 1);
    const names = new Set([...first.jobs, ...second.jobs].map((j) => j.name));
    assert.equal(names.size, first.jobs.length + second.jobs.length, 'pages do not overlap');

    await provider.cancelJob(made[2].name);
    const cancelled = await h.waitDone(provider, made[2].name);
    assert.equal(cancelled.state, 'cancelled');
    await provider.deleteJob(made[2].name);
    await assert.rejects(
      provider.getJob(made[2].name),
      (e: unknown) => e instanceof BatchApiError && e.kind === 'notFound',
    );
  });

  test('listModels filters by kind', async () => {
    const provider = h.provider();
    assert.ok((await provider.listModels('gemini-generate')).includes('gemini-2.5-flash'));
    assert.deepEqual(await provider.listModels('gemini-embed'), ['gemini-embedding-001']);
  });

  test('upload > 8 MiB goes in chunks with increasing progress; abort leaves nothing', async () => {
    const provider = h.provider();
    const line = JSON.stringify(generateLine('k', 'x'.repeat(1000)));
    const big = join(h.dir, 'big.jsonl');
    const count = Math.ceil((9 * 1024 * 1024) / (line.length + 1));
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(big, Array.from({ length: count }, (_, i) => line.replace('"k"', `"k${i}"`)).join('\n')),
    );
    const progress: number[] = [];
    const uploaded = await provider.uploadFile(big, { displayName: 'big', onProgress: (d) => progress.push(d) });
    assert.ok(progress.length >= 2, `progress ${progress}`);
    assert.ok(progress.every((p, i) => i === 0 || p > progress[i - 1]));
    // Progress moves as bytes stream; the first chunk's end is reported once the server confirmed it.
    assert.ok(progress[0] < 8 * 1024 * 1024, `first report ${progress[0]}`);
    assert.ok(progress.includes(8 * 1024 * 1024));
    assert.equal(uploaded.sizeBytes, progress.at(-1));

    // Connection resets mid-chunk: the upload queries the received size and resumes from there.
    h.emulator.setFaults({ resetUpload: 0.6, seed: 7 });
    const uploadCalls = () => h.calls.filter((c) => c.path.startsWith('/upload/')).length;
    const callsBefore = uploadCalls();
    try {
      const resumed = await provider.uploadFile(big, { displayName: 'big-reset' });
      assert.equal(resumed.sizeBytes, uploaded.sizeBytes);
    } finally {
      h.emulator.setFaults({});
    }
    assert.ok(uploadCalls() - callsBefore > 3, 'resets caused queries and resends');

    const filesBefore = await readdir(join(h.dir, 'data', 'files')).catch(() => []);
    const uploadsBefore = await readdir(join(h.dir, 'data', 'uploads')).catch(() => []);
    const controller = new AbortController();
    const failed = await provider
      .uploadFile(big, { displayName: 'big2', signal: controller.signal, onProgress: () => controller.abort() })
      .catch((e: unknown) => e);
    assert.ok(failed instanceof BatchApiError && failed.kind === 'cancelled', String(failed));
    assert.deepEqual(await readdir(join(h.dir, 'data', 'files')).catch(() => []), filesBefore);
    assert.deepEqual(
      await readdir(join(h.dir, 'data', 'uploads')).catch(() => []),
      uploadsBefore,
      'the partial upload was cancelled',
    );
  });

  test('errors: 429 + Retry-After, auth, invalid lines with details; the key never leaks', async () => {
    const provider = h.provider();
    h.emulator.setFaults({ rate429: 1, retryAfterSeconds: 2 });
    const limited = await provider.listJobs({ pageSize: 10 }).catch((e: unknown) => e);
    h.emulator.setFaults({});
    assert.ok(limited instanceof BatchApiError && limited.kind === 'rateLimit', String(limited));
    assert.equal(limited.retryAfterMs, 2000);

    const noKey = await h
      .provider('emulator', '')
      .listJobs({ pageSize: 10 })
      .catch((e: unknown) => e);
    assert.ok(noKey instanceof BatchApiError && noKey.kind === 'auth', String(noKey));

    const bad = await provider.uploadFile(
      await h.file('bad.jsonl', [
        generateLine('ok'),
        { key: 'bad', request: { contents: 'not-a-list', thinking_config: 1 } },
      ]),
      { displayName: 'bad' },
    );
    const invalid = await provider
      .createJob({ kind: 'gemini-generate', model: 'gemini-2.5-flash', displayName: 'bad', inputFile: bad.name })
      .catch((e: unknown) => e);
    assert.ok(invalid instanceof BatchApiError && invalid.kind === 'invalid', String(invalid));
    assert.ok(
      invalid.details?.some((d) => /line 2/i.test(d)),
      JSON.stringify(invalid.details),
    );

    for (const text of [
      JSON.stringify(h.calls),
      limited.message,
      noKey.message,
      invalid.message,
      JSON.stringify(invalid.details),
    ]) {
      assert.ok(!text.includes(SECRET), 'key leaked');
    }
    assert.ok(h.calls.length > 10);
    assert.ok(h.calls.every((c) => !c.path.includes('?')));
  });
});
