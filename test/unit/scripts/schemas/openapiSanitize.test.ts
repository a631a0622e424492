import * as assert from 'node:assert/strict';
import { sanitize, SanitizeContext } from '../../../../scripts/schemaSources/openapiSanitize';
import { JsonSchema } from '../../../../scripts/schemaSources/jsonSchema';
import { addMarkdownDescriptions, summary } from '../../../../scripts/schemaSources/markdown';

function run(input: unknown, components: Record<string, JsonSchema> = {}): { out: unknown; refs: string[] } {
  const refs: string[] = [];
  const ctx: SanitizeContext = { onRef: (n) => refs.push(n), resolve: (n) => components[n] };
  return { out: sanitize(input, ctx), refs };
}

suite('schemas build: OpenAPI → draft-07', () => {
  test('drops OpenAPI-only keywords and formats, keeps deprecation as deprecationMessage', () => {
    const { out } = run({
      type: 'string',
      format: 'uri',
      example: 'x',
      'x-oaiMeta': {},
      'x-stainless-const': true,
      deprecated: true,
      description: 'The old field.\nIt is deprecated in favor of `new_field`. More.',
    });
    assert.deepEqual(out, {
      type: 'string',
      description: 'The old field.\nIt is deprecated in favor of `new_field`. More.',
      deprecationMessage: 'It is deprecated in favor of `new_field`.',
    });
    assert.deepEqual(run({ type: 'string', deprecated: true, description: 'Old.' }).out, {
      type: 'string',
      description: 'Old.',
      deprecationMessage: 'Deprecated.',
    });
  });

  test('nullable becomes a type union; oneOf becomes anyOf; refs point at definitions', () => {
    const { out, refs } = run({ oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'integer', nullable: true }] });
    assert.deepEqual(out, { anyOf: [{ $ref: '#/definitions/A' }, { type: ['integer', 'null'] }] });
    assert.deepEqual(refs, ['A']);
  });

  test('strict-mode fixes: implied types, required names declared in properties', () => {
    const { out } = run({ properties: { a: { minLength: 1 } }, required: ['a', 'b'] });
    assert.deepEqual(out, {
      type: 'object',
      properties: { a: { type: 'string', minLength: 1 }, b: {} },
      required: ['a', 'b'],
    });
  });

  test('a discriminated union whose branches fix and require the value becomes if/then', () => {
    const components: Record<string, JsonSchema> = {
      U: { type: 'object', properties: { role: { type: 'string', enum: ['user'] } }, required: ['role'] },
      S: { type: 'object', properties: { role: { type: 'string', enum: ['system'] } }, required: ['role'] },
    };
    const { out } = run(
      {
        oneOf: [{ $ref: '#/components/schemas/U' }, { $ref: '#/components/schemas/S' }],
        discriminator: { propertyName: 'role' },
      },
      components,
    );
    assert.deepEqual(out, {
      type: 'object',
      properties: {
        role: {
          type: 'string',
          enum: ['user', 'system'],
          description: 'Selects the kind of object: `user`, `system`.',
        },
      },
      required: ['role'],
      allOf: [
        { if: { properties: { role: { enum: ['user'] } }, required: ['role'] }, then: { $ref: '#/definitions/U' } },
        { if: { properties: { role: { enum: ['system'] } }, required: ['role'] }, then: { $ref: '#/definitions/S' } },
      ],
    });
  });

  test('a discriminated union with an optional discriminator stays anyOf', () => {
    const components: Record<string, JsonSchema> = {
      M: { type: 'object', properties: { type: { type: 'string', enum: ['message'] } } },
      R: { type: 'object', properties: { type: { type: 'string', enum: ['ref'] } }, required: ['type'] },
    };
    const { out } = run(
      {
        oneOf: [{ $ref: '#/components/schemas/M' }, { $ref: '#/components/schemas/R' }],
        discriminator: { propertyName: 'type' },
      },
      components,
    );
    assert.deepEqual(out, { anyOf: [{ $ref: '#/definitions/M' }, { $ref: '#/definitions/R' }] });
  });
});

suite('schemas build: Markdown descriptions', () => {
  test('markdown gets a markdownDescription with absolute links; the plain description is the first paragraph', () => {
    const schema = {
      type: 'object',
      description: 'Uses `model`. See [models](/docs/models).\n\nSecond paragraph.',
      properties: { plain: { type: 'string', description: 'No markup here.' } },
      enum: [{ description: 'data, not a schema: `left alone`' }],
    };
    addMarkdownDescriptions(schema, 'https://platform.openai.com');
    assert.deepEqual(schema, {
      type: 'object',
      description: 'Uses `model`. See [models](/docs/models).',
      markdownDescription: 'Uses `model`. See [models](https://platform.openai.com/docs/models).\n\nSecond paragraph.',
      properties: { plain: { type: 'string', description: 'No markup here.' } },
      enum: [{ description: 'data, not a schema: `left alone`' }],
    });
  });

  test('a long first paragraph is cut at a sentence end', () => {
    const long = `${'A sentence that goes on. '.repeat(20)}`;
    const s = summary(long, 100);
    assert.ok(s.length <= 100 && s.endsWith('.'), s);
  });
});
