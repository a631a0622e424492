import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pollUntil, TERMINAL, withEmulator, writeJsonl } from './helpers';

const FIXTURES = path.join(__dirname, '../../fixtures/emulator');

suite('emulator: inline and embeddings batches with @google/genai', () => {
  const env = withEmulator();

  test('inline generate job returns inlined responses with metadata, JSON mode honoured (v1)', async () => {
    const ai = env.genai('v1');
    const job = await ai.batches.create({
      model: 'gemini-2.5-flash-lite',
      src: [
        {
          contents: [{ parts: [{ text: 'hello' }], role: 'user' }],
          config: {
            temperature: 0.2,
            systemInstruction: 'be brief',
            responseMimeType: 'application/json',
            responseSchema: {
              type: 'OBJECT' as never,
              properties: { title: { type: 'STRING' as never }, score: { type: 'NUMBER' as never } },
              required: ['title'],
            },
          },
          metadata: { key: 'k1' },
        },
        { contents: 'plain string contents', metadata: { key: 'k2' } },
      ],
      config: { displayName: 'inline-probe' },
    });
    env.runJobs();
    const done = await pollUntil(
      () => ai.batches.get({ name: job.name! }),
      (j) => TERMINAL.includes(j.state ?? ''),
    );
    assert.equal(done.state, 'JOB_STATE_SUCCEEDED');
    const responses = done.dest?.inlinedResponses ?? [];
    assert.equal(responses.length, 2);
    const first = responses.find((r) => r.metadata?.key === 'k1');
    const parsed = JSON.parse(first?.response?.candidates?.[0]?.content?.parts?.[0]?.text ?? 'null');
    assert.equal(typeof parsed.title, 'string');
    assert.equal(typeof parsed.score, 'number');
    const second = responses.find((r) => r.metadata?.key === 'k2');
    assert.match(
      second?.response?.candidates?.[0]?.content?.parts?.[0]?.text ?? '',
      /^\[emulated gemini-2\.5-flash-lite\] .*plain string contents/,
    );
    assert.equal(second?.response?.candidates?.[0]?.finishReason, 'STOP');
    assert.ok((second?.response?.usageMetadata?.totalTokenCount ?? 0) > 0);
  });

  test('embeddings from a file (file_name) give unit vectors shaped like real output (v1beta)', async () => {
    const ai = env.genai('v1beta');
    const input = writeJsonl(env.dir, 'emb.jsonl', [
      { key: 'request_1', request: { output_dimensionality: 3, content: { parts: [{ text: '1' }] } } },
      { key: 'request_2', request: { outputDimensionality: 4, content: { parts: [{ text: '2' }] } } },
      { key: 'request_3', request: { content: { parts: [{ text: '1' }] } } },
      { key: 'same_as_1', request: { output_dimensionality: 3, content: { parts: [{ text: '1' }] } } },
    ]);
    const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl' } });
    const job = await ai.batches.createEmbeddings({
      model: 'gemini-embedding-001',
      src: { fileName: file.name! },
      config: { displayName: 'emb' },
    });
    env.runJobs();
    const done = await pollUntil(
      () => ai.batches.get({ name: job.name! }),
      (j) => TERMINAL.includes(j.state ?? ''),
    );
    assert.equal(done.state, 'JOB_STATE_SUCCEEDED');
    const out = path.join(env.dir, 'emb-out.jsonl');
    await ai.files.download({ file: done.dest!.fileName!, downloadPath: out });
    const lines = await pollUntil(
      async () => readFileSync(out, 'utf8').trim().split('\n'),
      (l) => l.length === 4 && l[3].endsWith('}'),
      2000,
      20,
    );
    const byKey = new Map(lines.map((l) => JSON.parse(l)).map((l) => [l.key, l]));
    const real = readFileSync(path.join(FIXTURES, 'gemini-batch-embeddings-output.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const r of real) {
      const ours = byKey.get(r.key);
      assert.deepEqual(Object.keys(ours), Object.keys(r));
      assert.deepEqual(Object.keys(ours.response).sort(), Object.keys(r.response).sort());
      assert.equal(typeof ours.response.tokenCount, 'string');
      assert.equal(ours.response.embedding.values.length, r.response.embedding.values.length);
    }
    const v3072 = byKey.get('request_3').response.embedding.values as number[];
    assert.equal(v3072.length, 3072);
    assert.ok(Math.abs(Math.hypot(...v3072) - 1) < 1e-5);
    assert.deepEqual(byKey.get('same_as_1').response.embedding, byKey.get('request_1').response.embedding);
    assert.notDeepEqual(
      byKey.get('request_2').response.embedding.values.slice(0, 3),
      byKey.get('request_1').response.embedding.values,
    );
  });

  test('inline embeddings job (one shared config) lands in dest.inlinedEmbedContentResponses', async () => {
    const ai = env.genai('v1');
    const job = await ai.batches.createEmbeddings({
      model: 'gemini-embedding-001',
      src: {
        inlinedRequests: {
          contents: ['first text', 'second text'],
          config: { taskType: 'RETRIEVAL_DOCUMENT', outputDimensionality: 768 },
        },
      },
    });
    env.runJobs();
    const done = await pollUntil(
      () => ai.batches.get({ name: job.name! }),
      (j) => TERMINAL.includes(j.state ?? ''),
    );
    assert.equal(done.state, 'JOB_STATE_SUCCEEDED');
    const items = done.dest?.inlinedEmbedContentResponses ?? [];
    assert.equal(items.length, 2);
    for (const item of items) {
      assert.equal(item.response?.embedding?.values?.length, 768);
    }
  });

  test('an embedding job on a generate model, or an unknown model, is refused', async () => {
    const ai = env.genai('v1beta');
    await assert.rejects(
      ai.batches.createEmbeddings({ model: 'gemini-2.5-flash', src: { inlinedRequests: { contents: ['x'] } } }),
      (e: Error & { status?: number }) => e.status === 400,
    );
    await assert.rejects(
      ai.batches.create({ model: 'gemni-2.5-flash', src: [{ contents: 'x' }] }),
      (e: Error & { status?: number }) => e.status === 404 && /NOT_FOUND/.test(e.message),
    );
  });
});
