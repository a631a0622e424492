import * as assert from 'node:assert/strict';
import {
  TOOL_AUTHOR_TOKENS,
  authorTokens,
  callNames,
  callTokens,
} from '../../../../src/core/estimate/openaiCallTokens';
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

  test('chat bills the arguments of a call as compact JSON, /v1/responses as sent', () => {
    const call = (args: string) => ({
      role: 'assistant',
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: args } }],
    });
    assert.equal(callTokens(call('{"a": 1, "b": 2}'), words), callTokens(call('{"a":1,"b":2}'), words));
    assert.equal(callTokens(call('"x y"'), words), callTokens(call('"x y"'), words, 'responses') + 2);
    assert.notEqual(
      callTokens(call('{"a": 1, "b": 2}'), words, 'responses'),
      callTokens(call('{"a":1,"b":2}'), words, 'responses'),
    );
    // Text that is not JSON stays as sent.
    assert.equal(callTokens(call('not json'), words), callTokens(call('not json'), words, 'responses') + 2);
  });
});
