import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLines } from '../../../../src/core/jobs/lineReader';
import {
  downloadAtomic,
  FileExistsError,
  joinResults,
  resultsSource,
  summarizeResults,
} from '../../../../src/core/jobs/results';
import { BatchApiError, type BatchJob } from '../../../../src/core/providers/types';

const fixture = (name: string) => join(__dirname, '../../../fixtures/jobs', name);

async function readJsonl(path: string): Promise<Record<string, unknown>[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

suite('results', () => {
  let dir: string;
  setup(async () => (dir = await mkdtemp(join(tmpdir(), 'results-'))));
  teardown(() => rm(dir, { recursive: true, force: true }));

  test('readLines: offsets, CRLF, BOM, last line without EOL', async () => {
    const path = join(dir, 'l.jsonl');
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\r\n\r\n{"b":"é"}')]));
    const lines = [];
    for await (const l of readLines(path)) {
      lines.push([l.lineNo, l.offset, l.bytes.toString()]);
    }
    assert.deepEqual(lines, [
      [1, 3, '{"a":1}'],
      [2, 12, ''],
      [3, 14, '{"b":"é"}'],
    ]);
  });

  test('summarizes the real Gemini generate and embeddings output files', async () => {
    assert.deepEqual(await summarizeResults({ results: fixture('gemini-batch-generate-output.jsonl') }), {
      total: 2,
      succeeded: 2,
      noAnswer: 0,
      byNoAnswerReason: {},
      failed: 0,
      byErrorCode: {},
    });
    assert.deepEqual(await summarizeResults({ results: fixture('gemini-batch-embeddings-output.jsonl') }), {
      total: 2,
      succeeded: 2,
      noAnswer: 0,
      byNoAnswerReason: {},
      failed: 0,
      byErrorCode: {},
    });
  });

  test('summarizes real OpenAI output + error files, and defensive error lines', async () => {
    const summary = await summarizeResults({
      results: fixture('openai-batch-output-guide-example.jsonl'),
      errors: fixture('openai-batch-error-expired-guide-example.jsonl'),
    });
    assert.deepEqual(summary, {
      total: 4,
      succeeded: 2,
      noAnswer: 0,
      byNoAnswerReason: {},
      failed: 2,
      byErrorCode: { batch_expired: 2 },
    });
    assert.deepEqual(await summarizeResults({ results: fixture('openai-batch-output-real-openai-api-rs.jsonl') }), {
      total: 1,
      succeeded: 1,
      noAnswer: 0,
      byNoAnswerReason: {},
      failed: 0,
      byErrorCode: {},
    });
    assert.deepEqual(await summarizeResults({ results: fixture('gemini-error-lines.jsonl') }), {
      total: 4,
      succeeded: 0,
      noAnswer: 0,
      byNoAnswerReason: {},
      failed: 4,
      byErrorCode: { INVALID_ARGUMENT: 1, RESOURCE_EXHAUSTED: 1, unparseable_line: 1, rate_limit_exceeded: 1 },
    });
  });

  test('a Gemini error line in the real shape (gRPC code, no status name) counts under the code name', async () => {
    const path = join(dir, 'errs.jsonl');
    await writeFile(
      path,
      '{"error":{"code":3,"message":"bad"},"key":"a"}\n{"error":{"code":8,"message":"quota"},"key":"b"}\n{"error":{"code":499,"message":"?"},"key":"c"}\n',
    );
    assert.deepEqual(await summarizeResults({ results: path }), {
      total: 3,
      succeeded: 0,
      noAnswer: 0,
      byNoAnswerReason: {},
      failed: 3,
      byErrorCode: { INVALID_ARGUMENT: 1, RESOURCE_EXHAUSTED: 1, '499': 1 },
    });
  });

  test('joins a file of keyed and keyless lines: keyed results by key in any order, keyless ones by their order', async () => {
    const input = join(dir, 'mixed.jsonl');
    const req = (t: string) => ({ contents: [{ parts: [{ text: t }] }] });
    await writeFile(
      input,
      [req('bare0'), { key: 'a', request: req('a') }, req('bare1'), { key: 'b', request: req('b') }]
        .map((l) => JSON.stringify(l))
        .join('\n') + '\n',
    );
    const results = join(dir, 'mixed-out.jsonl');
    // As the emulator writes them by default: keyed lines shuffled, keyless ones in their order.
    await writeFile(
      results,
      '{"response":{"n":"b"},"key":"b"}\n{"response":{"n":"bare0"}}\n{"response":{"n":"a"},"key":"a"}\n{"response":{"n":"bare1"}}\n',
    );
    const out = join(dir, 'mixed-joined.jsonl');
    assert.deepEqual(await joinResults(input, results, undefined, out), {
      matched: 4,
      missingResults: 0,
      orphanResults: 0,
      unparseableResults: 0,
    });
    const joined = await readJsonl(out);
    assert.deepEqual(
      joined.map((l) => [l.line, l.key, (l.response as { n: string }).n]),
      [
        [1, null, 'bare0'],
        [2, 'a', 'a'],
        [3, null, 'bare1'],
        [4, 'b', 'b'],
      ],
    );
  });

  test('joins OpenAI results by custom_id in input order, with errors, missing and orphans', async () => {
    const out = join(dir, 'joined.jsonl');
    const counts = await joinResults(
      fixture('openai-input-3.jsonl'),
      fixture('openai-batch-output-guide-example.jsonl'),
      fixture('openai-batch-error-expired-guide-example.jsonl'),
      out,
    );
    assert.deepEqual(counts, { matched: 3, missingResults: 1, orphanResults: 1, unparseableResults: 0 });
    const lines = await readJsonl(out);
    assert.deepEqual(
      lines.map((l) => [l.line, l.key]),
      [
        [1, 'request-1'],
        [2, 'request-2'],
        [4, 'request-3'],
        [5, 'request-4'],
        [null, 'request-7'],
      ],
    );
    assert.equal(
      (lines[0].response as { choices: { message: { content: string } }[] }).choices[0].message.content,
      'Hello! How can I assist you today?',
    );
    assert.equal((lines[0].request as { messages: unknown[] }).messages.length, 1);
    assert.equal((lines[2].error as { code: string }).code, 'batch_expired');
    assert.equal((lines[3].error as { code: string }).code, 'missing_result');
    assert.deepEqual((await readdir(dir)).sort(), ['joined.jsonl']);
  });

  test('joins Gemini results by key (key last in the result line) and keyless input by position', async () => {
    const input = join(dir, 'in.jsonl');
    await writeFile(
      input,
      '{"key":"request_2","request":{"contents":[{"parts":[{"text":"b"}]}]}}\n{"request":{"contents":[]},"key":"request_1"}\n',
    );
    const out = join(dir, 'out.jsonl');
    assert.deepEqual(await joinResults(input, fixture('gemini-batch-generate-output.jsonl'), undefined, out), {
      matched: 2,
      missingResults: 0,
      orphanResults: 0,
      unparseableResults: 0,
    });
    const lines = await readJsonl(out);
    assert.deepEqual(
      lines.map((l) => l.key),
      ['request_2', 'request_1'],
    );
    assert.match(JSON.stringify(lines[0].response), /qubits/);

    const keyless = join(dir, 'keyless.jsonl');
    await writeFile(keyless, '{"contents":[{"parts":[{"text":"1"}]}]}\r\n{"contents":[{"parts":[{"text":"2"}]}]}\r\n');
    const results = join(dir, 'keyless-out.jsonl');
    await writeFile(results, '{"response":{"n":1}}\n{"error":{"code":3,"status":"INVALID_ARGUMENT"}}\n');
    const out2 = join(dir, 'joined2.jsonl');
    assert.deepEqual(await joinResults(keyless, results, undefined, out2), {
      matched: 2,
      missingResults: 0,
      orphanResults: 0,
      unparseableResults: 0,
    });
    const joined = await readJsonl(out2);
    assert.deepEqual(joined[0], {
      line: 1,
      key: null,
      request: { contents: [{ parts: [{ text: '1' }] }] },
      response: { n: 1 },
    });
    assert.deepEqual(joined[1].error, { code: 3, status: 'INVALID_ARGUMENT' });
  });

  test('two joins into one file at once both finish, and the file is whole (each writes its own temp file)', async () => {
    const input = join(dir, 'in.jsonl');
    await writeFile(input, '{"key":"request_2","request":{}}\n{"key":"request_1","request":{}}\n');
    const out = join(dir, 'twice.joined.jsonl');
    const results = fixture('gemini-batch-generate-output.jsonl');
    const counts = await Promise.all([0, 1].map(() => joinResults(input, results, undefined, out)));
    assert.deepEqual(
      counts.map((c) => c.matched),
      [2, 2],
    );
    assert.deepEqual(
      (await readJsonl(out)).map((l) => l.key),
      ['request_2', 'request_1'],
    );
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.includes('twice')),
      ['twice.joined.jsonl'],
      'no temp file left',
    );
  });

  test('downloadAtomic: complete file on success, nothing on failure, refuses to overwrite', async () => {
    const dest = join(dir, 'results.jsonl');
    const ok = { downloadFile: async (_f: string, p: string) => writeFile(p, 'done\n') };
    await downloadAtomic(ok, 'files/x', dest);
    assert.equal(await readFile(dest, 'utf8'), 'done\n');
    await assert.rejects(downloadAtomic(ok, 'files/x', dest), FileExistsError);
    const failing = {
      downloadFile: async (_f: string, p: string) => {
        await writeFile(p, 'half');
        throw new BatchApiError('network', 'cut');
      },
    };
    await assert.rejects(
      downloadAtomic(failing, 'files/x', dest, { overwrite: true }),
      (e: unknown) => e instanceof BatchApiError && e.kind === 'network',
    );
    assert.equal(await readFile(dest, 'utf8'), 'done\n');
    await assert.rejects(downloadAtomic(failing, 'files/x', join(dir, 'new.jsonl')));
    assert.deepEqual(await readdir(dir), ['results.jsonl']);
    await downloadAtomic({ downloadFile: async (_f, p) => writeFile(p, 'v2\n') }, 'files/x', dest, { overwrite: true });
    assert.equal(await readFile(dest, 'utf8'), 'v2\n');
  });

  test('downloadAtomic: an abort leaves nothing behind', async () => {
    const controller = new AbortController();
    const provider = {
      downloadFile: async (_f: string, p: string, o?: { signal?: AbortSignal }) => {
        await writeFile(p, 'partial');
        controller.abort();
        if (o?.signal?.aborted) {
          throw new BatchApiError('cancelled', 'stop');
        }
      },
    };
    await assert.rejects(
      downloadAtomic(provider, 'files/x', join(dir, 'a.jsonl'), { signal: controller.signal }),
      (e: unknown) => e instanceof BatchApiError && e.kind === 'cancelled',
    );
    assert.deepEqual(await readdir(dir), []);
  });

  test('resultsSource points inline results at the job', () => {
    const job = { name: 'batches/1', resultsFile: 'inline' } as BatchJob;
    assert.equal(resultsSource(job), 'batches/1');
    assert.equal(resultsSource({ ...job, resultsFile: 'files/batch-1' }), 'files/batch-1');
  });
});
