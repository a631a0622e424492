import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { finalChannelTokens } from '../../../../src/core/estimate/openaiFinalChannel';
import { openaiRequestTokens } from '../../../../src/core/estimate/openaiRequestTokens';
import { loadOpenAiCounter } from '../../../../src/core/tokens/tokenizerData';

const ASSETS = path.join(__dirname, '../../../../assets/tokenizers');

suite("estimate: an earlier answer on gpt-5 is billed on harmony's final channel", () => {
  test('an assistant answer with text costs 2; a call, an empty answer or another role nothing', () => {
    assert.equal(finalChannelTokens({ role: 'assistant', content: 'Paris.' }), 2);
    assert.equal(finalChannelTokens({ role: 'assistant', content: [{ type: 'text', text: 'Paris.' }] }), 2);
    assert.equal(finalChannelTokens({ role: 'assistant', content: 'x', tool_calls: [{ id: 'c' }] }), 0);
    assert.equal(finalChannelTokens({ role: 'assistant', content: '' }), 0);
    assert.equal(finalChannelTokens({ role: 'user', content: 'Paris?' }), 0);
  });

  test('gpt-5 models bill it per answer in chat and /v1/responses; o3-mini does not', async () => {
    const counter = await loadOpenAiCounter(ASSETS);
    const messages = [
      { role: 'user', content: 'Capital of France?' },
      { role: 'assistant', content: 'Paris.' },
      { role: 'user', content: 'And of Italy?' },
      { role: 'assistant', content: 'Rome.' },
      { role: 'user', content: 'Thanks' },
    ];
    const chat = (model: string) => openaiRequestTokens('/v1/chat/completions', { model, messages }, counter).tokens;
    const responses = (model: string) =>
      openaiRequestTokens('/v1/responses', { model, input: messages }, counter).tokens;
    assert.equal(chat('gpt-5-mini') - chat('o3-mini'), 4);
    assert.equal(responses('gpt-5.4') - responses('o4-mini'), 4);
  });
});
