import * as assert from 'node:assert/strict';
import { schemaInstance } from '../../../../src/emulator/model/schemaInstance';
import { generate, embed } from '../../../../src/emulator/model/localModel';
import { runOpenAI } from '../../../../src/emulator/openai/openaiModel';
import { checkLine } from '../../../../src/emulator/jobs/lineCheck';

suite('emulator: local model and schema instances', () => {
  test('Gemini Type enum schema: every property, arrays of 1–2, enum first, nullable', () => {
    const v = schemaInstance(
      {
        type: 'OBJECT',
        properties: {
          title: { type: 'STRING' },
          tags: { type: 'ARRAY', items: { type: 'STRING' } },
          level: { type: 'STRING', enum: ['low', 'high'] },
          count: { type: 'INTEGER', minimum: 3, maximum: 5 },
          ok: { type: 'BOOLEAN' },
          maybe: { type: 'NUMBER', nullable: true },
        },
        propertyOrdering: ['level', 'title'],
      },
      7,
    ) as Record<string, unknown>;
    assert.deepEqual(Object.keys(v), ['level', 'title', 'tags', 'count', 'ok', 'maybe']);
    assert.equal(v.level, 'low');
    assert.ok(Array.isArray(v.tags) && v.tags.length >= 1 && v.tags.length <= 2);
    assert.ok(Number.isInteger(v.count) && (v.count as number) >= 3 && (v.count as number) <= 5);
    assert.equal(typeof v.ok, 'boolean');
    assert.equal(typeof v.maybe, 'number');
  });

  test('JSON Schema: lowercase types, type arrays, $ref/$defs, anyOf first, const', () => {
    const v = schemaInstance({
      type: 'object',
      $defs: { Item: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] } },
      properties: {
        items: { type: 'array', items: { $ref: '#/$defs/Item' }, minItems: 2 },
        note: { type: ['string', 'null'] },
        choice: { anyOf: [{ type: 'number' }, { type: 'string' }] },
        fixed: { const: 'v1' },
        when: { type: 'string', format: 'date-time' },
      },
    }) as Record<string, unknown>;
    assert.equal((v.items as unknown[]).length, 2);
    assert.equal(typeof (v.items as { id: number }[])[0].id, 'number');
    assert.equal(typeof v.note, 'string');
    assert.equal(typeof v.choice, 'number');
    assert.equal(v.fixed, 'v1');
    assert.ok(!Number.isNaN(Date.parse(v.when as string)));
  });

  test('generate is deterministic and marked; roles other than user/model fail the line', () => {
    const req = { contents: [{ role: 'user', parts: [{ text: 'Same prompt' }] }] };
    const a = generate('gemini-2.5-pro', req);
    assert.deepEqual(a, generate('gemini-2.5-pro', JSON.parse(JSON.stringify(req))));
    assert.ok('response' in a);
    const resp = a.response as {
      candidates: { content: { parts: { text: string }[] }; finishReason: string }[];
      modelVersion: string;
      responseId: string;
    };
    assert.match(resp.candidates[0].content.parts[0].text, /^\[emulated gemini-2\.5-pro\]/);
    assert.equal(resp.candidates[0].finishReason, 'STOP');
    assert.equal(resp.modelVersion, 'gemini-2.5-pro', 'as real lines name it (real-output/)');
    assert.ok(resp.responseId.length > 10);
    const bad = generate('gemini-2.5-pro', { contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] });
    assert.ok('error' in bad);
    assert.deepEqual(
      Object.keys(bad.error),
      ['code', 'message'],
      'a google.rpc.Status: code and message, no status name',
    );
    assert.equal(bad.error.code, 3);
    assert.ok('error' in embed({ content: { parts: [{ text: 'x' }] }, outputDimensionality: 5000 }));
  });

  test('chat completions honour response_format json_schema', () => {
    const r = runOpenAI(
      '/v1/chat/completions',
      {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'x' }],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'n',
            schema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] },
          },
        },
      },
      1,
    );
    assert.equal(r.status, 200);
    const content = (r.body.choices as { message: { content: string } }[])[0].message.content;
    assert.equal(typeof JSON.parse(content).answer, 'string');
    assert.equal(runOpenAI('/v1/responses', { model: 'gpt-4o-mini', input: 'hi' }, 1).body.object, 'response');
  });

  test('a single Content and a single part run as lists of one, as the service reads them', () => {
    const single = generate('gemini-2.5-flash', {
      contents: { role: 'user', parts: { text: 'What is the sum of primes?' } },
    });
    assert.ok('response' in single, JSON.stringify(single));
    assert.match(JSON.stringify(single.response), /What is the sum of primes\?/);
  });

  test('lineCheck: parse failures vs lines that parse', () => {
    assert.equal(
      checkLine(
        'gemini-generate',
        '{"key":"a","request":{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"thinkingConfig":{"thinkingBudget":0}}}}',
      ),
      undefined,
    );
    assert.equal(
      checkLine('gemini-generate', '{"key":"r","request":{"contents":[{"role":"system","parts":[{"text":"x"}]}]}}'),
      undefined,
      'a bad role parses; it fails when run',
    );
    assert.match(
      checkLine('gemini-generate', '{"key":"a","request":{"contents":[{"parts":[{"txt":"x"}]}]}}') ?? '',
      /no such field: 'txt'/,
    );
    assert.match(checkLine('gemini-embed', '{"key":"a","request":{"content":"x"}}') ?? '', /expected '\{'/);
    assert.match(checkLine('gemini-generate', '[1]') ?? '', /near column 1/);
  });
});
