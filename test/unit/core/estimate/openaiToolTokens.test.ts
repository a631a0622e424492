import * as assert from 'node:assert/strict';
import { functionsText } from '../../../../src/core/estimate/openaiToolText';
import { functionDefinitions, functionTokens } from '../../../../src/core/estimate/openaiToolTokens';
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

  test('each titled property of an object after its first bills 1 less than its rendering', () => {
    const context = { hasSystem: false, reasoning: false };
    const fixed = (f: Record<string, unknown>) => functionTokens([f], context, words) - words.count(functionsText([f]));
    const untitled = fixed(fn({ a: { type: 'integer' }, b: { type: 'integer' }, c: { type: 'integer' } }));
    const titled = fn({ a: { title: 'A', type: 'integer' }, b: { title: 'B', type: 'integer' } });
    assert.equal(fixed(fn({ a: { title: 'A', type: 'integer' } })), untitled);
    assert.equal(fixed(titled), untitled - 1);
    assert.equal(fixed(fn({ ...titled.parameters.properties, c: { title: 'C', type: 'integer' } })), untitled - 2);
    // /v1/responses and reasoning models alike.
    for (const other of [
      { ...context, responses: true },
      { ...context, reasoning: true },
    ]) {
      const rendered = (f: Record<string, unknown>) =>
        functionTokens([f], other, words) - words.count(functionsText([f]));
      assert.equal(rendered(titled), rendered(fn({ a: { type: 'integer' }, b: { type: 'integer' } })) - 1);
    }
  });

  test("a titled property's default is a trailing comment as harmony writes it; an untitled one's is not", () => {
    const text = functionsText([
      fn({
        a: { title: 'A', type: 'string', default: null },
        b: { title: 'B', type: 'string', default: 'x' },
        c: { title: 'C', type: 'string', enum: ['x', 'y'], default: 'x' },
        d: { type: 'boolean', default: false },
      }),
    ]);
    assert.match(text, /\na: string, \/\/ default: null\n/);
    assert.match(text, /\nb: string, \/\/ default: "x"\n/);
    assert.match(text, /\nc: "x" \| "y", \/\/ default: x\n/);
    assert.match(text, /\nd: boolean,\n/);
  });

  test('a one-paragraph description is a comment per line; one with a blank line stays one comment', () => {
    const described = (description: string) => functionsText([{ name: 'f', description }]);
    assert.equal(
      described('a\nb\n'),
      'namespace functions {\n\n// a\n// b\ntype f = () => any;\n\n} // namespace functions',
    );
    assert.equal(
      described('a\n\nb'),
      'namespace functions {\n\n// a\n\nb\ntype f = () => any;\n\n} // namespace functions',
    );
  });

  test('a forced function bills its name and 7 more, on chat and /v1/responses, not on reasoning models', () => {
    const f = { name: 'pick one', parameters: { type: 'object', properties: { a: { type: 'string' } } } };
    const chat = { tools: [{ type: 'function', function: f }] };
    const responses = { tools: [{ type: 'function', ...f }] };
    const tokens = (body: Record<string, unknown>, reasoning = false) =>
      functionTokens(functionDefinitions(body), { hasSystem: false, reasoning }, words);
    const forced = { type: 'function', function: { name: 'pick one' } };
    assert.equal(tokens({ ...chat, tool_choice: forced }), tokens(chat) + 2 + 7);
    assert.equal(tokens({ ...responses, tool_choice: { type: 'function', name: 'pick one' } }), tokens(responses) + 9);
    assert.equal(tokens({ ...chat, tool_choice: 'required' }), tokens(chat));
    assert.equal(tokens({ ...chat, tool_choice: forced }, true), tokens(chat, true));
  });
});
