import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeResults } from '../../../../src/core/jobs/summarizeResults';
import { classifyResultLine } from '../../../../src/core/jobs/resultLine';
import { outcomeLabel } from '../../../../src/core/results/outcomeLabel';
import { toResultRow } from '../../../../src/core/results/resultRow';
import { retryLines } from '../../../../src/core/results/retryLines';
import { writeRetryFile } from '../../../../src/core/results/retryFile';
import { selectRows } from '../../../../src/core/results/rowQuery';
import { toDetailRow, toListRow } from '../../../../src/core/results/rowView';
import { scanResults } from '../../../../src/core/results/scanResults';

/**
 * Result lines without a usable answer, in the shapes the SDK types give (GenerateContentResponse: `candidates[].
 * finishReason`, `safetyRatings[].blocked`, `promptFeedback.blockReason`: node_modules/@google/genai/dist/genai.d.ts;
 * OpenAI ChatCompletion `finish_reason`, `message.refusal`; Response `status`, `incomplete_details`). No real file
 * with such lines was found (../shared/reference/real-output has none), so these are built from those types.
 */
const usage = { promptTokenCount: 8, totalTokenCount: 8 };
const gemini = (key: string, response: unknown) => JSON.stringify({ key, response });
const LINES = {
  answered: gemini('ok', {
    candidates: [{ content: { parts: [{ text: 'Paris' }], role: 'model' }, finishReason: 'STOP' }],
    usageMetadata: usage,
  }),
  safety: gemini('safety', {
    candidates: [
      {
        finishReason: 'SAFETY',
        index: 0,
        safetyRatings: [
          { category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH', blocked: true },
          { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'NEGLIGIBLE' },
        ],
      },
    ],
    usageMetadata: usage,
  }),
  promptBlocked: gemini('prompt', {
    promptFeedback: { blockReason: 'PROHIBITED_CONTENT' },
    usageMetadata: usage,
  }),
  // Thinking used the whole budget: one thought part (or none) and MAX_TOKENS.
  thoughtOut: gemini('thought', {
    candidates: [
      { content: { parts: [{ text: 'Let me think', thought: true }], role: 'model' }, finishReason: 'MAX_TOKENS' },
    ],
    usageMetadata: { promptTokenCount: 10, thoughtsTokenCount: 1023, totalTokenCount: 1033 },
  }),
  cutShort: gemini('cut', {
    candidates: [{ content: { parts: [{ text: '{"items": [1, 2' }], role: 'model' }, finishReason: 'MAX_TOKENS' }],
    usageMetadata: usage,
  }),
  failed: JSON.stringify({ key: 'err', error: { code: 8, message: 'quota' } }),
};

const openai = (id: string, body: unknown) =>
  JSON.stringify({ id: 'b', custom_id: id, response: { status_code: 200, body }, error: null });

suite('results: responses with no usable answer', () => {
  let dir: string;
  setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'noanswer-'));
  });
  teardown(() => rm(dir, { recursive: true, force: true }));

  test('Gemini: a safety stop, a blocked prompt and thinking out of tokens are no answers, with the reason', () => {
    const of = (line: string) => classifyResultLine(JSON.parse(line) as Record<string, unknown>).noAnswer;
    assert.equal(of(LINES.answered), undefined);
    assert.equal(of(LINES.cutShort), undefined);
    assert.deepEqual(of(LINES.safety), {
      kind: 'blocked',
      reason: 'SAFETY',
      categories: ['HARM_CATEGORY_HARASSMENT'],
      message: undefined,
    });
    assert.deepEqual(of(LINES.promptBlocked), {
      kind: 'blocked',
      reason: 'PROHIBITED_CONTENT',
      categories: undefined,
      message: undefined,
    });
    assert.equal(of(LINES.thoughtOut)?.kind, 'maxTokens');
    assert.equal(of(gemini('r', { candidates: [{ finishReason: 'RECITATION' }] }))?.kind, 'blocked');
    assert.equal(of(gemini('o', { candidates: [{ finishReason: 'OTHER' }] }))?.kind, 'empty');
    assert.equal(
      of(gemini('e', { candidates: [{ content: { parts: [{ text: '' }] }, finishReason: 'STOP' }] }))?.kind,
      'empty',
    );
    // A function call, an image or code is an answer even without text.
    const call = { candidates: [{ content: { parts: [{ functionCall: { name: 'f', args: {} } }] } }] };
    assert.equal(of(gemini('f', call)), undefined);
    // Embeddings are never judged.
    assert.equal(of(gemini('v', { embedding: { values: [0.1] } })), undefined);
  });

  test('OpenAI: content_filter, length with no content and a refusal are no answers; tool calls are answers', () => {
    const of = (body: unknown) => classifyResultLine(JSON.parse(openai('x', body)) as Record<string, unknown>).noAnswer;
    const choice = (message: unknown, finish_reason: string) => ({ choices: [{ index: 0, message, finish_reason }] });
    assert.deepEqual(of(choice({ role: 'assistant', content: null }, 'content_filter')), {
      kind: 'blocked',
      reason: 'content_filter',
    });
    assert.deepEqual(of(choice({ role: 'assistant', content: '' }, 'length')), { kind: 'maxTokens', reason: 'length' });
    assert.equal(
      of(choice({ role: 'assistant', content: null, refusal: 'I cannot help.' }, 'stop'))?.message,
      'I cannot help.',
    );
    assert.equal(of(choice({ role: 'assistant', content: 'partial' }, 'length')), undefined);
    const call = {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{}' } }],
    };
    assert.equal(of(choice(call, 'tool_calls')), undefined);
    assert.deepEqual(of({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [] }), {
      kind: 'maxTokens',
      reason: 'max_output_tokens',
    });
    assert.equal(of({ object: 'list', data: [{ embedding: [0.1] }] }), undefined);
    // Audio output has no text; a responses call item (image generation…) is an answer too.
    assert.equal(of(choice({ role: 'assistant', content: null, audio: { id: 'a', data: 'AAAA' } }, 'stop')), undefined);
    assert.equal(of({ status: 'completed', output: [{ type: 'image_generation_call', result: 'AAAA' }] }), undefined);
    assert.equal(of({ status: 'completed', output: [{ type: 'reasoning', summary: [] }] })?.kind, 'empty');
  });

  test('the CLI summary and the view count them apart from successes; the view filters them', async () => {
    const path = join(dir, 'r.jsonl');
    await writeFile(path, `${Object.values(LINES).join('\n')}\n`);
    const summary = await summarizeResults({ results: path });
    assert.deepEqual(summary, {
      total: 6,
      succeeded: 2,
      noAnswer: 3,
      byNoAnswerReason: { SAFETY: 1, PROHIBITED_CONTENT: 1, MAX_TOKENS: 1 },
      failed: 1,
      byErrorCode: { RESOURCE_EXHAUSTED: 1 },
    });
    const table = await scanResults(path);
    const view = table.summary();
    assert.deepEqual(
      [view.succeeded, view.noAnswer, view.failed, view.byNoAnswerReason, view.byFinishReason],
      [2, 3, 1, summary.byNoAnswerReason, { STOP: 1, MAX_TOKENS: 1 }],
    );
    assert.deepEqual([...selectRows(table, { status: 'noAnswer', sort: 'file' })], [1, 2, 3]);
    assert.deepEqual([...selectRows(table, { status: 'succeeded', sort: 'file' })], [0, 4]);
    assert.deepEqual([...selectRows(table, { status: 'failed', sort: 'file' })], [5]);
    // The finish reason filter still works beside the new bit.
    assert.deepEqual([...selectRows(table, { status: 'all', finishReason: 'MAX_TOKENS', sort: 'file' })], [3, 4]);
  });

  test('rows: the list and the detail carry the kind, the reason and the cut-short warning; the label says it', () => {
    const row = (line: string) => toResultRow(JSON.parse(line) as Record<string, unknown>);
    assert.equal(toListRow(0, row(LINES.safety)).noAnswer, 'blocked');
    assert.equal(toDetailRow(0, row(LINES.promptBlocked)).noAnswer?.reason, 'PROHIBITED_CONTENT');
    assert.equal(toListRow(0, row(LINES.cutShort)).cutShort, true);
    assert.equal(toListRow(0, row(LINES.answered)).cutShort, undefined);
    assert.equal(outcomeLabel(row(LINES.safety)), '⚠ blocked: SAFETY (HARM_CATEGORY_HARASSMENT) · 8 tok');
    assert.equal(outcomeLabel(row(LINES.thoughtOut)), '⚠ no answer, out of tokens: MAX_TOKENS · 1033 tok');
    // A joined file's line is judged the same way.
    const joined = { line: 1, key: 'safety', request: {}, response: JSON.parse(LINES.safety).response as unknown };
    assert.equal(toResultRow(joined).noAnswer?.kind, 'blocked');
  });

  test('Retry Failed Lines sends the no-answer lines again and counts the blocked ones apart', async () => {
    const keys = ['ok', 'safety', 'prompt', 'thought', 'cut', 'err'];
    const input = join(dir, 'in.jsonl');
    const inputLines = keys.map((key) => JSON.stringify({ key, request: { contents: [{ parts: [{ text: key }] }] } }));
    await writeFile(input, `${inputLines.join('\n')}\n`);
    const results = join(dir, 'in.results.jsonl');
    await writeFile(results, `${Object.values(LINES).join('\n')}\n`);
    const out = join(dir, 'in.retry-1.jsonl');
    const plan = await writeRetryFile(input, [{ inputPath: input, resultPaths: [results] }], out);
    assert.deepEqual(
      [plan.indices, plan.succeeded, plan.failed, plan.noAnswer, plan.blocked, plan.needsFix],
      [[1, 2, 3, 5], 2, 1, 3, 2, 0],
    );
    assert.deepEqual(
      (await readFile(out, 'utf8')).trim().split('\n'),
      [1, 2, 3, 5].map((i) => inputLines[i]),
    );
  });

  test('retryLines: a later answer ends the retries; the last outcome decides how a request is counted', () => {
    const plan = retryLines(
      ['a', 'b', 'c'],
      [
        { id: 'a', ok: false, noAnswer: 'maxTokens' },
        { id: 'b', ok: false, noAnswer: 'blocked' },
        { id: 'c', ok: false, noAnswer: 'blocked' },
        { id: 'a', ok: true },
        { id: 'c', ok: false, fix: true },
      ],
    );
    assert.deepEqual(plan, {
      indices: [1, 2],
      succeeded: 1,
      failed: 1,
      noAnswer: 1,
      blocked: 1,
      missing: 0,
      needsFix: 1,
    });
  });
});
