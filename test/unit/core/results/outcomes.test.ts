import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outcomeFacts, outcomeLabel } from '../../../../src/core/results/outcomeLabel';
import { ResultIndex } from '../../../../src/core/results/resultIndex';
import { inputCandidates, resultCandidates, stemOfResults } from '../../../../src/core/results/resultSiblings';
import { toResultRow } from '../../../../src/core/results/resultRow';

suite('outcomes on input lines: index, labels, sibling names', () => {
  let dir: string;
  setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outcomes-'));
  });
  teardown(() => rm(dir, { recursive: true, force: true }));

  test('results are found by key whatever their order; keyless ones by order; joined ones by input line', async () => {
    const results = join(dir, 'x.results.jsonl');
    await writeFile(
      results,
      [
        JSON.stringify({ key: 'b', error: { code: 8, message: 'quota' } }),
        JSON.stringify({ response: { candidates: [{ content: { parts: [{ text: 'bare' }] } }] } }),
        JSON.stringify({
          key: 'a',
          response: { candidates: [{ content: { parts: [{ text: 'for a' }] }, finishReason: 'STOP' }] },
        }),
      ].join('\n'),
    );
    const index = await ResultIndex.build([results]);
    const a = await index.row(index.find({ key: 'a', lineNo: 1 })!);
    assert.equal(a.ok, true);
    assert.equal(outcomeLabel(a), '✓ STOP · “for a”');
    const b = await index.row(index.find({ key: 'b', lineNo: 2 })!);
    assert.equal(outcomeLabel(b), '✗ RESOURCE_EXHAUSTED · quota');
    // A keyed input line never falls back to position.
    assert.equal(index.find({ key: 'zz', lineNo: 1, keylessOrdinal: 0 }), undefined);
    const bare = await index.row(index.find({ lineNo: 7, keylessOrdinal: 0 })!);
    assert.equal(outcomeLabel(bare), '✓ “bare”');

    const joined = join(dir, 'x.joined.jsonl');
    await writeFile(
      joined,
      `${JSON.stringify({ line: 3, key: null, request: {}, response: { choices: [{ message: { content: 'three' }, finish_reason: 'stop' }], usage: { total_tokens: 9 } } })}\n`,
    );
    const byLine = await ResultIndex.build([joined]);
    assert.equal(outcomeLabel(await byLine.row(byLine.find({ lineNo: 3 })!)), '✓ stop · “three” · 9 tok');
    assert.equal(byLine.find({ lineNo: 2 }), undefined);
  });

  test('labels cut the answer to its first words; the hover facts hold tokens, model and the error', () => {
    const row = toResultRow({
      key: 'k',
      response: {
        candidates: [
          {
            content: { parts: [{ text: 'one two three four five six seven eight nine ten' }] },
            finishReason: 'MAX_TOKENS',
          },
        ],
        usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 6, totalTokenCount: 10 },
        modelVersion: 'gemini-x',
      },
    });
    assert.equal(outcomeLabel(row), '✓ MAX_TOKENS · “one two three four five six seven eight…” · 10 tok');
    assert.deepEqual(outcomeFacts(row), [
      'Key: k',
      'Finish reason: MAX_TOKENS',
      'Tokens: prompt 4, output 6, total 10',
      'Model: gemini-x',
    ]);
    const failed = toResultRow({
      custom_id: 'c',
      response: {
        status_code: 429,
        body: { error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' } },
      },
      error: null,
    });
    // The HTTP status rides with the error (resultLine.ts), so the facts show it.
    assert.deepEqual(outcomeFacts(failed).slice(0, 3), ['Key: c', 'Failed: rate_limit_exceeded (429)', 'slow down']);
  });

  test('names: a results file leads back to its input, and an input to its results', () => {
    assert.equal(stemOfResults('/w/batch-results/my.data.results-2.jsonl'), 'my.data');
    assert.equal(stemOfResults('/w/plain.jsonl'), undefined);
    assert.deepEqual(inputCandidates('/w/batch-results/x.joined.jsonl'), ['/w/batch-results/x.jsonl', '/w/x.jsonl']);
    assert.deepEqual(
      resultCandidates('/w/x.jsonl', 'batch-results').map((c) => c.paths[0]),
      [
        '/w/batch-results/x.joined.jsonl',
        '/w/batch-results/x.results.jsonl',
        '/w/x.joined.jsonl',
        '/w/x.results.jsonl',
      ],
    );
  });
});
