import * as assert from 'node:assert/strict';
import { EstimateTotals } from '../../../../src/core/estimate/estimateTotals';
import { estimateLine } from '../../../../src/core/estimate/lineEstimate';
import { additionalToolsTokens } from '../../../../src/core/estimate/openaiAdditionalTools';
import { openaiRequestTokens } from '../../../../src/core/estimate/openaiRequestTokens';
import { responseFormatText, responseFormatTokens } from '../../../../src/core/estimate/openaiResponseFormat';
import { responsesConversation } from '../../../../src/core/estimate/openaiResponsesInput';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';

/** One token per word: enough to test the counting rules without the vocabularies. */
const words: TextCounter = { name: 'words', count: (t) => t.split(/\s+/).filter(Boolean).length };

const user = (content: string) => ({ role: 'user', content });
const reasoning = { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'gAAAA…' };
const call = (id: string) => ({ type: 'function_call', call_id: id, name: 'f', arguments: '{}' });
const output = (id: string) => ({ type: 'function_call_output', call_id: id, output: 'ok' });

suite('estimate: OpenAI structured outputs', () => {
  test('the schema is written after a Response Formats header, without additionalProperties:false or required', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['a'],
      properties: {
        a: { type: 'object', additionalProperties: false, required: ['b'], properties: { b: { type: 'string' } } },
        // A property named like a keyword is a property, not a keyword.
        required: { type: 'boolean' },
        open: { type: 'object', additionalProperties: true },
      },
    };
    assert.equal(
      responseFormatText('answer', 'The answer', schema),
      '# Response Formats\n\n## answer\n\n// The answer\n' +
        '{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string"}}},' +
        '"required":{"type":"boolean"},"open":{"type":"object","additionalProperties":true}}}',
    );
    assert.equal(responseFormatText('x', undefined, {}), '# Response Formats\n\n## x\n\n{}');
  });

  test('chat and /v1/responses formats count the same text; reasoning models 1 less; json_object nothing', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const text = words.count(responseFormatText('answer', undefined, schema));
    // With function tools: without them chat places the section apart (openaiResponseFormat.test.ts).
    const tools = [{ type: 'function', function: { name: 'f' } }];
    const chat = { tools, response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } } };
    const responses = { text: { format: { type: 'json_schema', name: 'answer', schema } } };
    assert.equal(responseFormatTokens(chat, words), text + 1);
    assert.equal(responseFormatTokens(responses, words), text + 1);
    assert.equal(responseFormatTokens(responses, words, true), text);
    assert.equal(responseFormatTokens({ response_format: { type: 'json_object' } }, words), 0);
    assert.equal(responseFormatTokens({ text: { format: { type: 'text' } } }, words), 0);
  });
});

suite('estimate: /v1/responses items the client cannot size', () => {
  test('reasoning of the current turn is unsized; that of a finished turn is dropped', () => {
    const current = responsesConversation({ input: [user('q'), reasoning, call('1'), output('1')] });
    assert.equal(current.unsized, 1);
    const finished = responsesConversation({
      input: [user('q'), reasoning, { role: 'assistant', content: 'a' }, user('next')],
    });
    assert.equal(finished.unsized, 0);
    // Neither becomes a message of its own.
    assert.equal(current.messages.length, 3);
    assert.equal(finished.messages.length, 3);
  });

  test('a compaction item replaces what came before it; stored items and prompts are unsized', () => {
    const compacted = responsesConversation({
      instructions: 'Be brief.',
      input: [user('old'), { role: 'assistant', content: 'old answer' }, { type: 'compaction' }, user('new')],
    });
    assert.deepEqual(compacted.messages, [{ role: 'system', content: 'Be brief.' }, user('new')]);
    assert.equal(compacted.unsized, 1);
    assert.equal(responsesConversation({ input: 'q', previous_response_id: 'resp_1' }).unsized, 1);
    assert.equal(responsesConversation({ input: 'q', previous_response_id: null }).unsized, 0);
    assert.equal(responsesConversation({ input: [{ type: 'item_reference', id: 'msg_1' }] }).unsized, 1);
    assert.equal(responsesConversation({ prompt: { id: 'pmpt_1' }, input: 'q' }).unsized, 1);
  });

  test('server-side compaction makes the count unsized only past its threshold', () => {
    const body = (threshold: number) => ({
      model: 'gpt-4.1',
      input: 'one two three four five',
      context_management: [{ type: 'compaction', compact_threshold: threshold }],
    });
    assert.equal(openaiRequestTokens('/v1/responses', body(1000), words).unsizedItems, 0);
    assert.equal(openaiRequestTokens('/v1/responses', body(3), words).unsizedItems, 1);
  });

  test('the flag reaches the line estimate and the totals, and is absent when nothing is unsized', () => {
    const line = (input: unknown[]) => ({
      custom_id: 'a',
      method: 'POST',
      url: '/v1/responses',
      body: { model: 'gpt-5', input },
    });
    const flagged = estimateLine(line([user('q'), reasoning, call('1'), output('1')]), 1, words, {
      assumedOutputTokens: 0,
    });
    const plain = estimateLine(line([user('q')]), 2, words, { assumedOutputTokens: 0 });
    assert.equal(flagged?.unsizedItems, 1);
    assert.ok(plain && !('unsizedItems' in plain));
    const totals = new EstimateTotals();
    totals.add(flagged!);
    totals.add(plain!);
    totals.add(flagged!);
    assert.equal(totals.result().unsizedItems, 2);
  });
});

