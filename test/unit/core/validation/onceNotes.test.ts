import * as assert from 'node:assert/strict';
import { DocumentValidator, validateText } from '../../../../src/core/validation';

const line = (i: number, extra: Record<string, unknown> = { id: i }): string =>
  JSON.stringify({ key: `k${i}`, ...extra, request: { contents: [{ parts: [{ text: `q${i}` }] }] } });

suite('validation: a note repeated on every line is shown once', () => {
  const text = [
    ...Array.from({ length: 50 }, (_, i) => line(i)),
    JSON.stringify({ key: 'k50', id: 50, reqest: {} }),
  ].join('\n');

  test('an `id` beside request on every line: one information note, and the error below it is still reported', () => {
    const summary = validateText(text, { kind: 'gemini-generate', maxIssues: 5 });
    const found = summary.issues.map((i) => [i.line, i.severity, i.code]);
    assert.deepEqual(
      found.filter((f) => f[2] === 'echoed-field'),
      [[0, 'info', 'echoed-field']],
    );
    assert.ok(
      found.some((f) => f[1] === 'error' && f[0] === 50),
      JSON.stringify(found),
    );
  });

  test('the editor reports exactly what the file validation reports', () => {
    const v = new DocumentValidator({ kind: 'gemini-generate', maxIssues: 5 });
    v.setText(text);
    while (!v.step(50)) {
      /* until done */
    }
    const file = validateText(text, { kind: 'gemini-generate', maxIssues: 5 }).issues;
    assert.deepEqual(
      v.issues().map((i) => [i.line, i.code]),
      file.map((i) => [i.line, i.code]),
    );
  });

  test('warnings are never folded: an array beside request is a warning on every line', () => {
    const arrays = Array.from({ length: 3 }, (_, i) => line(i, { tags: ['a'] })).join('\n');
    const found = validateText(arrays, { kind: 'gemini-generate' }).issues.filter((i) => i.code === 'echoed-field');
    assert.deepEqual(
      found.map((i) => [i.line, i.severity]),
      [
        [0, 'warning'],
        [1, 'warning'],
        [2, 'warning'],
      ],
    );
  });
});
