import * as assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { mapGeminiFile } from '../../../../src/core/providers/geminiFiles';
import { BatchApiError, type BatchProvider, type UploadedFile } from '../../../../src/core/providers/types';
import { generateLine, openaiLine } from './emulatorHarness';
import { withEmulatorHarness } from './harnessSuite';

/** Every page of `provider.listFiles`, following `nextPageToken` (bounded, so a looping token fails the test). */
async function allFiles(provider: BatchProvider, pageSize: number): Promise<{ files: UploadedFile[]; pages: number }> {
  const files: UploadedFile[] = [];
  let pageToken: string | undefined;
  for (let pages = 1; pages <= 20; pages++) {
    const page = await provider.listFiles({ pageSize, pageToken });
    assert.ok(page.files.length <= pageSize);
    files.push(...page.files);
    pageToken = page.nextPageToken;
    if (!pageToken) {
      return { files, pages };
    }
  }
  throw new Error('listFiles never reached its last page');
}

suite('provider.listFiles against the emulator', function () {
  const h = withEmulatorHarness(this);

  test('gemini: newest first, paged, File mapped (sizeBytes string → number, createTime); result files listed too', async () => {
    const provider = h.provider();
    const paths = await Promise.all([0, 1, 2].map((i) => h.file(`g${i}.jsonl`, [generateLine(`k${i}`)])));
    const uploaded: UploadedFile[] = [];
    for (const [i, path] of paths.entries()) {
      uploaded.push(await provider.uploadFile(path, { displayName: `in ${i}` }));
    }
    const { files, pages } = await allFiles(provider, 2);
    assert.equal(pages, 2);
    assert.deepEqual(
      files.map((f) => f.name),
      uploaded.map((u) => u.name).reverse(),
    );
    const newest = files[0];
    assert.equal(newest.displayName, 'in 2');
    assert.equal(newest.sizeBytes, (await stat(paths[2])).size);
    assert.equal(typeof newest.mimeType, 'string');
    assert.ok(newest.createTime && Number.isFinite(Date.parse(newest.createTime)), String(newest.createTime));

    const job = await provider.createJob({
      kind: 'gemini-generate',
      model: 'gemini-2.5-flash',
      displayName: 'r',
      inputFile: uploaded[0].name,
    });
    const done = await h.waitDone(provider, job.name);
    assert.match(done.resultsFile ?? '', /^files\/batch-/);
    const first = await provider.listFiles({ pageSize: 10 });
    assert.equal(
      first.files[0].name,
      done.resultsFile,
      'the service lists its result files: the picker must skip them',
    );
    assert.equal(first.nextPageToken, undefined);
  });

  test('geminiOpenAI lists the Gemini Files API too; a bad key is `auth`; an aborted list rejects', async () => {
    const gemini = await h
      .provider()
      .uploadFile(await h.file('c.jsonl', [openaiLine('c1', 'gemini-2.5-flash')]), { displayName: 'compat in' });
    const compat = h.provider('geminiOpenAI');
    const page = await compat.listFiles({ pageSize: 100 });
    assert.ok(page.files.some((f) => f.name === gemini.name && f.displayName === 'compat in'));
    await assert.rejects(
      h.provider('emulator', '').listFiles({ pageSize: 1 }),
      (e: unknown) => e instanceof BatchApiError && e.kind === 'auth',
    );
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(
      compat.listFiles({ pageSize: 1, signal: abort.signal }),
      (e: unknown) => e instanceof BatchApiError && e.kind === 'cancelled',
    );
  });

  test('openai: purpose batch, newest first, paged with after/has_more; Gemini files are not in it', async () => {
    const provider = h.provider('openai');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (
          await provider.uploadFile(await h.file(`o${i}.jsonl`, [openaiLine(`r${i}`, 'gpt-4o-mini')]), {
            displayName: `o${i}`,
          })
        ).name,
      );
    }
    const { files, pages } = await allFiles(provider, 2);
    assert.equal(pages, 2);
    assert.deepEqual(
      files.map((f) => f.name),
      [...ids].reverse(),
    );
    assert.equal(files[0].displayName, 'o2.jsonl');
    assert.equal(files[0].sizeBytes, (await stat(`${h.dir}/o2.jsonl`)).size);
    assert.ok(files[0].createTime && Number.isFinite(Date.parse(files[0].createTime)));
    assert.ok(files.every((f) => f.name.startsWith('file-')));
  });

  test('mapGeminiFile: missing or malformed sizeBytes is left out, never NaN', () => {
    assert.deepEqual(mapGeminiFile({ name: 'files/a', sizeBytes: '12', mimeType: 'jsonl' }), {
      name: 'files/a',
      displayName: undefined,
      sizeBytes: 12,
      mimeType: 'jsonl',
      createTime: undefined,
    });
    assert.equal(mapGeminiFile({ name: 'files/a', sizeBytes: 'lots' }).sizeBytes, undefined);
    assert.equal(mapGeminiFile({ name: 'files/a' }).sizeBytes, undefined);
  });
});
