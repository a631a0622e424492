import * as assert from 'node:assert/strict';
import { planSample, sampleLines, tallySample } from '../../../../src/core/estimate/exactSamplePlan';

const gemini = (key: string, text: string): string =>
  JSON.stringify({ key, request: { contents: [{ role: 'user', parts: [{ text }] }] } });
const openai = (id: string): string =>
  JSON.stringify({
    custom_id: id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] },
  });

suite('core: the exact-count sample', () => {
  test('a broken line (trailing comma) is skipped and counted as such; the others are still planned', () => {
    const broken = `${gemini('b', 'Hi').slice(0, -1)},}`;
    const plan = planSample([
      { index: 0, text: gemini('a', 'Hello') },
      { index: 1, text: broken },
      { index: 2, text: '{"key": "c", "request": {"contents": [],]}}' },
      { index: 3, text: gemini('d', 'Bye') },
    ]);
    assert.deepEqual(
      plan.requests.map((r) => r.index),
      [0, 3],
    );
    assert.deepEqual(plan.skipped, { invalidJson: 2, notGemini: 0 });
    assert.deepEqual(plan.requests[0].request, { contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] });
  });

  test('a bare GenerateContentRequest line is its own request; OpenAI lines and keyless objects are not sent', () => {
    const bare = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] });
    const plan = planSample([
      { index: 0, text: bare },
      { index: 1, text: openai('x') },
      { index: 2, text: '{"key": "only"}' },
      { index: 3, text: '[1, 2]' },
      { index: 4, text: '{"key": "k", "request": "text"}' },
    ]);
    assert.deepEqual(
      plan.requests.map((r) => r.request),
      [JSON.parse(bare)],
    );
    assert.deepEqual(plan.skipped, { invalidJson: 0, notGemini: 4 });
  });

  test('the sample: up to 10 non-blank lines spread over the document', () => {
    const lines = Array.from({ length: 40 }, (_, i) => (i === 4 ? '' : `line ${i}`));
    const doc = { lineCount: lines.length, lineAt: (i: number) => ({ text: lines[i] }) };
    assert.deepEqual(
      sampleLines(doc).map((l) => l.index),
      [0, 8, 12, 16, 20, 24, 28, 32, 36],
    );
  });

  test('the diff compares the lines with an exact count only; a count of 0 or none is never a +0.0% match', () => {
    const some = tallySample([
      { local: 11, exact: 10 },
      { local: 30, exact: 0 },
      { local: 7, exact: undefined },
    ]);
    assert.deepEqual(some, { compared: 1, localSum: 11, exactSum: 10, noCount: 2, diffPercent: 10 });
    const none = tallySample([
      { local: 30, exact: 0 },
      { local: 12, exact: 0 },
    ]);
    assert.equal(none.diffPercent, undefined);
    assert.equal(none.compared, 0);
    assert.equal(none.noCount, 2);
    assert.equal(tallySample([]).diffPercent, undefined);
  });
});
