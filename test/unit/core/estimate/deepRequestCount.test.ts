import * as assert from 'node:assert/strict';
import { countGuarded, leafTokens } from '../../../../src/core/estimate/deepRequestCount';
import { estimateLine } from '../../../../src/core/estimate/lineEstimate';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';

/** One token per word: enough to test the counting rules without the vocabularies. */
const words: TextCounter = { name: 'words', count: (t) => t.split(/\s+/).filter(Boolean).length };

/** A schema of `depth` nested objects, built without recursion (as JSON.parse would hand it over). */
function nested(depth: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < depth; i++) {
    schema = { type: 'object', properties: { a: schema } };
  }
  return schema;
}

suite('estimate: a request nested too deep to render', () => {
  test('a Gemini and an OpenAI line with 20,000 nested objects are counted by their pieces, as approximate', () => {
    const parameters = nested(20_000);
    const gemini = estimateLine(
      {
        key: 'k',
        request: {
          contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
          tools: [{ functionDeclarations: [{ name: 'f', parameters }] }],
        },
      },
      1,
      words,
      { assumedOutputTokens: 0 },
    );
    const openai = estimateLine(
      {
        custom_id: 'c',
        body: {
          model: 'gpt-4o',
          messages: [{ role: 'user', content: 'hi' }],
          tools: [{ type: 'function', function: { name: 'f', parameters } }],
        },
      },
      1,
      words,
      { assumedOutputTokens: 0 },
    );
    for (const line of [gemini, openai]) {
      assert.ok(line && line.inputTokens > 60_000, `${line?.inputTokens}`);
      assert.equal(line.approximateTokens, line.inputTokens);
    }
  });

  test('every key and scalar counts once; other errors are not swallowed', () => {
    assert.equal(leafTokens({ a: ['b c', 1, true, null], d: { e: 'f' } }, words), 1 + 2 + 1 + 1 + 1 + 1 + 1);
    assert.throws(
      () =>
        countGuarded(
          () => {
            throw new TypeError('a bug');
          },
          {},
          words,
        ),
      TypeError,
    );
  });
});
