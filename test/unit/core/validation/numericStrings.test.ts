import * as assert from 'node:assert/strict';
import { isServiceParseFailure, messageFor, validateLine, type Issue } from '../../../../src/core/validation';

const gen = (config: string): string =>
  `{"key":"a","request":{"contents":[{"parts":[{"text":"hi"}]}],"generationConfig":${config}}}`;
const codes = (issues: Issue[]): string[] => issues.map((i) => i.code);

suite('validation: proto3 JSON numbers written as strings (Gemini)', () => {
  test('integer fields take a string of digits, int64 or int32, either spelling', () => {
    assert.deepEqual(
      validateLine('gemini-generate', gen('{"maxOutputTokens":"100","seed":"7","top_k":"-3","candidateCount":2}'), 0),
      [],
    );
    assert.deepEqual(validateLine('gemini-generate', gen('{"thinkingConfig":{"thinkingBudget":"1024"}}'), 0), []);
    const embed = '{"key":"e","request":{"content":{"parts":[{"text":"x"}]},"outputDimensionality":"768"}}';
    assert.deepEqual(validateLine('gemini-embed', embed, 0), []);
  });

  test('float fields take numeric strings too', () => {
    assert.deepEqual(
      validateLine(
        'gemini-generate',
        gen('{"temperature":"0.5","topP":"1e-2","presencePenalty":"-1","frequency_penalty":"NaN"}'),
        0,
      ),
      [],
    );
  });

  test('an integer field with a string that is not digits: a type mismatch on the value, fatal at creation', () => {
    const line = gen('{"maxOutputTokens":"lots"}');
    const issues = validateLine('gemini-generate', line, 0);
    assert.deepEqual(codes(issues), ['type-mismatch']);
    assert.equal(line.slice(issues[0].startCol, issues[0].endCol), '"lots"');
    assert.equal(
      messageFor(issues[0]),
      '`maxOutputTokens` must be an integer, not "lots" (written as a string it must be digits only, like "100")',
    );
    assert.equal(isServiceParseFailure(issues[0]), true);
    assert.deepEqual(codes(validateLine('gemini-generate', gen('{"maxOutputTokens":"1.5"}'), 0)), ['type-mismatch']);
  });

  test('a float field with a non-numeric string, and a wrong JSON type, name the number type only', () => {
    const hot = validateLine('gemini-generate', gen('{"temperature":"hot"}'), 0);
    assert.equal(
      messageFor(hot[0]),
      '`temperature` must be a number, not "hot" (written as a string it must be a number, like "0.5")',
    );
    const bool = validateLine('gemini-generate', gen('{"max_output_tokens":true}'), 0);
    assert.equal(messageFor(bool[0]), '`max_output_tokens` must be an integer, not true or false');
  });

  test('OpenAI bodies are plain JSON: numbers as strings stay wrong there', () => {
    const line = JSON.stringify({
      custom_id: 'r',
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'm', messages: [{ role: 'user', content: 'x' }], max_completion_tokens: '100' },
    });
    assert.deepEqual(codes(validateLine('openai', line, 0)), ['type-mismatch']);
  });
});
