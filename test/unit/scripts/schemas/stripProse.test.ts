import * as assert from 'node:assert/strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compile script is plain CommonJS
const { stripProse } = require('../../../../scripts/compile-validators.js') as { stripProse(schema: unknown): unknown };

suite('compile-validators: prose is dropped only where it is a keyword of a schema', () => {
  test('keywords go; property names, required names, enum, const and default values stay', () => {
    const schema = {
      title: 'line',
      description: 'prose',
      type: 'object',
      properties: {
        description: { type: 'string', description: 'prose', markdownDescription: 'prose' },
        title: { type: 'string', title: 'prose' },
      },
      patternProperties: { '^x-': { description: 'prose', type: 'string' } },
      required: ['description', 'title'],
      additionalProperties: { description: 'prose', enum: ['description', 'title'] },
      definitions: {
        title: { const: { description: 'data', title: 'data' }, default: { description: 'data' }, $comment: 'prose' },
      },
      allOf: [
        {
          if: { description: 'prose', properties: { title: { const: 'x' } } },
          then: { title: 'prose', required: ['description'] },
        },
      ],
      items: [{ description: 'prose', examples: [{ title: 'data' }] }],
    };
    assert.deepEqual(stripProse(schema), {
      type: 'object',
      properties: { description: { type: 'string' }, title: { type: 'string' } },
      patternProperties: { '^x-': { type: 'string' } },
      required: ['description', 'title'],
      additionalProperties: { enum: ['description', 'title'] },
      definitions: { title: { const: { description: 'data', title: 'data' }, default: { description: 'data' } } },
      allOf: [{ if: { properties: { title: { const: 'x' } } }, then: { required: ['description'] } }],
      items: [{ examples: [{ title: 'data' }] }],
    });
  });

  test('a property named like an Object.prototype member is kept as an own property', () => {
    const schema = JSON.parse(
      '{"properties": {"__proto__": {"type": "string", "description": "prose"}, "constructor": {"type": "number"}}}',
    ) as unknown;
    const out = stripProse(schema) as { properties: object };
    assert.deepEqual(Object.keys(out.properties), ['__proto__', 'constructor']);
    assert.deepEqual(Object.getOwnPropertyDescriptor(out.properties, '__proto__')?.value, { type: 'string' });
  });
});
