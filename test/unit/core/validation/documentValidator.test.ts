import * as assert from 'node:assert/strict';
import { DocumentValidator, validateText, type Issue } from '../../../../src/core/validation';
// Seeded, so a failure replays.
import { seededRandom as prng } from '../../../../src/core/util/seededRandom';

const GEN = (key: string) => `{"key":"${key}","request":{"contents":[{"parts":[{"text":"Hi ${key}"}]}]}}`;
const OAI = (id: string, url = '/v1/chat/completions') =>
  `{"custom_id":"${id}","method":"POST","url":"${url}","body":{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"Hi"}]}}`;
const LINE_POOL = [
  () => GEN('a'),
  () => GEN('b'),
  () => GEN('c'),
  (r: () => number) => GEN(`k${Math.floor(r() * 1000)}`),
  () => '',
  () => '{"key":"a","request":{"contents":"oops"}}',
  () => '{"key":"x",',
  () => '[1]',
  () => '{"request":{"contents":[]}}',
  () => OAI('r1'),
  () => OAI('r2', '/v1/embeddings'),
  () => '{"key":"e","request":{"content":{"parts":[{"text":"x"}]}}}',
  () => '{"custom_id":"z","params":{}}',
  () => '   ',
];

function runToEnd(v: DocumentValidator): void {
  for (let i = 0; i < 10_000 && !v.step(50); i++) {
    /* more slices */
  }
}

function fresh(lines: string[], kind?: 'auto' | 'openai'): Issue[] {
  const v = new DocumentValidator({ kind, maxIssues: 100_000 });
  v.setText(lines.join('\n'));
  runToEnd(v);
  return v.issues();
}

suite('validation: DocumentValidator', () => {
  test('incremental results equal a full re-validation after random edits (seeded)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const r = prng(seed);
      const pick = () => LINE_POOL[Math.floor(r() * LINE_POOL.length)](r);
      let lines = Array.from({ length: 30 + Math.floor(r() * 60) }, pick);
      const v = new DocumentValidator({ maxIssues: 100_000 });
      v.setText(lines.join('\n'));
      runToEnd(v);
      for (let edit = 0; edit < 60; edit++) {
        const start = Math.floor(r() * (lines.length + 1));
        const deleted = Math.min(lines.length - start, Math.floor(r() * 4));
        const inserted = Array.from({ length: Math.floor(r() * 4) }, pick);
        lines = [...lines.slice(0, start), ...inserted, ...lines.slice(start + deleted)];
        v.applyChange(start, deleted, inserted);
        // Sometimes read issues mid-way (stale but must not break), sometimes run in tiny slices.
        if (r() < 0.3) {
          v.issues();
        }
        if (r() < 0.5) {
          runToEnd(v);
        } else {
          while (!v.step(0)) {
            /* one slice at a time */
          }
        }
        assert.deepEqual(v.issues(), fresh(lines), `seed ${seed}, edit ${edit}`);
      }
    }
  });

  test('a fresh document agrees with validateText', () => {
    const lines = [
      GEN('a'),
      '',
      GEN('a'),
      '{"key":"b",',
      OAI('r1'),
      '{"request":{"contents":[{"role":"assistant","parts":[{"text":"x"}]}]}}',
    ];
    assert.deepEqual(fresh(lines), validateText(lines.join('\n')).issues);
  });

  test('line numbers follow inserted and deleted lines', () => {
    const v = new DocumentValidator({});
    v.setText([GEN('a'), '[]', GEN('b')].join('\n'));
    runToEnd(v);
    assert.deepEqual(
      v.issues().map((i) => i.line),
      [1],
    );
    v.applyChange(0, 0, [GEN('x'), GEN('y')]);
    runToEnd(v);
    assert.deepEqual(
      v.issues().map((i) => [i.line, i.code]),
      [[3, 'not-an-object']],
    );
    v.applyChange(0, 3, []);
    runToEnd(v);
    assert.deepEqual(
      v.issues().map((i) => [i.line, i.code]),
      [[0, 'not-an-object']],
    );
  });

  test('the kind follows the document, and a fixed kind does not', () => {
    const v = new DocumentValidator({ kind: 'auto' });
    v.setText(GEN('a'));
    runToEnd(v);
    assert.equal(v.kind, 'gemini-generate');
    v.applyChange(0, 1, [OAI('r1')]);
    runToEnd(v);
    assert.equal(v.kind, 'openai');
    assert.deepEqual(v.issues(), []);
    const fixed = new DocumentValidator({ kind: 'openai' });
    fixed.setText(GEN('a'));
    runToEnd(fixed);
    assert.deepEqual(
      fixed.issues().map((i) => i.code),
      ['wrong-kind'],
    );
  });

  test('step respects its budget and resumes', () => {
    const v = new DocumentValidator({});
    v.setText(Array.from({ length: 20_000 }, (_, i) => GEN(`k${i}`)).join('\n'));
    // A spent budget still makes progress, a few lines per slice (the clock is read every 16 lines).
    let slices = 0;
    for (;;) {
      const started = performance.now();
      const done = v.step(0);
      // Generous: a loaded machine can stall any slice; the point is that a slice is not the whole document.
      assert.ok(performance.now() - started < 250, 'a zero-budget slice ran long');
      slices++;
      if (done) {
        break;
      }
    }
    assert.ok(slices >= 20_000 / 16, `${slices} slices`);
    assert.deepEqual(v.issues(), []);
  });

  test('a one-line edit in a 100k-line document re-validates that line only', () => {
    const v = new DocumentValidator({});
    v.setText(Array.from({ length: 100_000 }, (_, i) => GEN(`k${i}`)).join('\n'));
    runToEnd(v);
    assert.deepEqual(v.issues(), []);
    // Its speed (target 2 ms) is `npm run bench`'s single_line_edit_ms, not a timed test. What can be proved here: with
    // no time budget at all, one step (which checks its deadline every 16 lines) finishes the work an edit queued.
    for (let k = 0; k < 15; k++) {
      const line = 500 + k * 6000;
      v.applyChange(line, 1, [GEN(`k${line}`).replace('Hi', 'Hello')]);
      assert.equal(v.step(0), true, `the edit of line ${line} queued more than its own line`);
      assert.deepEqual(v.issues(), []);
    }
    v.applyChange(7, 1, [GEN('k3')]);
    v.step(50);
    assert.deepEqual(
      v.issues().map((i) => [i.line, i.code]),
      [[7, 'duplicate-key']],
    );
  });
});
