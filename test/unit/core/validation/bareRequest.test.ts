import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { quickFixFor } from '../../../../src/core/validation/quickFixEdits';
import {
  DocumentValidator,
  detectKind,
  isServiceParseFailure,
  messageFor,
  validateLine,
  validateText,
  type Issue,
} from '../../../../src/core/validation';

const FIXTURE = path.join(__dirname, '../../../fixtures/validation/bare/bare-requests.jsonl');

/** [code, severity, path, the text the issue covers] per issue. */
function described(text: string, issues: readonly Issue[]): [string, string, string | undefined, string][] {
  const lines = text.split('\n');
  return issues.map((i) => [i.code, i.severity, i.path, lines[i.line].slice(i.startCol, i.endCol)]);
}

suite('validation: bare GenerateContentRequest lines (no key, no request)', () => {
  test('the documented older form: one bare-request warning per line, no error', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const summary = validateText(text);
    assert.equal(summary.kind, 'gemini-generate');
    assert.deepEqual(
      summary.issues.map((i) => [i.line, i.code, i.severity]),
      [
        [0, 'bare-request', 'warning'],
        [1, 'bare-request', 'warning'],
      ],
    );
    const message = messageFor(summary.issues[0]);
    assert.match(message, /matched by position/);
    assert.match(message, /\{"key":"…","request":\{…\}\}/);
  });

  test('kind detection counts bare lines as gemini-generate', () => {
    const bare = '{"contents":[{"parts":[{"text":"x"}]}]}';
    assert.equal(detectKind([bare, bare]), 'gemini-generate');
  });

  test('schema errors inside a bare request are reported on their own ranges, with paths from the line', () => {
    const text = [
      '{"contents":[{"parts":[{"txt":"hi"}]}],"thinking_config":{}}',
      '{"contents":"x","generationConfig":{"temperature":"hot"}}',
    ].join('\n');
    const { issues } = validateText(text, { kind: 'gemini-generate' });
    assert.deepEqual(described(text, issues), [
      ['bare-request', 'warning', undefined, '"contents"'],
      ['unknown-field', 'error', '/contents/0/parts/0/txt', '"txt"'],
      ['unknown-field', 'error', '/thinking_config', '"thinking_config"'],
      ['bare-request', 'warning', undefined, '"contents"'],
      ['type-mismatch', 'error', '/contents', '"x"'],
      ['type-mismatch', 'error', '/generationConfig/temperature', '"hot"'],
    ]);
    assert.equal(messageFor(issues[1]), 'Unknown field `txt` in contents[0].parts[0]: did you mean `text`?');
    assert.equal(
      messageFor(issues[2]),
      'Unknown field `thinking_config`: did you mean `generationConfig.thinkingConfig`?',
    );
  });

  test('an unknown top-level field of a bare request is unknown in the request (no `request.` in the words)', () => {
    const line = '  {"contents":[{"parts":[{"text":"x"}]}],"foo":1}';
    const issues = validateLine('gemini-generate', line, 4);
    const unknown = issues.find((i) => i.code === 'unknown-field');
    assert.ok(unknown);
    assert.deepEqual(
      [unknown.line, line.slice(unknown.startCol, unknown.endCol), unknown.params.where],
      [4, '"foo"', ''],
    );
    assert.equal(messageFor(unknown), 'Unknown field `foo`');
    // The service rejects that line at creation, and accepts a clean bare line.
    assert.ok(issues.some(isServiceParseFailure));
    assert.equal(
      validateLine('gemini-generate', '{"contents":[{"parts":[{"text":"x"}]}]}', 0).some(isServiceParseFailure),
      false,
    );
  });

  test('a line with a key but no request is not bare: `contents` belongs in `request`', () => {
    const issues = validateLine('gemini-generate', '{"key":"a","contents":[{"parts":[{"text":"x"}]}]}', 0);
    assert.deepEqual(issues.map((i) => i.code).sort(), ['missing-field', 'unknown-field']);
  });

  test('an embed file does not take bare generate lines', () => {
    const issues = validateLine('gemini-embed', '{"contents":[{"parts":[{"text":"x"}]}]}', 0);
    assert.deepEqual(
      issues.map((i) => i.code),
      ['wrong-kind'],
    );
  });

  test('the editor model reports bare lines the same way', () => {
    const doc = new DocumentValidator();
    doc.setText(readFileSync(FIXTURE, 'utf8'));
    while (!doc.step(50)) {
      /* validate all */
    }
    assert.deepEqual(
      doc.issues().map((i) => [i.line, i.code]),
      [
        [0, 'bare-request'],
        [1, 'bare-request'],
      ],
    );
  });

  test('the quick fix wraps a bare line as {"key", "request"} and leaves it clean', () => {
    const line = ' {"contents":[{"parts":[{"text":"x"}]}]} ';
    const issue = validateLine('gemini-generate', line, 6).find((i) => i.code === 'bare-request');
    assert.ok(issue);
    const fix = quickFixFor(line, issue);
    assert.ok(fix);
    assert.equal(fix.title, 'Wrap as {"key", "request"}');
    const fixed = line.slice(0, fix.startCol) + fix.newText + line.slice(fix.endCol);
    assert.equal(fixed, ' {"key": "request-7", "request": {"contents":[{"parts":[{"text":"x"}]}]}} ');
    assert.deepEqual(validateLine('gemini-generate', fixed, 6), []);
  });
});
