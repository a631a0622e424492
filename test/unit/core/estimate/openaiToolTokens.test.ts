import * as assert from 'node:assert/strict';
import { functionTokens, functionsText } from '../../../../src/core/estimate/openaiToolTokens';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';

/** One token per word: enough to test the counting rules without the vocabularies. */
const words: TextCounter = { name: 'words', count: (t) => t.split(/\s+/).filter(Boolean).length };

const fn = (properties: Record<string, unknown>) => ({
  name: 'f',
  parameters: { type: 'object', properties, required: Object.keys(properties) },
});

suite('estimate: OpenAI function declarations', () => {
  test('type lists are unions, nullable adds null once, a schema without a type is written as nothing', () => {
    const text = functionsText([
      fn({
        a: { type: ['string', 'null'] },
        b: { type: ['integer', 'number'] },
        c: { type: 'string', nullable: true },
        d: { type: ['string', 'null'], nullable: true },
        e: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        g: { type: 'array', items: { $ref: '#/$defs/Answer' } },
      }),
    ]);
    assert.equal(
      text,
      'namespace functions {\n\ntype f = (_: {\na: string | null,\nb: number | number,\nc: string | null,\n' +
        'd: string | null,\ne: ,\ng: [],\n}) => any;\n\n} // namespace functions',
    );
  });

  test("a property's title is a comment and an empty comment above its description, as harmony writes it", () => {
    const text = functionsText([fn({ value: { description: 'Value to count', title: 'Value', type: 'string' } })]);
    assert.equal(
      text,
      'namespace functions {\n\ntype f = (_: {\n// Value\n//\n// Value to count\nvalue: string,\n}) => any;\n\n' +
        '} // namespace functions',
    );
  });

  test('a property without a type bills its rendering; an enum property 1 less than its rendering', () => {
    const context = { hasSystem: false, reasoning: false };
    const rendered = (f: Record<string, unknown>) => words.count(functionsText([f]));
    const typed = fn({ a: { type: 'string' } });
    const untyped = fn({ a: { anyOf: [{ type: 'string' }, { type: 'null' }] } });
    const enumerated = fn({ a: { type: 'string', enum: ['x', 'y'] } });
    const fixed = functionTokens([typed], context, words) - rendered(typed);
    assert.equal(functionTokens([untyped], context, words) - rendered(untyped), fixed);
    assert.equal(functionTokens([enumerated], context, words) - rendered(enumerated), fixed - 1);
  });
});
