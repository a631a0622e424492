import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { openaiRequestTokens } from '../../../../src/core/estimate/openaiRequestTokens';
import { responseFormatText, responseFormatTokens } from '../../../../src/core/estimate/openaiResponseFormat';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';
import { loadOpenAiCounter } from '../../../../src/core/tokens/tokenizerData';
import fixture from '../../../fixtures/tokens/published-counts.json';

/** One token per word: enough to test the placement rules without the vocabularies. */
const words: TextCounter = { name: 'words', count: (t) => t.split(/\s+/).filter(Boolean).length };

const schema = { type: 'object', properties: { a: { type: 'string' } } };
const format = { type: 'json_schema', json_schema: { name: 'answer', schema } };
const text = words.count(responseFormatText('answer', undefined, schema));
/** What each assistant turn costs with a format and no tools: 2 and the name (1 word here). */
const TURN = 3;

suite('estimate: OpenAI structured outputs without tools', () => {
  test('chat without a system message: a system message of its own (4) and the reply addressed to the format', () => {
    const body = { messages: [{ role: 'user', content: 'q' }], response_format: format };
    assert.equal(responseFormatTokens(body, words), text + 4 + TURN);
  });

  test('chat with a system message: a separator after its text, which a final `.` absorbs', () => {
    const system = (content: string) => ({ role: 'system', content });
    const user = { role: 'user', content: 'q' };
    const afterLetter = { messages: [system('Be brief'), user], response_format: format };
    assert.equal(responseFormatTokens(afterLetter, words), text + 1 + TURN);
    // `words` counts `.\n\n` as one word, like `.`: o200k writes both as one token.
    const afterStop = { messages: [system('Be brief.'), user], response_format: format };
    assert.equal(responseFormatTokens(afterStop, words), text + TURN);
    const parts = { messages: [{ role: 'system', content: [{ type: 'text', text: 'Be brief.' }] }, user] };
    assert.equal(responseFormatTokens({ ...parts, response_format: format }, words), text + TURN);
  });

  test('every earlier assistant message costs a turn; a reasoning model writes its own reply header', () => {
    const messages = [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: '{"a":"x"}' },
      { role: 'user', content: 'again' },
    ];
    assert.equal(responseFormatTokens({ messages, response_format: format }, words), text + 4 + 2 * TURN);
    assert.equal(responseFormatTokens({ messages, response_format: format }, words, true), text + 4 + TURN);
  });

  test('with function tools, and on /v1/responses, the section is the text and its separator', () => {
    const messages = [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'a' },
    ];
    const tools = [{ type: 'function', function: { name: 'f' } }];
    assert.equal(responseFormatTokens({ messages, tools, response_format: format }, words), text + 1);
    assert.equal(responseFormatTokens({ messages, tools, response_format: format }, words, true), text);
    const responses = { input: messages, text: { format: { type: 'json_schema', name: 'answer', schema } } };
    assert.equal(responseFormatTokens(responses, words), text + 1);
  });
});

suite('estimate: OpenAI structured outputs, the schema as billed', () => {
  test('default, minimum, maximum and maxItems are not billed; properties and $defs of those names are', () => {
    const billed = responseFormatText('x', undefined, {
      type: 'object',
      $defs: { default: { type: 'number', minimum: 0, maximum: 1, default: 0.5 } },
      properties: {
        default: { type: 'array', items: { type: 'string' }, maxItems: 1, default: [] },
        maximum: { $ref: '#/$defs/default' },
        c: { const: 'k', title: 'C' },
      },
    });
    assert.equal(
      billed,
      '# Response Formats\n\n## x\n\n{"type":"object","$defs":{"default":{"type":"number"}},"properties":' +
        '{"default":{"type":"array","items":{"type":"string"}},"maximum":{"$ref":"#/$defs/default"},' +
        '"c":{"const":"k","title":"C"}}}',
    );
  });

  test('characters outside printable ASCII are escaped as Python writes them', () => {
    const billed = responseFormatText('x', 'déjà', { description: 'a \u2014 b \u007f 😀' });
    assert.equal(billed, '# Response Formats\n\n## x\n\n// déjà\n{"description":"a \\u2014 b \\u007f \\ud83d\\ude00"}');
  });
});

interface Entry {
  provider: string;
  generation: string;
  url: string;
  body: Record<string, unknown>;
  count: number;
  source: string;
}

suite('estimate: OpenAI structured outputs on the recorded counts', () => {
  test('every recorded chat request with a format and no tools on a non-reasoning model is exact', async () => {
    const counter = await loadOpenAiCounter(path.join(__dirname, '../../../../assets/tokenizers'));
    const entries = (fixture.entries as unknown as Entry[]).filter(
      (e) =>
        e.provider === 'openai' &&
        e.generation === 'openai-chat' &&
        (e.body.response_format as { type?: string } | undefined)?.type === 'json_schema' &&
        !(Array.isArray(e.body.tools) && e.body.tools.length > 0),
    );
    // Mirascope 10, crewAI 103, openllmetry 8 (2026-11-28): 0 exact with the section at its text + 1.
    assert.ok(entries.length >= 121);
    const off = entries
      .map((e) => ({ source: e.source, off: openaiRequestTokens(e.url, e.body, counter).tokens - e.count }))
      .filter((e) => e.off !== 0);
    assert.deepEqual(off, []);
  });
});
