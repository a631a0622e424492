import * as assert from 'node:assert/strict';
import { messageFor, validateLine } from '../../../../src/core/validation';

const OPENAI = (body: object) => JSON.stringify({ custom_id: 'r1', method: 'POST', url: '/v1/chat/completions', body });
const MESSAGES = [{ role: 'user', content: 'Hi' }];

/** Every issue of an OpenAI line as [code, covered text, message]. */
function issues(line: string): [string, string, string][] {
  return validateLine('openai', line, 0).map((i) => [i.code, line.slice(i.startCol, i.endCol), messageFor(i)]);
}

suite('validation: errors inside unions (anyOf/oneOf) name the branch the user meant', () => {
  test('the discriminator picks the branch: a function tool without `function`', () => {
    assert.deepEqual(issues(OPENAI({ model: 'gemini-2.5-flash', messages: MESSAGES, tools: [{ type: 'function' }] })), [
      ['missing-field', '{"type":"function"}', 'Missing required field `function` in body.tools[0]'],
    ]);
  });

  test('the JSON type picks the branch: a content part list with a bad part', () => {
    const line = OPENAI({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: [{ type: 'text' }] }] });
    assert.deepEqual(issues(line), [
      ['missing-field', '{"type":"text"}', 'Missing required field `text` in body.messages[0].content[0]'],
    ]);
  });

  test('a bound inside a nullable number', () => {
    assert.deepEqual(issues(OPENAI({ model: 'gemini-2.5-flash', messages: MESSAGES, temperature: 5 })), [
      ['invalid-value', '5', '`temperature` must be at most 2 (it is 5)'],
    ]);
  });

  test('no branch takes the JSON type: one type mismatch listing the types', () => {
    assert.deepEqual(issues(OPENAI({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 5 }] })), [
      ['type-mismatch', '5', '`content` must be a string or an array, not an integer'],
    ]);
  });
});
