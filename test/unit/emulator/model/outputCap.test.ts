import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { generate } from '../../../../src/emulator/model/localModel';
import { capAnswer } from '../../../../src/emulator/model/outputCap';

type Candidate = { content: { parts: { text: string }[] }; finishReason: string };
type Usage = { candidatesTokenCount: number; thoughtsTokenCount?: number };

const ask = (generationConfig: object) =>
  generate('gemini-2.5-flash', {
    contents: [{ role: 'user', parts: [{ text: 'Tell me about cats.' }] }],
    generationConfig,
  });

function answerOf(result: ReturnType<typeof generate>): { candidate: Candidate; usage: Usage } {
  assert.ok('response' in result);
  const response = result.response as { candidates: Candidate[]; usageMetadata: Usage };
  return { candidate: response.candidates[0], usage: response.usageMetadata };
}

suite('emulator: maxOutputTokens, thinking included (the real 2.5 behaviour)', () => {
  test('thinking that uses the whole cap leaves an empty answer ending MAX_TOKENS (python-genai#811)', () => {
    const { candidate, usage } = answerOf(ask({ maxOutputTokens: 50 }));
    // gemini-2.5-flash thinks 64 to 1023 tokens by default: more than 50.
    assert.equal(candidate.finishReason, 'MAX_TOKENS');
    assert.deepEqual(candidate.content.parts, [{ text: '' }]);
    assert.equal(usage.thoughtsTokenCount, 50);
    assert.equal(usage.candidatesTokenCount, 0);
  });

  test('room left after thinking: the answer is cut to it; no cap or a large one: whole, STOP', () => {
    const whole = answerOf(ask({ thinkingConfig: { thinkingBudget: 0 } }));
    assert.equal(whole.candidate.finishReason, 'STOP');
    const cut = answerOf(ask({ thinkingConfig: { thinkingBudget: 0 }, maxOutputTokens: 5 }));
    assert.equal(cut.candidate.finishReason, 'MAX_TOKENS');
    assert.equal(cut.usage.candidatesTokenCount, 5);
    assert.ok(whole.candidate.content.parts[0].text.startsWith(cut.candidate.content.parts[0].text));
    assert.ok(cut.candidate.content.parts[0].text.length < whole.candidate.content.parts[0].text.length);
    assert.equal(answerOf(ask({ maxOutputTokens: 65536 })).candidate.finishReason, 'STOP');
  });

  test('property: within the cap, never more text than the whole answer, a cap that is no number is none', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.oneof(fc.integer({ min: -5, max: 3000 }), fc.constant('100'), fc.constant(null), fc.double()),
        (text, out, thoughts, max) => {
          const capped = capAnswer(text, out, thoughts, max);
          assert.ok(text.startsWith(capped.text));
          if (typeof max === 'number' && Number.isFinite(max) && max >= 1) {
            assert.ok(
              capped.finishReason === 'STOP'
                ? thoughts + out <= max
                : capped.thoughts + capped.outTokens === Math.floor(max),
            );
          } else {
            assert.deepEqual(capped, { text, outTokens: out, thoughts, finishReason: 'STOP' });
          }
        },
      ),
    );
  });
});
