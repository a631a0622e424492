import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { SchemaNode } from '../../../../src/core/schema/validators';
import { fieldAt } from '../../../../src/core/validation/fieldHover';

const schema = (kind: string): SchemaNode =>
  JSON.parse(readFileSync(join(__dirname, '../../../../schemas', `${kind}.schema.json`), 'utf8')) as SchemaNode;

suite('hover: a field described by its own words, under its name and type', () => {
  const generate = schema('gemini-generate');
  const line = '{"key":"a","request":{"contents":[{"parts":[{"text":"hi"}]}],"generation_config":{"temperature":1}}}';
  const at = (word: string) => fieldAt(generate, line, line.indexOf(`"${word}"`) + 2);

  test("`request`: the batch line's field, not only the GenerateContentRequest type's description", () => {
    const field = at('request');
    assert.equal(field?.name, 'request');
    assert.equal(field?.type, 'GenerateContentRequest');
    assert.match(field?.description ?? '', /to run/);
    assert.match(field?.typeDescription ?? '', /Request to generate a completion/);
    assert.notEqual(field?.description, field?.typeDescription);
    assert.equal(field?.offset, line.indexOf('"request"'));
    assert.equal(field?.length, '"request"'.length);
  });

  test('a snake_case field names its type and its other spelling; arrays read as Item[]; plain fields their JSON type', () => {
    assert.deepEqual(
      [at('generation_config')?.type, at('generation_config')?.alias],
      ['GenerationConfig', 'generationConfig'],
    );
    assert.equal(at('parts')?.type, 'Part[]');
    assert.equal(at('key')?.type, 'string');
    assert.match(at('temperature')?.description ?? '', /randomness/);
    assert.equal(at('temperature')?.typeDescription, undefined);
  });

  test('values, unknown fields and text outside a key get no field hover', () => {
    assert.equal(fieldAt(generate, line, line.indexOf('"hi"') + 1), undefined);
    assert.equal(fieldAt(generate, '{"request":{"bogus":1}}', 13), undefined);
    assert.equal(fieldAt(generate, '', 0), undefined);
  });

  test('an OpenAI line: the body field of a chat request', () => {
    const openai = schema('openai');
    const text =
      '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[]}}';
    const field = fieldAt(openai, text, text.indexOf('"custom_id"') + 2);
    assert.equal(field?.name, 'custom_id');
    assert.ok(field?.description, 'custom_id has a description');
  });

  test('any text and offset: no crash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.constant(line)), fc.nat(120), (text, offset) => {
        const field = fieldAt(generate, text, offset);
        if (field) {
          assert.equal(text.slice(field.offset, field.offset + field.length), JSON.stringify(field.name));
        }
      }),
      { numRuns: 300 },
    );
  });
});
