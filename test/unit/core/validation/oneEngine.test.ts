import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { DocumentValidator, validateText, type Issue } from '../../../../src/core/validation';

const GEN = (k: string): string => `{"key":"${k}","request":{"contents":[{"parts":[{"text":"x"}]}]}}`;
const OAI = (k: string, url = '/v1/chat/completions', model = 'gpt-4o-mini'): string =>
  `{"custom_id":"${k}","method":"POST","url":"${url}","body":{"model":"${model}","messages":[{"role":"user","content":"hi"}]}}`;

/** Lines that exercise every check across lines: shared ids, other urls and models, broken and result lines. */
const POOL = [
  GEN('a'),
  GEN('b'),
  GEN('a'),
  '{"key":"c","reqeust":{"contents":[]}}',
  '{"response":{"candidates":[]},"key":"r"}',
  OAI('a'),
  OAI('b'),
  OAI('a'),
  OAI('c', '/v1/embeddings'),
  OAI('d', '/v1/chat/completions', 'gpt-4o'),
  '{"key": "cut", "req',
  '',
  '   ',
  '{',
  '{"method":"GET","url":"/x","status":200}',
];

const summarize = (issues: readonly Issue[]): string[] =>
  issues
    .map(
      (i) =>
        `${i.line}:${i.startCol}-${i.endLine}:${i.endCol} ${i.code} ${JSON.stringify(i.params)} ${JSON.stringify(i.related ?? [])}`,
    )
    .sort();

function editorIssues(text: string): { kind: string; outcome: string; issues: Issue[] } {
  const v = new DocumentValidator({ maxIssues: 100_000 });
  v.setText(text);
  while (!v.step(1000)) {
    /* until done */
  }
  return { kind: v.kind, outcome: v.outcome, issues: v.issues() };
}

suite('validation: one kind vote and one cross-line engine for the file and the editor', () => {
  test('property: on any mix of lines, the file validation and the editor decide alike and report the same issues', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const file = validateText(text);
        const editor = editorIssues(text);
        assert.equal(editor.kind, file.kind);
        if (file.results) {
          assert.equal(editor.outcome, 'results');
          assert.deepEqual(editor.issues, []);
        } else if (file.notBatch) {
          assert.equal(editor.outcome, 'not-batch');
        } else {
          assert.ok(editor.outcome === 'batch' || lines.every((l) => l.trim() === ''), editor.outcome);
          assert.deepEqual(summarize(editor.issues), summarize(file.issues));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('edits in the editor reach the same issues as the file validation of the edited text', () => {
    const lines = [OAI('a'), OAI('b'), OAI('c')];
    const v = new DocumentValidator();
    v.setText(lines.join('\n'));
    while (!v.step(1000)) {
      /* until done */
    }
    const edits: [number, string][] = [
      [1, OAI('a')],
      [2, OAI('c', '/v1/embeddings')],
      [0, OAI('z', '/v1/chat/completions', 'gpt-4o')],
    ];
    for (const [at, text] of edits) {
      lines[at] = text;
      v.applyChange(at, 1, [text]);
      while (!v.step(1000)) {
        /* until done */
      }
      assert.deepEqual(
        summarize(v.issues()),
        summarize(validateText(lines.join('\n')).issues),
        `after editing line ${at}`,
      );
    }
    assert.ok(v.issues().some((i) => i.code === 'mixed-url'));
  });
});
