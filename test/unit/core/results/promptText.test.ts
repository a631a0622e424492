import * as assert from 'node:assert/strict';
import { promptText } from '../../../../src/core/results/promptText';

suite('results: the prompt shown beside an answer', () => {
  test('a conversation shows its last user turn, not its first', () => {
    const gemini = {
      key: 'k',
      request: {
        systemInstruction: { parts: [{ text: 'Be brief.' }] },
        contents: [
          { role: 'user', parts: [{ text: 'Capital of France?' }] },
          { role: 'model', parts: [{ text: 'Paris.' }] },
          { role: 'user', parts: [{ text: 'And its population?' }] },
        ],
      },
    };
    assert.equal(promptText(gemini), 'And its population?');
    const chat = {
      custom_id: 'c',
      body: {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Capital of France?' },
          { role: 'assistant', content: 'Paris.' },
          { role: 'user', content: [{ type: 'text', text: 'And its population?' }] },
        ],
      },
    };
    assert.equal(promptText(chat), 'And its population?');
    const responses = {
      body: {
        input: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: 'Capital of France?' },
          { type: 'function_call', call_id: 'x', name: 'f', arguments: '{}' },
          { role: 'user', content: [{ type: 'input_text', text: 'And its population?' }] },
        ],
      },
    };
    assert.equal(promptText(responses), 'And its population?');
  });

  test('one turn, a string, an embedding, a role-less Content; nothing to show is undefined', () => {
    assert.equal(promptText({ request: { contents: [{ parts: [{ text: 'Hi' }] }] } }), 'Hi');
    assert.equal(promptText({ body: { input: 'Embed me' } }), 'Embed me');
    assert.equal(promptText({ body: { input: ['a', 'b'] } }), 'a');
    assert.equal(promptText({ request: { content: { parts: [{ text: 'Vector' }] } } }), 'Vector');
    assert.equal(promptText({ body: { prompt: 'Complete' } }), 'Complete');
    assert.equal(promptText({ request: { contents: [{ role: 'model', parts: [{ text: 'x' }] }] } }), undefined);
    assert.equal(promptText({ body: { input: [{ role: 'developer', content: 'x' }] } }), undefined);
    assert.equal(promptText(42), undefined);
  });
});
