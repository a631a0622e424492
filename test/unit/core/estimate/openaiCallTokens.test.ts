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

suite('estimate: OpenAI assistant answers on harmony', () => {
  const history = [
    { role: 'user', content: 'q' },
    { role: 'assistant', content: 'a b' },
    { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f' } }] },
    { role: 'tool', tool_call_id: 'c1', content: 'ok' },
    { role: 'user', content: 'next' },
  ];
  const chat = (model: string, messages: unknown[]) =>
    openaiRequestTokens('/v1/chat/completions', { model, messages }, words).tokens;
  const responses = (model: string, input: unknown[]) =>
    openaiRequestTokens('/v1/responses', { model, input }, words).tokens;

  test('gpt-5 bills 2 more for an assistant message with text (the final channel), not for one with calls', () => {
    const without = history.filter((m) => m.content !== 'a b');
    // 3 + `assistant` + `a b`, and 2 more.
    assert.equal(chat('gpt-5', history) - chat('gpt-5', without), 4 + 2 + 2);
    assert.equal(responses('gpt-5.4', history) - responses('gpt-5.4', without), 4 + 2 + 2);
    const callsOnly = history.filter((m) => m.content !== 'a b' && m.role !== 'tool' && !m.tool_calls);
    assert.equal(chat('gpt-5', without) - chat('gpt-5', callsOnly), chat('o3', without) - chat('o3', callsOnly));
  });

  test('o3 and gpt-4o bill an assistant message as chat does', () => {
    const without = history.filter((m) => m.content !== 'a b');
    assert.equal(chat('o3-mini', history) - chat('o3-mini', without), 4 + 2);
    assert.equal(chat('gpt-4o', history) - chat('gpt-4o', without), 4 + 2);
  });
});
