import * as assert from 'node:assert/strict';
import { TOOL_AUTHOR_TOKENS, authorTokens, callNames } from '../../../../src/core/estimate/openaiCallTokens';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';

/** One token per word: enough to test the counting rules without the vocabularies. */
const words: TextCounter = { name: 'words', count: (t) => t.split(/\s+/).filter(Boolean).length };

suite('estimate: OpenAI tool message authors', () => {
  const names = callNames([
    {
      role: 'assistant',
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get weather', arguments: '{}' } }],
    },
  ]);

  test('a tool message answering a known call is authored by its function', () => {
    assert.equal(authorTokens({ role: 'tool', tool_call_id: 'c1' }, names, words), 2 + TOOL_AUTHOR_TOKENS);
    assert.equal(authorTokens({ role: 'tool', tool_call_id: 'unknown' }, names, words), 1);
  });

  test('its own `name` field is not billed: what the caller bills for it (name + 1) is taken back', () => {
    const named = { role: 'tool', tool_call_id: 'c1', name: 'get weather now' };
    assert.equal(authorTokens(named, names, words), 2 + TOOL_AUTHOR_TOKENS - (3 + 1));
    // A name on a message whose call is unknown stays billed by the caller: nothing is taken back.
    assert.equal(authorTokens({ ...named, tool_call_id: 'unknown' }, names, words), 1);
  });
});
