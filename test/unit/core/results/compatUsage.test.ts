import * as assert from 'node:assert/strict';
import { reportedUsage } from '../../../../src/core/pricing/usageCost';
import { toResultRow } from '../../../../src/core/results/resultRow';

/**
 * A real result line of a batch sent through Gemini's OpenAI compatibility layer: google-gemini/cookbook
 * quickstarts/Get_started_OpenAI_Compatibility.ipynb at 64d2f7ea, the output of its batch cell (gemini-2.5-flash).
 * Its usage is camelCase and its total holds 460 thinking tokens that `completionTokens` leaves out.
 */
const COMPAT_LINE = JSON.stringify({
  response: {
    status_code: 200,
    body: {
      id: 'okvAaJuhOdSFjrEP3rDF2QI',
      usage: { completionTokens: 19, promptTokens: 9, totalTokens: 488 },
      object: 'chat.completion',
      choices: [
        {
          message: {
            role: 'assistant',
            content: "I'm reading a book about anti-gravity; it's impossible to put down!",
          },
          finishReason: 'stop',
        },
      ],
      created: '1757432746',
      model: 'gemini-2.5-flash',
    },
  },
  custom_id: 'request-1',
});

suite('results: Gemini OpenAI-compatibility batch output (camelCase usage)', () => {
  test('tokens, thoughts and finish reason are read from the real line', () => {
    const row = toResultRow(JSON.parse(COMPAT_LINE));
    assert.equal(row.ok, true);
    assert.equal(row.key, 'request-1');
    assert.equal(row.finishReason, 'stop');
    assert.deepEqual(
      { prompt: row.tokens.prompt, output: row.tokens.output, thoughts: row.tokens.thoughts, total: row.tokens.total },
      { prompt: 9, output: 19, thoughts: 460, total: 488 },
    );
  });

  test('the cost counts the thinking tokens as output, as the service bills them', () => {
    const body = (JSON.parse(COMPAT_LINE) as { response: { body: { usage: unknown } } }).response.body;
    assert.deepEqual(reportedUsage(body.usage), { inputTokens: 9, outputTokens: 479, cachedTokens: 0 });
  });

  test("OpenAI's own snake_case usage reads as before: reasoning inside completion_tokens, no hidden thoughts", () => {
    const row = toResultRow({
      custom_id: 'r',
      response: {
        status_code: 200,
        body: {
          usage: {
            prompt_tokens: 5,
            completion_tokens: 30,
            total_tokens: 35,
            completion_tokens_details: { reasoning_tokens: 20 },
          },
          choices: [{ message: { content: 'x' }, finish_reason: 'stop' }],
        },
      },
    });
    assert.deepEqual([row.tokens.output, row.tokens.thoughts, row.tokens.total], [10, 20, 35]);
  });
});
