import * as assert from 'node:assert/strict';
import { templateSetsKey, type DataRow } from '../../../../src/core/build';

const rows: DataRow[] = [
  { row: 1, values: { id: 'q-17', question: 'Why?' } },
  { row: 2, values: { id: 'q-18', question: 'How?' } },
];
const request = '"request":{"contents":[{"parts":[{"text":"{{question}}"}]}]}';

suite('build: a template that sets its own keys', () => {
  test("a key from a column (Gemini key, OpenAI custom_id) is the template's own; none, or none rendered, is not", () => {
    assert.equal(templateSetsKey(rows, `{"key":"{{id}}",${request}}`, 'csv'), true);
    assert.equal(templateSetsKey(rows, `{${request}}`, 'csv'), false);
    const openai =
      '{"custom_id":"{{id}}","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"{{question}}"}]}}';
    assert.equal(templateSetsKey(rows, openai, 'csv'), true);
    assert.equal(templateSetsKey(rows, openai.replace('"custom_id":"{{id}}",', ''), 'csv'), false);
    // No row renders (the template names a column none has): nothing says the template keys its lines.
    assert.equal(templateSetsKey([{ row: 1, values: {} }], `{"key":"{{id}}",${request}}`, 'csv'), false);
  });
});
