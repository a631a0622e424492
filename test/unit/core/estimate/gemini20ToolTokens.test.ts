import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { geminiRequestTokens, geminiRules } from '../../../../src/core/estimate/geminiRequestTokens';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';

/** One token per word: the rule's structure shows without the vocabulary. */
const words: TextCounter = { name: 'words', count: (text) => text.split(/\s+/).filter(Boolean).length };

const declaration = {
  name: 'get_capital',
  description: 'Get the capital of a country.',
  parameters: {
    type: 'object',
    properties: { country: { type: 'string', description: 'The country name.', enum: ['France', 'Spain'] } },
    required: ['country'],
  },
};

suite('gemini20ToolTokens: Gemini 2.0 bills the texts of tools and calls, no structure', () => {
  test('a declaration: its name, descriptions, property names, enum values and required names, and the constants', () => {
    const text = { contents: [{ role: 'user', parts: [{ text: 'Capital?' }] }] };
    const withTools = { ...text, tools: [{ functionDeclarations: [declaration] }] };
    const rules = geminiRules('gemini-2.0-flash');
    const added = geminiRequestTokens(withTools, words, rules).tokens - geminiRequestTokens(text, words, rules).tokens;
    // get_capital 1, "Get the capital of a country." 6, country 1, "The country name." 3, France 1, Spain 1,
    // required country 1; one property (+1), two descriptions (+2). Types and `type: object` are not texts.
    assert.equal(added, 1 + 6 + 1 + 3 + 2 + 1 + 1 + 2);
    // The 2.5 rendering (structure, keys, escapes) is what 2.5 bills: more.
    assert.ok(geminiRequestTokens(withTools, words, geminiRules('gemini-2.5-flash')).tokens > added + 1);
  });

  test('calls and responses: names, keys and strings (numbers are no texts), with their constants', () => {
    const rules = geminiRules('gemini-2.0-flash');
    const call = { functionCall: { name: 'get_capital', args: { country: 'France', limit: 3 } } };
    const response = { functionResponse: { name: 'get_capital', response: { capital: 'Paris' } } };
    const count = (parts: object[]) => geminiRequestTokens({ contents: [{ role: 'model', parts }] }, words, rules);
    assert.equal(count([call]).tokens, 1 + 1 + 1 + 1 + 2);
    assert.equal(count([response]).tokens, 1 + 1 + 1 - 1);
    assert.equal(count([{ functionResponse: {} }]).tokens, 0, 'never below nothing');
  });

  test('property: any tools and parts give a whole count of 0 or more, never a throw', () => {
    const rules = geminiRules('gemini-2.0-flash');
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (tools, args, response) => {
        const request = {
          contents: [
            { role: 'model', parts: [{ functionCall: { name: 'f', args } }, { functionResponse: { response } }] },
          ],
          tools,
        };
        const { tokens } = geminiRequestTokens(request, words, rules);
        assert.ok(Number.isInteger(tokens) && tokens >= 0, String(tokens));
      }),
    );
  });
});
