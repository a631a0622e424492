import * as assert from 'node:assert/strict';
import { geminiLineModel } from '../../../../src/core/jobs/batchHead';
import {
  lastSubmittedModel,
  preferredModel,
  succeededSubmission,
  type SubmittedRecord,
} from '../../../../src/core/jobs/submitHistory';

const record = (jobName: string, inputPath: string, model: string, createdAt: string, over = {}): SubmittedRecord => ({
  jobName,
  provider: 'gemini',
  kind: 'gemini-generate',
  inputPath,
  model,
  createdAt,
  ...over,
});

const target = { inputPath: '/w/a.jsonl', provider: 'gemini', kind: 'gemini-generate' as const };

suite('submitHistory: the model the submit picker starts on', () => {
  const records = [
    record('batches/1', '/w/a.jsonl', 'gemini-2.5-pro', '2026-03-01T10:00:00Z'),
    record('batches/2', '/w/a.jsonl', 'gemini-2.5-flash', '2026-03-01T11:00:00Z'),
    record('batches/3', '/w/b.jsonl', 'gemini-2.5-flash-lite', '2026-03-01T12:00:00Z'),
    // Another kind or another provider never leaks into this file's pick.
    record('batches/4', '/w/c.jsonl', 'gemini-embedding-001', '2026-03-01T13:00:00Z', { kind: 'gemini-embed' }),
    record('batch_5', '/w/d.jsonl', 'gpt-5-mini', '2026-03-01T14:00:00Z', { provider: 'openai' }),
  ];

  test('the model chosen this session wins over everything', () => {
    assert.deepEqual(preferredModel(records, target, { chosen: 'gemini-3-pro-preview', fileModel: 'x' }), {
      model: 'gemini-3-pro-preview',
      source: 'chosen',
    });
  });

  test("then the file's newest submit, then the model its lines name, then the workspace's newest of that kind", () => {
    assert.deepEqual(preferredModel(records, target, { fileModel: 'gemini-2.0-flash' }), {
      model: 'gemini-2.5-flash',
      source: 'fileSubmit',
    });
    const other = { ...target, inputPath: '/w/new.jsonl' };
    assert.deepEqual(preferredModel(records, other, { fileModel: 'gemini-2.0-flash' }), {
      model: 'gemini-2.0-flash',
      source: 'fileLines',
    });
    assert.deepEqual(preferredModel(records, other, { fileModel: 'mixed' }), {
      model: 'gemini-2.5-flash-lite',
      source: 'workspaceSubmit',
    });
    assert.deepEqual(preferredModel(records, { ...other, kind: 'gemini-embed' }, {})?.model, 'gemini-embedding-001');
    assert.equal(preferredModel(records, { ...other, provider: 'emulator' }, {}), undefined);
  });

  test('the lens prices an unpicked file at the model it was last submitted with', () => {
    assert.equal(lastSubmittedModel(records, '/w/a.jsonl'), 'gemini-2.5-flash');
    assert.equal(lastSubmittedModel(records, '/w/none.jsonl'), undefined);
  });

  test("a file's newest succeeded job is found; running, failed and other files' jobs are not", () => {
    const states: Record<string, string> = {
      'batches/1': 'succeeded',
      'batches/2': 'running',
      'batches/3': 'succeeded',
    };
    assert.equal(succeededSubmission(records, '/w/a.jsonl', (n) => states[n])?.jobName, 'batches/1');
    states['batches/1'] = 'failed';
    assert.equal(
      succeededSubmission(records, '/w/a.jsonl', (n) => states[n]),
      undefined,
    );
  });

  test("a Gemini line's own model: request.model or a bare request's, models/ dropped", () => {
    assert.equal(
      geminiLineModel('{"key":"a","request":{"model":"models/gemini-2.5-flash","contents":[]}}'),
      'gemini-2.5-flash',
    );
    assert.equal(geminiLineModel('{"model":"gemini-2.5-pro","contents":[]}'), 'gemini-2.5-pro');
    assert.equal(geminiLineModel('{"key":"a","request":{"contents":[]}}'), undefined);
    assert.equal(geminiLineModel('not json'), undefined);
  });
});
