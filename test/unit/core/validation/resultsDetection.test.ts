import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectBatchFile, DocumentValidator, validateFile, validateText } from '../../../../src/core/validation';
import { lineVote } from '../../../../src/core/validation/kindVote';
import { holdsBatchLines as editorHoldsBatchLines } from '../../../../src/core/validation/batchLineDetection';
import { joinResults } from '../../../../src/core/jobs/joinResults';
import { runLine } from '../../../../src/emulator/jobs/lineExec';
import type { JobRecord } from '../../../../src/emulator/contract';
import { inlineResultLines } from '../../../../src/core/providers/geminiInline';

/** Real result lines published by Google and OpenAI (see its README.md): the evidence for what a result line is. */
const REAL_OUTPUT = path.join(__dirname, '../../../../reference/real-output');
const ROOT = path.join(__dirname, '../../../..');
const SAMPLES = ['gemini-generate.jsonl', 'gemini-embed.jsonl', 'openai-chat.jsonl'].map((f) =>
  path.join(ROOT, 'sample', f),
);
const nonBlank = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

/** Asserts that a text is recognised as results by the file validation, the editor's validator and the first-lines check. */
function assertResults(text: string, what: string): void {
  assert.equal(detectBatchFile(text.split('\n')).outcome, 'results', what);
  const summary = validateText(text);
  assert.equal(summary.results, true, what);
  assert.equal(summary.notBatch, true, `${what}: nothing to submit`);
  assert.deepEqual(
    summary.issues.map((i) => [i.code, i.severity]),
    [['results-file', 'info']],
    what,
  );
  const v = new DocumentValidator();
  v.setText(text);
  while (!v.step(1000)) {
    /* until done */
  }
  assert.equal(v.outcome, 'results', what);
  assert.deepEqual(v.issues(), [], `${what}: no diagnostics`);
  const lines = text.split('\n');
  assert.equal(
    editorHoldsBatchLines({ lineCount: lines.length, lineAt: (i) => ({ text: lines[i] }) }),
    false,
    `${what}: no Submit lens`,
  );
}

function emulatorJob(kind: JobRecord['kind'], inline = false): JobRecord {
  return {
    id: 'j1',
    api: kind === 'openai' ? 'openai' : 'gemini',
    kind,
    model: kind === 'openai' ? 'gemini-2.5-flash' : 'models/gemini-2.5-flash',
    displayName: 'test',
    inline,
    endpoint: '/v1/chat/completions',
    total: 0,
    createMs: 0,
    jobMs: 0,
    expiryMs: 0,
    seq: 0,
  } as JobRecord;
}

