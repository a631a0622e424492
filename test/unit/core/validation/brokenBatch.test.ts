import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { DocumentValidator, validateText } from '../../../../src/core/validation';
import { lineVote } from '../../../../src/core/validation/kindVote';
import { envelopeNameFor } from '../../../../src/core/validation/nearBatch';

const GEN = (k: string): string => `{"key":"${k}","request":{"contents":[{"parts":[{"text":"x"}]}]}}`;
const OAI = (k: string): string =>
  `{"custom_id":"${k}","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}`;
const many = (line: (i: number) => string, n = 20): string => Array.from({ length: n }, (_, i) => line(i)).join('\n');

function editorOutcome(text: string): { outcome: string; errors: number } {
  const v = new DocumentValidator();
  v.setText(text);
  while (!v.step(1000)) {
    /* until done */
  }
  return { outcome: v.outcome, errors: v.issues().filter((i) => i.severity === 'error').length };
}

/** A broken batch file: validated (not "not a batch file") and full of errors, in the file validation and the editor. */
function assertBroken(text: string, what: string): void {
  const summary = validateText(text);
  assert.equal(summary.notBatch, undefined, what);
  assert.ok(
    summary.issues.some((i) => i.severity === 'error'),
    `${what}: ${JSON.stringify(summary.issues.map((i) => i.code))}`,
  );
  const editor = editorOutcome(text);
  assert.equal(editor.outcome, 'batch', what);
  assert.ok(editor.errors > 0, what);
}

/** Other JSON Lines data: one not-a-batch-file warning (an error when a batch file is required), no editor diagnostics. */
function assertNotBatch(text: string, what: string): void {
  const summary = validateText(text);
  assert.equal(summary.notBatch, true, what);
  assert.deepEqual(
    summary.issues.map((i) => [i.code, i.severity]),
    [['not-a-batch-file', 'warning']],
    what,
  );
  assert.deepEqual(
    validateText(text, { requireBatch: true }).issues.map((i) => [i.code, i.severity]),
    [['not-a-batch-file', 'error']],
    what,
  );
  assert.equal(editorOutcome(text).outcome, 'not-batch', what);
}

suite('validation: broken batch files are not "not a batch file"', () => {
  test('misspelled envelope keys make broken batch lines of the right kind', () => {
    assertBroken(
      many((i) => GEN(`k${i}`).replace('"request"', '"reqeust"')),
      'every line writes reqeust',
    );
    assert.equal(lineVote(GEN('a').replace('"request"', '"Request"')), 'gemini-generate');
    assertBroken(
      many((i) => OAI(`k${i}`).replace('"custom_id"', '"custom-id"')),
      'custom-id',
    );
    assert.equal(validateText(many((i) => OAI(`k${i}`).replace('"custom_id"', '"customId"'))).kind, 'openai');
    assertBroken(
      many((i) => OAI(`k${i}`).replace('"body"', '"bdy"')),
      'bdy',
    );
  });

  test('a truncated envelope, and envelope keys in a line that does not parse, are broken batch lines', () => {
    assertBroken('{"key": "colours", "req', 'one truncated line');
    assertBroken('{"key": "colours", "request": {"contents": [', 'cut inside the request');
    assertBroken("{'key': 'a', 'reqeust': {}}", 'single quotes and a typo');
    assertBroken('{"custom_i', 'cut inside custom_id');
  });

  test('lines of `{` are no batch lines in the editor, and an error when the CLI is asked to validate them', () => {
    assertNotBatch(
      many(() => '{', 1000),
      'a thousand lines of {',
    );
  });

  test('logs and other data stay "not a batch file", near names or not', () => {
    assertNotBatch(
      '{"method":"GET","uri":"/x","status":200}\n{"method":"POST","uri":"/y","status":201}',
      'uri is not url, and no custom_id/body',
    );
    assertNotBatch('{"customerId":"c1","method":"card","amount":5}', 'customerId is not a misspelled custom_id');
    assertNotBatch('{"customId":"c1","amount":5}', 'customId alone: one envelope field is not an OpenAI line');
    assertNotBatch(
      '{"requests":5,"errors":0}\n{"requests":{"total":5}}',
      'a metrics log: requests is a count, or an object with no key/contents',
    );
    assertNotBatch('{"role":"user","content":"hi"}', 'a chat log');
    assertNotBatch('{"ts":"2026-01-01","msg":"truncated', 'a log line cut short');
  });

  test('an empty file is an error only when a batch file is required', () => {
    assert.deepEqual(
      validateText('').issues.map((i) => [i.code, i.severity]),
      [['empty-file', 'warning']],
    );
    assert.deepEqual(
      validateText('\n\n', { requireBatch: true }).issues.map((i) => [i.code, i.severity]),
      [['empty-file', 'error']],
    );
  });

  test("the editor's validator still validates a document that is not a batch file (for a half-typed first line)", () => {
    const v = new DocumentValidator();
    v.setText(GEN('a'));
    while (!v.step(1000)) {
      /* until done */
    }
    assert.equal(v.outcome, 'batch');
    v.applyChange(0, 1, ['{"ke']);
    while (!v.step(1000)) {
      /* until done */
    }
    assert.equal(v.outcome, 'not-batch', 'by the text alone, never by its history');
    assert.deepEqual(
      v.issues().map((i) => i.code),
      ['json-syntax'],
    );
  });

  test('an editor document turns from results into a batch file when batch lines take the majority', () => {
    const v = new DocumentValidator();
    v.setText('{"response":{"candidates":[]},"key":"a"}');
    while (!v.step(1000)) {
      /* until done */
    }
    assert.equal(v.outcome, 'results');
    v.applyChange(1, 0, [GEN('b'), GEN('b')]);
    while (!v.step(1000)) {
      /* until done */
    }
    assert.equal(v.outcome, 'batch');
    assert.deepEqual(
      v
        .issues()
        .map((i) => [i.line, i.code])
        .filter(([, c]) => c === 'duplicate-key'),
      [[2, 'duplicate-key']],
    );
  });

  test('property: one edit to the name `request` or `custom_id` still makes a broken batch line of its kind', () => {
    const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_-'.split(''));
    const edit = (name: string) =>
      fc
        .tuple(fc.nat(name.length), fc.nat(3), letters)
        .map(([at, op, c]) => {
          if (op === 0) {
            return name.slice(0, at) + c + name.slice(at);
          }
          if (op === 1) {
            return name.slice(0, at) + name.slice(at + 1);
          }
          if (op === 2) {
            return name.slice(0, at) + c + name.slice(at + 1);
          }
          return at + 1 < name.length ? name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2) : name;
        })
        .filter((n) => n.length > 0);
    fc.assert(
      fc.property(edit('request'), (name) => {
        assert.equal(envelopeNameFor(name) ?? (name === 'request' ? 'request' : undefined), 'request', name);
        assert.equal(lineVote(GEN('a').replace('"request"', JSON.stringify(name))), 'gemini-generate', name);
      }),
    );
    fc.assert(
      fc.property(edit('custom_id'), (name) => {
        assert.equal(lineVote(OAI('a').replace('"custom_id"', JSON.stringify(name))), 'openai', name);
      }),
    );
  });
});
