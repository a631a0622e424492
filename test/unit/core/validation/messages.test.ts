import * as assert from 'node:assert/strict';
import { IssueCode, isServiceParseFailure, messageFor, type Issue } from '../../../../src/core/validation';
import type { IssueParams } from '../../../../src/core/validation/issueCodes';

const at = { line: 0, startCol: 0, endLine: 0, endCol: 1 };
// Built from loose parts on purpose (samples per code, an unknown code): the cast is the test's, not the core's.
const issue = (code: string, params: object = {}, severity: Issue['severity'] = 'error'): Issue =>
  ({ ...at, code, severity, params }) as Issue;

/** Params as the core produces them, per code. */
const SAMPLES: { readonly [C in IssueCode]?: IssueParams[C] } = {
  'json-syntax': { reason: 'CommaExpected', found: '"a"' },
  'not-an-object': { actual: 'array' },
  'unknown-field': { field: 'foo', where: 'request' },
  'type-mismatch': { field: 'contents', path: 'request.contents', expected: 'array', actual: 'string', example: '[]' },
  'missing-field': { field: 'model', where: 'body' },
  'invalid-value': { field: 'taskType', path: 'request.taskType', keyword: 'enum', value: 'X', allowed: 'A, B' },
  'wrong-kind': { lineKind: 'openai', fileKind: 'gemini-embed' },
  'duplicate-key': { field: 'key', value: 'a', firstLine: 1 },
  'mixed-url': { value: '/v1/embeddings', expected: '/v1/chat/completions', firstLine: 1 },
  'mixed-model': { value: 'b', expected: 'a', firstLine: 1 },
  'too-many-lines': { limit: 50000 },
  'file-too-large': { bytes: 3 * 1024 ** 3, limit: 2 * 1024 ** 3 },
  'line-too-large': { bytes: 25 * 1024 ** 2, limit: 20 * 1024 ** 2 },
  'line-too-long': { bytes: 70 * 1024 ** 2 },
  'invalid-utf8': { byte: '0xFF' },
};

suite('validation: messages', () => {
  test('every issue code has words, with its params filled in', () => {
    for (const code of Object.values(IssueCode)) {
      const message = messageFor(issue(code, SAMPLES[code] ?? {}));
      assert.ok(message.length > 10, `${code}: "${message}"`);
      assert.doesNotMatch(message, /undefined|\[object|NaN/, `${code}: "${message}"`);
      assert.ok(!message.startsWith(code), `${code} has no words: "${message}"`);
    }
    assert.equal(messageFor(issue('file-too-large', SAMPLES['file-too-large'])), 'The file is 3 GB; the limit is 2 GB');
    assert.equal(
      messageFor(issue('wrong-kind', SAMPLES['wrong-kind'])),
      'This line looks like an OpenAI line but the file holds Gemini embedContent lines',
    );
  });

  test('wrong-kind names the kind the file holds; echoed-field says why the field is noted', () => {
    const holds = (fileKind: string) => messageFor(issue('wrong-kind', { lineKind: 'gemini-generate', fileKind }));
    assert.match(holds('openai'), /the file holds OpenAI lines$/);
    assert.match(holds('gemini-generate'), /the file holds Gemini generateContent lines$/);
    const echoed = (params: object) => messageFor(issue('echoed-field', { field: 'id', ...params }));
    assert.match(echoed({ suggestion: 'key' }), /the line has no `key`; did you mean `key`\?$/);
    assert.match(echoed({ array: 'true' }), /arrays have been reported to come back empty$/);
    assert.match(echoed({}), /noted on its first line only\)$/);
  });

  test('an unknown code still says something', () => {
    assert.equal(messageFor(issue('brand-new', { a: 1 })), 'brand-new {"a":1}');
  });
});

suite('validation: isServiceParseFailure', () => {
  test('what the proto-JSON parser rejects at create time vs what fails when run', () => {
    for (const code of [
      'json-syntax',
      'not-an-object',
      'too-deep',
      'unknown-field',
      'type-mismatch',
      'invalid-utf8',
      'wrong-kind',
    ]) {
      assert.equal(isServiceParseFailure(issue(code)), true, code);
    }
    for (const code of [
      'missing-field',
      'missing-key',
      'duplicate-key',
      'line-too-large',
      'line-too-long',
      'empty-file',
    ]) {
      assert.equal(isServiceParseFailure(issue(code)), false, code);
    }
    assert.equal(isServiceParseFailure(issue('invalid-value', { keyword: 'enum', field: 'taskType' })), true);
    assert.equal(isServiceParseFailure(issue('invalid-value', { keyword: 'enum', field: 'role' })), false);
    assert.equal(isServiceParseFailure(issue('invalid-value', { keyword: 'minItems', field: 'contents' })), false);
  });
});
