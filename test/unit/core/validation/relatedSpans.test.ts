import * as assert from 'node:assert/strict';
import { DocumentValidator, validateText, type Issue } from '../../../../src/core/validation';
import { valueRange } from '../../../../src/core/validation/keyRange';

const GEN = (key: string, pad = ''): string =>
  `{${pad}"key": ${JSON.stringify(key)}, "request": {"contents": [{"parts": [{"text": "Hi"}]}]}}`;
const OAI = (id: string, model: string): string =>
  JSON.stringify({
    custom_id: id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model, messages: [{ role: 'user', content: 'Hi' }] },
  });

/** [line, covered text] of each issue's related spans, read from `lines`. */
function relatedText(lines: readonly string[], issue: Issue): [number, string][] {
  return (issue.related ?? []).map((r) => [r.line, lines[r.line].slice(r.startCol, r.endCol)]);
}

function settle(doc: DocumentValidator): Issue[] {
  for (let i = 0; i < 100 && !doc.step(50); i++) {
    /* bounded */
  }
  return doc.issues();
}

suite('validation: related spans point at the first occurrence', () => {
  test("a duplicate key points at the first line's key value (validateText)", () => {
    const lines = ['', GEN('dup', '  '), GEN('other'), GEN('dup')];
    const { issues } = validateText(lines.join('\n'));
    assert.deepEqual(
      issues.map((i) => [i.line, i.code]),
      [[3, 'duplicate-key']],
    );
    assert.deepEqual(relatedText(lines, issues[0]), [[1, '"dup"']]);
  });

  test('a duplicate custom_id and a mixed model point at the first values (OpenAI)', () => {
    const lines = [OAI('r1', 'gemini-2.5-flash'), OAI('r1', 'gemini-2.5-pro')];
    const { issues } = validateText(lines.join('\n'));
    assert.deepEqual(
      issues.map((i) => [i.code, relatedText(lines, i)]),
      [
        ['duplicate-key', [[0, '"r1"']]],
        ['mixed-model', [[0, '"gemini-2.5-flash"']]],
      ],
    );
  });

  test('the editor model keeps the related span right after lines are inserted and deleted above', () => {
    const lines = [GEN('a'), GEN('b'), GEN('a')];
    const doc = new DocumentValidator();
    doc.setText(lines.join('\n'));
    let issues = settle(doc);
    assert.deepEqual(
      issues.map((i) => [i.line, i.code, relatedText(lines, i)]),
      [[2, 'duplicate-key', [[0, '"a"']]]],
    );

    // Two lines inserted at the top: the first occurrence moves to line 2, the duplicate to line 4.
    const inserted = [GEN('x'), GEN('y'), ...lines];
    doc.applyChange(0, 0, [GEN('x'), GEN('y')]);
    issues = settle(doc);
    assert.deepEqual(
      issues.map((i) => [i.line, relatedText(inserted, i)]),
      [[4, [[2, '"a"']]]],
    );
    assert.deepEqual(issues[0].related?.[0], { role: 'firstOccurrence', line: 2, startCol: 8, endLine: 2, endCol: 11 });

    // The first occurrence's line itself edited (key moved right), then lines above deleted.
    const edited = [GEN('x'), GEN('y'), GEN('a', '    '), GEN('b'), GEN('a')];
    doc.applyChange(2, 1, [GEN('a', '    ')]);
    doc.applyChange(0, 2, []);
    const now = edited.slice(2);
    issues = settle(doc);
    assert.deepEqual(
      issues.map((i) => [i.line, relatedText(now, i)]),
      [[2, [[0, '"a"']]]],
    );
  });

  test('valueRange finds strings (with escapes), numbers and objects, and skips string values named like the key', () => {
    const text = '{"note": "key", "key" : "a\\"b", "n": 12, "o": {"x": [1, "]"]}, "z": true}';
    const at = (name: string): string | undefined => {
      const r = valueRange(text, name);
      return r && text.slice(r[0], r[1]);
    };
    assert.deepEqual(
      [at('key'), at('n'), at('o'), at('z'), at('missing')],
      ['"a\\"b"', '12', '{"x": [1, "]"]}', 'true', undefined],
    );
  });
});
