import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PARALLEL_AUTHOR, parallelAnswers } from '../../../../src/core/estimate/openaiParallelAnswers';
import { openaiRequestTokens } from '../../../../src/core/estimate/openaiRequestTokens';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';

/** One token per character: every separator and quote shows in the count. */
const chars: TextCounter = { name: 'chars', count: (t) => t.length };

const call = (id: string, name: string) => ({ id, type: 'function', function: { name, arguments: '{}' } });
const answer = (id: string, content: unknown) => ({ role: 'tool', tool_call_id: id, content });

function conversation(calls: number) {
  const ids = Array.from({ length: calls }, (_, i) => `call_${i}`);
  return [
    { role: 'user', content: 'Hi' },
    { role: 'assistant', tool_calls: ids.map((id, i) => call(id, `f${i}`)) },
    ...ids.map((id, i) => answer(id, i === 0 ? '{"city":"Paris","n":2}' : 'plain text')),
  ];
}

suite('estimate: answers to an OpenAI parallel call', () => {
  test('the answers to a parallel call are one message: a Python-style JSON list of the parsed answers', () => {
    const messages = conversation(2);
    const merged = parallelAnswers(messages);
    assert.equal(merged.get(messages[2]), '[{"city": "Paris", "n": 2}, "plain text"]');
    assert.ok(merged.has(messages[3]) && merged.get(messages[3]) === undefined);
    // Billed as one `tool` message authored by the wrapper: 3 per message, the author and 1, the list.
    const tokens = (list: unknown[]) => openaiRequestTokens('/v1/chat/completions', { messages: list }, chars).tokens;
    const wrapper = 3 + PARALLEL_AUTHOR.length + 1 + '[{"city": "Paris", "n": 2}, "plain text"]'.length;
    assert.equal(tokens(messages) - tokens(messages.slice(0, 2)), wrapper);
  });

  test('a single call and the answer to another call are billed one by one', () => {
    assert.equal(parallelAnswers(conversation(1)).size, 0);
    const messages = [...conversation(2), answer('unrelated', 'x')];
    assert.equal(parallelAnswers(messages).has(messages[4]), false);
  });

  test('an answer nested too deep to render is billed as its text, without a crash', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const messages = [...conversation(2).slice(0, 2), answer('call_0', deep), answer('call_1', 'ok')];
    assert.equal(parallelAnswers(messages).get(messages[2]), `[${JSON.stringify(deep)}, "ok"]`);
  });

  test('any conversation is counted without throwing (property)', () => {
    const message = fc.oneof(
      fc.record({ role: fc.constantFrom('user', 'tool', 'assistant'), content: fc.jsonValue() }),
      fc.record({
        role: fc.constant('assistant'),
        tool_calls: fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), function: fc.jsonValue() })),
      }),
      fc.record({ role: fc.constant('tool'), tool_call_id: fc.constantFrom('a', 'b', 'c'), content: fc.jsonValue() }),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.array(message, { maxLength: 12 }), (messages) => {
        const count = openaiRequestTokens('/v1/chat/completions', { messages }, chars);
        assert.ok(Number.isFinite(count.tokens));
      }),
    );
  });
});
