import * as assert from 'node:assert/strict';
import type { Batch } from 'openai/resources/batches';
import { codeText, jobProblems, moreCount, shortText } from '../../../../src/core/jobs/jobProblems';
import { mapGeminiOperation } from '../../../../src/core/providers/geminiOperation';
import { mapOpenAIBatch } from '../../../../src/core/providers/openaiBatch';
import type { BatchJob } from '../../../../src/core/providers/types';

const job = (over: Partial<BatchJob>): BatchJob => ({
  name: 'batches/a',
  provider: 'gemini',
  state: 'failed',
  rawState: 'BATCH_STATE_FAILED',
  progress: {},
  ...over,
});

const openaiBatch = (over: Partial<Batch>): Batch => ({
  id: 'batch_1',
  object: 'batch',
  endpoint: '/v1/chat/completions',
  input_file_id: 'file-in',
  completion_window: '24h',
  status: 'failed',
  created_at: 1_700_000_000,
  request_counts: { total: 0, completed: 0, failed: 0 },
  ...over,
});

suite('jobProblems: why a failed or expired job ended, a row each', () => {
  test("a failed Gemini job: the operation's error, its code named as a google.rpc.Code", () => {
    const failed = mapGeminiOperation(
      {
        name: 'batches/b',
        metadata: { state: 'BATCH_STATE_FAILED' },
        error: { code: 13, message: 'Rehearsed failure: the batch failed halfway.' },
      },
      'gemini',
    );
    assert.deepEqual(jobProblems(failed), [
      { kind: 'error', message: 'Rehearsed failure: the batch failed halfway.', code: 'INTERNAL (13)' },
    ]);
  });

  test('an OpenAI batch that failed validation: each of errors.data[] with its line and code, then those not kept', () => {
    const data = [
      { code: 'invalid_json_line', line: 2, message: 'This line is not parseable as valid JSON.' },
      { code: 'missing_required_parameter', line: 5, message: "Missing required parameter: 'custom_id'." },
    ];
    const problems = jobProblems(mapOpenAIBatch(openaiBatch({ errors: { object: 'list', data } }), 'openai'));
    assert.deepEqual(problems, [
      { kind: 'error', message: data[0].message, code: 'invalid_json_line', line: 2 },
      { kind: 'error', message: data[1].message, code: 'missing_required_parameter', line: 5 },
    ]);
    assert.equal(moreCount(problems), 1);

    const many = Array.from({ length: 23 }, (_, i) => ({ code: 'invalid_url', line: i + 1, message: `bad ${i + 1}` }));
    const mapped = mapOpenAIBatch(openaiBatch({ errors: { object: 'list', data: many } }), 'openai');
    const listed = jobProblems(mapped);
    assert.equal(listed.length, 21);
    assert.deepEqual(listed[20], { kind: 'more', count: 3 });
    assert.equal(moreCount(listed), 22, 'every error after the first, kept or not');
    assert.match(mapped.error?.message ?? '', /line 20: bad 20\n… 3 more$/, 'the full text says so too');
  });

  test('an error text of several lines: a row a line, the code on the first', () => {
    assert.deepEqual(jobProblems(job({ error: { code: 'x', message: 'one\n\n two ' } })), [
      { kind: 'error', message: 'one', code: 'x' },
      { kind: 'error', message: 'two' },
    ]);
    assert.deepEqual(jobProblems(job({ error: { code: 3 } })), [{ kind: 'error', message: 'INVALID_ARGUMENT (3)' }]);
  });

  test('without an error: an expired job says what expiry means on its API, a failed one that no reason was given', () => {
    assert.deepEqual(jobProblems(job({ state: 'expired' })), [{ kind: 'expired', api: 'gemini' }]);
    assert.deepEqual(jobProblems(job({ state: 'expired', kind: 'openai' })), [{ kind: 'expired', api: 'openai' }]);
    assert.deepEqual(jobProblems(job({})), [{ kind: 'noReason' }]);
  });

  test('other states have none, even with an error (a cancelled Gemini job carries one)', () => {
    for (const state of ['succeeded', 'partially_succeeded', 'cancelled', 'running', 'pending'] as const) {
      assert.deepEqual(jobProblems(job({ state, error: { code: 1, message: 'The batch was cancelled.' } })), [], state);
    }
  });

  test('codes: a gRPC number by name, an unknown number or a word as sent', () => {
    assert.equal(codeText(4), 'DEADLINE_EXCEEDED (4)');
    assert.equal(codeText(400), '400');
    assert.equal(codeText('batch_expired'), 'batch_expired');
    assert.equal(codeText(''), undefined);
    assert.equal(codeText(undefined), undefined);
  });
});

suite('shortText: a reason as a notification quotes it', () => {
  test('a short text stays whole, on one line', () => {
    assert.equal(shortText('  a\n  b  '), 'a b');
    const exact = 'x'.repeat(160);
    assert.equal(shortText(exact), exact);
  });

  test('a long text is cut at a word near the end, never mid-word, and ends with …', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const short = shortText(words, 100);
    assert.ok(Array.from(short).length <= 100, short);
    assert.ok(short.endsWith('…'));
    assert.ok(words.startsWith(short.slice(0, -1)));
    assert.match(short, /word\d+…$/, 'cut after a whole word');
    assert.ok(Array.from(short).length >= 80, 'not cut much shorter than allowed');
  });

  test('a word that ends far before the limit is not where the cut goes (too much would be lost)', () => {
    assert.equal(shortText(`short ${'x'.repeat(200)}`, 100), `short ${'x'.repeat(93)}…`);
  });

  test('one long word is cut at the limit; trailing punctuation before the cut is dropped', () => {
    assert.equal(shortText('a'.repeat(300), 10), `${'a'.repeat(9)}…`);
    assert.equal(shortText(`${'b'.repeat(85)}, ${'c'.repeat(40)}`, 100), `${'b'.repeat(85)}…`);
  });
});
