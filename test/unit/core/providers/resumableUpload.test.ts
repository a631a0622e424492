import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instrumentedFetch } from '../../../../src/core/providers/instrumentedFetch';
import { resumableUpload } from '../../../../src/core/providers/resumableUpload';
import { BatchApiError } from '../../../../src/core/providers/types';
import { startFakeUploadServer, type ChunkFault } from './fakeUploadServer';

const KEY = 'upload-test-key';

suite('resumable upload (fake server)', () => {
  let dir: string;
  let file: string;
  const content = Buffer.from(Array.from({ length: 2500 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(''));

  setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'upload-'));
    file = join(dir, 'in.jsonl');
    await writeFile(file, content);
  });
  teardown(() => rm(dir, { recursive: true, force: true }));

  async function run(faults: Map<number, ChunkFault>, signal?: AbortSignal, onChunk?: (i: number) => void) {
    const server = await startFakeUploadServer(faults);
    server.onChunk = onChunk;
    const endpoint = {
      baseUrl: server.baseUrl,
      version: 'v1beta' as const,
      apiKey: KEY,
      fetch: instrumentedFetch({ apiKey: KEY, throwOnHttpError: true }),
    };
    const progress: [number, number][] = [];
    try {
      const result = await resumableUpload(endpoint, file, {
        displayName: 'in',
        chunkBytes: 1000,
        onProgress: (d, t) => progress.push([d, t]),
        signal,
      }).catch((e: unknown) => e);
      return { result, progress, server };
    } finally {
      await server.close();
    }
  }

  test('sends 1000-byte chunks at increasing offsets and reports increasing progress', async () => {
    const { result, progress, server } = await run(new Map());
    assert.deepEqual(result, { name: 'files/up1', displayName: 'in', sizeBytes: 2500, mimeType: 'jsonl' });
    // Bytes are counted as they stream; each confirmed chunk end is reported, and progress never goes back.
    const chunkEnds = progress.filter(([d]) => d % 1000 === 0 || d === 2500).map(([d]) => d);
    assert.deepEqual([...new Set(chunkEnds)], [1000, 2000, 2500]);
    assert.ok(
      progress.every(([d, t], i) => t === 2500 && (i === 0 || d >= progress[i - 1][0])),
      JSON.stringify(progress),
    );
    assert.deepEqual(server.commands, ['start', 'upload', 'upload', 'upload, finalize']);
    assert.deepEqual(Buffer.concat([...server.sessions.values()][0].received), content);
    assert.deepEqual([...server.keys], [KEY]);
  });

  test('a 503 chunk is resumed after a query, at the offset the server reports', async () => {
    const { result, server } = await run(new Map([[1, '503']]));
    assert.equal((result as { name: string }).name, 'files/up1');
    assert.deepEqual(server.commands, ['start', 'upload', 'upload', 'query', 'upload', 'upload, finalize']);
    assert.deepEqual(Buffer.concat([...server.sessions.values()][0].received), content);
  });

  test('a dropped connection after the server took the bytes resumes without sending them twice', async () => {
    const { result, server } = await run(new Map([[0, 'dropAfterAccept']]));
    assert.equal((result as { name: string }).name, 'files/up1');
    assert.deepEqual(server.commands, ['start', 'upload', 'query', 'upload', 'upload, finalize']);
    assert.deepEqual(Buffer.concat([...server.sessions.values()][0].received), content);
  });

  test('a lost finalize answer is recovered from the query', async () => {
    const { result, server } = await run(new Map([[2, 'dropAfterAccept']]));
    assert.equal((result as { name: string }).name, 'files/up1');
    assert.deepEqual(server.commands.slice(-2), ['upload, finalize', 'query']);
  });

  test('abort mid-upload → cancelled, never finalized, server told to cancel', async () => {
    const controller = new AbortController();
    const { result, server } = await run(new Map(), controller.signal, (i) => i === 1 && controller.abort());
    assert.ok(result instanceof BatchApiError);
    assert.equal(result.kind, 'cancelled');
    assert.ok(!server.commands.includes('upload, finalize'));
    assert.equal(server.commands.at(-1), 'cancel');
    assert.equal(server.sessions.size, 0);
  });

  test('a file under one 8 MiB chunk reports progress while its bytes stream, before the upload finishes', async () => {
    const big = join(dir, 'three-mib.jsonl');
    const size = 3 * 1024 * 1024;
    await writeFile(big, Buffer.alloc(size, 'a'));
    const server = await startFakeUploadServer(new Map());
    const endpoint = {
      baseUrl: server.baseUrl,
      version: 'v1beta' as const,
      apiKey: KEY,
      fetch: instrumentedFetch({ apiKey: KEY, throwOnHttpError: true }),
    };
    const progress: number[] = [];
    try {
      await resumableUpload(endpoint, big, {
        displayName: 'big',
        onProgress: (d, t) => (assert.equal(t, size), progress.push(d)),
      });
    } finally {
      await server.close();
    }
    assert.deepEqual(server.commands, ['start', 'upload, finalize'], 'still one chunk');
    const intermediate = progress.filter((d) => d > 0 && d < size);
    assert.ok(intermediate.length >= 2, `intermediate progress: ${JSON.stringify(progress.slice(0, 5))}…`);
    assert.equal(progress[progress.length - 1], size);
  });
});
