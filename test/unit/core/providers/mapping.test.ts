import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Batch } from 'openai/resources/batches';
import { mapGeminiOperation, type GeminiOperation } from '../../../../src/core/providers/geminiOperation';
import { inlineResultLines, toInlineRequests } from '../../../../src/core/providers/geminiInline';
import { filterGeminiModels } from '../../../../src/core/providers/models';
import { mapOpenAIBatch } from '../../../../src/core/providers/openaiBatch';

const fixture = (name: string) => join(__dirname, '../../../fixtures/providers', name);

suite('Gemini Operation mapping', () => {
  test('reads the real running list item: state, string batchStats, model', () => {
    const op = JSON.parse(readFileSync(fixture('gemini-batch-operation-running.json'), 'utf8')) as GeminiOperation;
    const job = mapGeminiOperation(op, 'gemini');
    assert.equal(job.name, 'batches/1234567890');
    assert.equal(job.state, 'running');
    assert.equal(job.rawState, 'BATCH_STATE_RUNNING');
    assert.equal(job.model, 'gemini-2.5-flash');
    assert.equal(job.kind, 'gemini-generate');
    assert.equal(job.displayName, 'my-batch-job');
    assert.deepEqual(job.progress, { total: 4, succeeded: 1, failed: 0, pending: 3 });
    assert.equal(job.resultsFile, undefined);
    assert.equal(job.error, undefined);
  });

  test('finished, failed, inline and embed shapes', () => {
    const done = mapGeminiOperation(
      {
        name: 'batches/b1',
        done: true,
        metadata: {
          '@type': 'type.googleapis.com/google.ai.generativelanguage.v1main.EmbedContentBatch',
          state: 'BATCH_STATE_SUCCEEDED',
          inputConfig: { file_name: 'files/in1' },
          batchStats: { requestCount: '2', successfulRequestCount: '2' },
        },
        response: { responsesFile: 'files/batch-b1' },
      },
      'emulator',
    );
    assert.equal(done.state, 'succeeded');
    assert.equal(done.kind, 'gemini-embed');
    assert.equal(done.inputFile, 'files/in1');
    assert.equal(done.resultsFile, 'files/batch-b1');
    assert.equal(done.provider, 'emulator');
    const failed = mapGeminiOperation(
      { name: 'batches/b2', metadata: { state: 'BATCH_STATE_FAILED' }, error: { code: 3, message: 'bad' } },
      'gemini',
    );
    assert.deepEqual(failed.error, { code: 3, message: 'bad' });
    const inline = mapGeminiOperation(
      {
        name: 'batches/b3',
        metadata: { state: 'BATCH_STATE_SUCCEEDED', output: { inlinedResponses: { inlinedResponses: [] } } },
      },
      'gemini',
    );
    assert.equal(inline.resultsFile, 'inline');
    assert.equal(
      mapGeminiOperation({ name: 'batches/b4', metadata: { state: 'SOMETHING_NEW' } }, 'gemini').state,
      'unknown',
    );
  });

  test('inline requests carry the key in metadata; inline results come back as result-file lines', () => {
    const requests = toInlineRequests([
      { key: 'a', request: { contents: [] } },
      { contents: [{ parts: [{ text: 'x' }] }] },
      { key: 7, request: {} },
    ]);
    assert.deepEqual(requests, [
      { request: { contents: [] }, metadata: { key: 'a' } },
      { request: { contents: [{ parts: [{ text: 'x' }] }] } },
      { request: {}, metadata: { key: '7' } },
    ]);
    const lines = inlineResultLines({
      metadata: {
        output: {
          inlinedResponses: {
            inlinedResponses: [
              { response: { candidates: [] }, metadata: { key: 'a' } },
              { error: { code: 3, message: 'no' } },
            ],
          },
        },
      },
    });
    assert.deepEqual(
      lines.map((l) => JSON.parse(l)),
      [{ response: { candidates: [] }, key: 'a' }, { error: { code: 3, message: 'no' } }],
    );
  });
});

suite('OpenAI Batch mapping', () => {
  const base: Batch = {
    id: 'batch_1',
    object: 'batch',
    endpoint: '/v1/chat/completions',
    input_file_id: 'file-in',
    completion_window: '24h',
    status: 'in_progress',
    created_at: 1_700_000_000,
    request_counts: { total: 10, completed: 3, failed: 1 },
    metadata: { display_name: 'mine' },
  };

  test('status, counts, files and display name', () => {
    const job = mapOpenAIBatch(base, 'openai');
    assert.equal(job.state, 'running');
    assert.equal(job.displayName, 'mine');
    assert.equal(job.kind, 'openai');
    assert.equal(job.createTime, '2023-11-14T22:13:20.000Z');
    assert.deepEqual(job.progress, { total: 10, succeeded: 3, failed: 1, pending: 6 });
    const done = mapOpenAIBatch(
      {
        ...base,
        status: 'completed',
        output_file_id: 'file-out',
        error_file_id: 'file-err',
        completed_at: 1_700_000_100,
      },
      'openai',
    );
    assert.equal(done.state, 'succeeded');
    assert.equal(done.resultsFile, 'file-out');
    assert.equal(done.errorFile, 'file-err');
    assert.equal(done.endTime, '2023-11-14T22:15:00.000Z');
  });

  test('validation errors become the job error', () => {
    const job = mapOpenAIBatch(
      {
        ...base,
        status: 'failed',
        errors: { data: [{ code: 'invalid_json_line', line: 2, message: 'bad line' }] },
        request_counts: { total: 0, completed: 0, failed: 0 },
      },
      'openai',
    );
    assert.equal(job.state, 'failed');
    assert.equal(job.error?.code, 'invalid_json_line');
    assert.match(job.error?.message ?? '', /line 2: bad line/);
    assert.equal(job.progress.total, undefined);
  });
});

suite('model filtering', () => {
  test('keeps models by supported method, strips models/', () => {
    const models = [
      { name: 'models/gemini-2.5-flash', supportedGenerationMethods: ['generateContent', 'batchGenerateContent'] },
      { name: 'models/gemini-embedding-001', supportedGenerationMethods: ['embedContent', 'asyncBatchEmbedContent'] },
      { name: 'models/aqa', supportedGenerationMethods: ['generateAnswer'] },
    ];
    assert.deepEqual(filterGeminiModels(models, 'gemini-generate'), ['gemini-2.5-flash']);
    assert.deepEqual(filterGeminiModels(models, 'gemini-embed'), ['gemini-embedding-001']);
    assert.deepEqual(filterGeminiModels(models, 'openai'), ['gemini-2.5-flash', 'gemini-embedding-001']);
  });
});