suite('validation: outputs are not inputs', () => {
  test('every real result file (Gemini generate and embed output, OpenAI output and error files) is results', function () {
    const files = readdirSync(REAL_OUTPUT).filter((f) => f.endsWith('.jsonl'));
    assert.ok(files.length >= 6, files.join());
    for (const file of files) {
      const text = readFileSync(path.join(REAL_OUTPUT, file), 'utf8');
      if (file.includes('-input-')) {
        // The folder also holds OpenAI's input line example (its README says so): an input stays an input.
        assert.equal(detectBatchFile(text.split('\n')).outcome, 'batch', file);
        assert.equal(validateText(text).kind, 'openai', file);
        continue;
      }
      for (const line of nonBlank(text)) {
        assert.equal(lineVote(line), 'result', `${file}: ${line.slice(0, 60)}`);
      }
      assertResults(text, file);
    }
  });

  test('Gemini error lines (`error` or `status`) are results, and one broken line does not turn the file', () => {
    assertResults(
      readFileSync(path.join(ROOT, 'test/fixtures/jobs/gemini-error-lines.jsonl'), 'utf8'),
      'gemini-error-lines',
    );
  });

  test("the emulator's outputs for the three samples, and the joined files, are results; the samples stay inputs", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gbs-results-'));
    try {
      for (const [i, sample] of SAMPLES.entries()) {
        const kind = (['generate', 'embed', 'openai'] as const)[i];
        const input = readFileSync(sample, 'utf8');
        const verdict = detectBatchFile(input.split('\n'));
        assert.deepEqual(
          [verdict.outcome, verdict.kind],
          ['batch', ['gemini-generate', 'gemini-embed', 'openai'][i]],
          sample,
        );
        const outcomes = nonBlank(input).map((line, n) => runLine(emulatorJob(kind), line, n, 0));
        const results = path.join(dir, `${kind}.results.jsonl`);
        writeFileSync(
          results,
          outcomes
            .filter((o) => !o.toErrorFile)
            .map((o) => `${o.line}\n`)
            .join(''),
        );
        const errors = path.join(dir, `${kind}.errors.jsonl`);
        writeFileSync(
          errors,
          outcomes
            .filter((o) => o.toErrorFile)
            .map((o) => `${o.line}\n`)
            .join(''),
        );
        assertResults(readFileSync(results, 'utf8'), `${kind} results`);
        const joined = path.join(dir, `${kind}.joined.jsonl`);
        await joinResults(sample, results, errors, joined);
        assertResults(readFileSync(joined, 'utf8'), `${kind} joined`);
        const summary = await validateFile(joined, { requireBatch: true });
        assert.equal(summary.results, true);
        assert.ok(
          summary.issues.every((issue) => issue.severity === 'info'),
          'a results file is no error, even to the CLI',
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('inline results written as JSONL (with or without key, raw `metadata`) are results', () => {
    const op = {
      name: 'batches/x',
      done: true,
      response: {
        inlinedResponses: {
          inlinedResponses: [
            { response: { candidates: [{ content: { parts: [{ text: 'hi' }] } }] }, metadata: { key: 'a' } },
            { error: { code: 3, message: 'bad', status: 'INVALID_ARGUMENT' } },
            { response: { candidates: [] } },
          ],
        },
      },
    };
    assertResults(inlineResultLines(op as never).join('\n'), 'inline results');
    const inlineJob = emulatorJob('generate', true);
    const line = runLine(
      inlineJob,
      '{"request":{"contents":[{"parts":[{"text":"x"}]}]},"metadata":{"key":"k"}}',
      0,
      0,
    ).line;
    assert.equal(lineVote(line), 'result', line);
  });

  test('a result line cut short, or too long to parse, is still read as a result by its head', () => {
    assert.equal(lineVote('{"response":{"candidates":[{"content":{"parts":[{"text":"abc'), 'result');
    assert.equal(lineVote('{"line":3,"key":"k","request":{"contents":[]},"response":{"candi'), 'result');
    const long = `{"response":{"candidates":[{"content":{"parts":[{"inlineData":{"data":"${'A'.repeat(70_000)}"}}]}}]},"key":"img"}`;
    assert.equal(lineVote(long), 'result');
    // Gemini's compat layer may open with custom_id, as an OpenAI input line does; its response opens with status_code.
    const text = 'x'.repeat(70_000);
    const compat = `{"custom_id":"r2","response":{"status_code":200,"body":{"choices":[{"message":{"content":"${text}"}}]}}}`;
    assert.equal(lineVote(compat), 'result');
    const input = `{"custom_id":"r2","method":"POST","url":"/v1/chat/completions","body":{"response":{"x":1},"messages":[{"role":"user","content":"${text}"}]}}`;
    assert.notEqual(lineVote(input), 'result', 'an input naming `response` in its body stays an input');
  });

  test('a batch file with one pasted result line stays a batch file, and that line gets its error', () => {
    const gen = '{"key":"a","request":{"contents":[{"parts":[{"text":"x"}]}]}}';
    const result = '{"response":{"candidates":[]},"key":"b"}';
    const summary = validateText([gen, result, gen.replace('"a"', '"c"')].join('\n'));
    assert.equal(summary.results, undefined);
    assert.equal(summary.kind, 'gemini-generate');
    assert.ok(summary.issues.some((i) => i.line === 1 && i.severity === 'error'));
  });

  test('with a kind given, a results file is validated as asked', () => {
    const summary = validateText('{"response":{"candidates":[]},"key":"b"}', { kind: 'gemini-generate' });
    assert.equal(summary.results, undefined);
    assert.ok(summary.issues.some((i) => i.severity === 'error'));
  });
});
