import * as assert from 'node:assert/strict';
import {
  TOOL_AUTHOR_TOKENS,
  authorTokens,
  callNames,
  callTokens,
} from '../../../../src/core/estimate/openaiCallTokens';
import { openaiRequestTokens } from '../../../../src/core/estimate/openaiRequestTokens';
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

  test('its own `name` field is not billed when its function is its author; other names are', () => {
    const call = { id: 'c1', type: 'function', function: { name: 'get weather', arguments: '{}' } };
    const tokens = (answer: Record<string, unknown>) =>
      openaiRequestTokens(
        '/v1/chat/completions',
        { messages: [{ role: 'assistant', tool_calls: [call] }, answer] },
        words,
      ).tokens;
    const answer = { role: 'tool', tool_call_id: 'c1', content: 'sunny' };
    assert.equal(tokens({ ...answer, name: 'get weather now' }), tokens(answer));
    // A message whose call is unknown keeps the cookbook's rule: its name and 1 more.
    const unknown = { ...answer, tool_call_id: 'unknown' };
    assert.equal(tokens({ ...unknown, name: 'get weather now' }), tokens(unknown) + 3 + 1);
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
