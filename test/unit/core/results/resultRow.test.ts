import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { toResultRow, type ResultRow } from '../../../../src/core/results/resultRow';

const REAL = join(__dirname, '../../../../reference/real-output');

function realRows(file: string): ResultRow[] {
  return readFileSync(join(REAL, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => toResultRow(JSON.parse(l)));
}

suite('results: toResultRow', () => {
  suite('real published result lines (reference/real-output)', () => {
    test('Gemini generate: text, finish reason, tokens with thoughts, model version, key last', () => {
      const [first] = realRows('gemini-batch-generate-output.jsonl');
      assert.equal(first.key, 'request_1');
      assert.equal(first.ok, true);
      assert.deepEqual(first.parts, [
        { kind: 'text', text: 'AI learns patterns from data to make decisions or predictions.', thought: undefined },
      ]);
      assert.equal(first.finishReason, 'STOP');
      assert.deepEqual(first.tokens, { prompt: 8, output: 11, thoughts: 829, cached: undefined, total: 848 });
      assert.equal(first.modelVersion, 'gemini-2.5-flash');
    });

    test('Gemini embeddings: dimensions, norm and head, string tokenCount read as a number', () => {
      const rows = realRows('gemini-batch-embeddings-output.jsonl');
      assert.deepEqual(
        rows.map((r) => [r.key, r.parts[0].kind === 'embedding' ? r.parts[0].dimensions : -1, r.tokens.prompt]),
        [
          ['request_1', 3, 1],
          ['request_2', 4, 1],
        ],
      );
      const part = rows[0].parts[0];
      assert.ok(
        part.kind === 'embedding' && Math.abs(part.norm - Math.hypot(-0.034119852, 0.0025719088, 0.017325249)) < 1e-12,
      );
    });

    test('OpenAI output lines: content, finish_reason, usage, model, custom_id', () => {
      for (const file of [
        'openai-batch-output-guide-example.jsonl',
        'openai-batch-output-spec-example.jsonl',
        'openai-batch-output-real-openai-api-rs.jsonl',
      ]) {
        for (const row of realRows(file)) {
          assert.equal(row.ok, true, file);
          assert.ok(row.key?.startsWith('request-'), file);
          assert.equal(row.parts[0].kind, 'text', file);
          assert.equal(row.finishReason, 'stop', file);
          assert.ok((row.tokens.prompt ?? 0) > 0 && (row.tokens.output ?? 0) > 0, file);
          assert.ok(row.modelVersion?.startsWith('gpt-'), file);
        }
      }
      const [real] = realRows('openai-batch-output-real-openai-api-rs.jsonl');
      assert.deepEqual(real.parts, [{ kind: 'text', text: '2 + 2 equals 4.' }]);
    });

    test('OpenAI expired lines: a failure with code batch_expired, advice retry', () => {
      for (const row of realRows('openai-batch-error-expired-guide-example.jsonl')) {
        assert.equal(row.ok, false);
        assert.equal(row.error?.code, 'batch_expired');
        assert.equal(row.error?.advice, 'retry');
        assert.match(row.error?.message ?? '', /completion window/);
      }
    });
  });

  test('Gemini per-line Status {"code": 3} decodes to INVALID_ARGUMENT, advice fix', () => {
    const row = toResultRow({ error: { code: 3, message: 'bad' }, key: 'k' });
    assert.deepEqual(row.error, { code: 'INVALID_ARGUMENT', message: 'bad', number: 3, advice: 'fix' });
    assert.equal(toResultRow({ error: { code: 8, message: 'quota' }, key: 'k' }).error?.advice, 'retry');
  });

  test('thoughts, function calls, inline images and code parts keep their kinds', () => {
    const row = toResultRow({
      key: 'x',
      response: {
        candidates: [
          {
            finishReason: 'STOP',
            content: {
              parts: [
                { text: 'plan', thought: true },
                { functionCall: { name: 'f', args: { a: 1 } } },
                { inlineData: { mimeType: 'image/png', data: 'AAAA' } },
                { executableCode: { language: 'PYTHON', code: 'print(1)' } },
                { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '1' } },
              ],
            },
          },
        ],
      },
    });
    assert.deepEqual(
      row.parts.map((p) => p.kind),
      ['text', 'functionCall', 'media', 'code', 'codeResult'],
    );
    assert.deepEqual(row.parts[2], { kind: 'media', mimeType: 'image/png', data: 'AAAA', bytes: 3 });
  });

  test('snake_case parts read as camelCase ones; inline bytes leave out the base64 padding', () => {
    const row = toResultRow({
      key: 'x',
      response: {
        candidates: [
          {
            content: {
              parts: [
                { inline_data: { mime_type: 'audio/wav', data: 'AAAAAA==' } },
                { inlineData: { mimeType: 'image/png', data: 'AAAAAA=' } },
                { file_data: { mime_type: 'video/mp4', file_uri: 'gs://b/v.mp4' } },
                { function_call: { name: 'f', args: { a: 1 } } },
              ],
            },
          },
        ],
      },
    });
    assert.deepEqual(row.parts, [
      { kind: 'media', mimeType: 'audio/wav', data: 'AAAAAA==', bytes: 4 },
      { kind: 'media', mimeType: 'image/png', data: 'AAAAAA=', bytes: 4 },
      { kind: 'media', mimeType: 'video/mp4', uri: 'gs://b/v.mp4' },
      { kind: 'functionCall', name: 'f', args: { a: 1 } },
    ]);
  });

  test('joined file lines carry the input line and the prompt', () => {
    const row = toResultRow({
      line: 4,
      key: 'a',
      request: { contents: [{ role: 'user', parts: [{ text: 'Hello?' }] }] },
      response: { candidates: [{ content: { parts: [{ text: 'Hi.' }] }, finishReason: 'STOP' }] },
    });
    assert.equal(row.inputLine, 4);
    assert.equal(row.prompt, 'Hello?');
    assert.equal(row.ok, true);
    const missing = toResultRow({
      line: 5,
      key: 'b',
      request: { messages: [{ role: 'user', content: 'Q' }] },
      error: { code: 'missing_result' },
    });
    assert.equal(missing.ok, false);
    assert.equal(missing.prompt, 'Q');
    assert.equal(missing.error?.advice, 'retry');
  });

  test('property: any JSON object becomes a row without throwing', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.oneof(fc.constant('response'), fc.constant('error'), fc.constant('body'), fc.constant('candidates')),
        (value, field) => {
          const rows = [
            toResultRow({ [field]: value }),
            toResultRow({ custom_id: 'x', response: { status_code: 200, body: value } }),
            toResultRow({ line: 1, request: value, response: value }),
          ];
          for (const row of rows) {
            assert.equal(typeof row.ok, 'boolean');
            assert.ok(Array.isArray(row.parts));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