suite('estimate: /v1/responses tools beyond the tools list', () => {
  const tool = { type: 'function', name: 'lookup', description: 'Look up.', parameters: { type: 'object' } };

  test('parallel calls are separate messages on gpt-4o, without the multi_tool_use declaration', () => {
    const input = [user('q'), call('1'), call('2'), output('1'), output('2')];
    const serial = [user('q'), call('1'), output('1'), call('2'), output('2')];
    const count = (model: string, items: unknown[]) =>
      openaiRequestTokens('/v1/responses', { model, input: items, tools: [tool] }, words).tokens;
    // Billed as the same calls one turn after the other.
    assert.equal(count('gpt-4o', input), count('gpt-4o', serial));
    // Reasoning models: one message to multi_tool_use.parallel, 3 + `assistant` + ` to=multi_tool_use.parallel` + its
    // JSON + 8, against two of 3 + `assistant` + ` to=functions.f` + `{}` + 8 (one token per word).
    assert.equal(count('gpt-5', input) - count('gpt-5', serial), 14 - 28);
  });

  test('a function_call item sent back with its id bills 3 more on gpt-4o when it is alone in its turn', () => {
    const stored = (id: string) => ({ ...call(id), id: `fc_${id}`, status: 'completed' });
    const count = (model: string, items: unknown[]) =>
      openaiRequestTokens('/v1/responses', { model, input: items, tools: [tool] }, words).tokens;
    const lone = (make: typeof call) => [user('q'), make('1'), output('1')];
    assert.equal(count('gpt-4o', lone(stored)) - count('gpt-4o', lone(call)), 3);
    assert.equal(count('gpt-4.1', lone(stored)) - count('gpt-4.1', lone(call)), 3);
    const pair = (make: typeof call) => [user('q'), make('1'), make('2'), output('1'), output('2')];
    assert.equal(count('gpt-4o', pair(stored)), count('gpt-4o', pair(call)));
    assert.equal(count('gpt-5', lone(stored)), count('gpt-5', lone(call)));
  });

  test('a call with a namespace is addressed to, and answered by, NAMESPACE.NAME instead of functions.NAME', () => {
    const chars: TextCounter = { name: 'chars', count: (t) => t.length };
    const count = (namespace?: string) =>
      openaiRequestTokens(
        '/v1/responses',
        { model: 'gpt-5', input: [user('q'), { ...call('1'), namespace }, output('1')] },
        chars,
      ).tokens;
    // ' to=ns.f' and author 'ns.f' against ' to=functions.f' and author 'f'.
    assert.equal(count('ns') - count(), ' to=ns.f'.length - ' to=functions.f'.length + 'ns.f'.length - 'f'.length);
  });

  test('additional_tools items bill their tools rendered in a harmony tools section, plus a fixed part', () => {
    const body = { input: [user('q'), { type: 'additional_tools', role: 'developer', tools: [tool] }] };
    const text =
      '# Tools\n\n## functions\n\nnamespace functions {\n\n// Look up.\ntype lookup = () => any;\n\n} // namespace functions';
    assert.equal(additionalToolsTokens(body, words), 90 + words.count(text));
    assert.equal(additionalToolsTokens({ input: [user('q')] }, words), 0);
    // And the item is not also counted as a message.
    const without = openaiRequestTokens('/v1/responses', { model: 'gpt-5', input: [user('q')] }, words).tokens;
    const withTools = openaiRequestTokens('/v1/responses', { model: 'gpt-5', ...body }, words).tokens;
    assert.equal(withTools - without, additionalToolsTokens(body, words));
  });
});
