import * as assert from 'node:assert/strict';
import { detectKind, messageFor, PROVIDER_LIMITS, validateText } from '../../../../src/core/validation';
import { paramOf } from './paramOf';

const GEN = (key: string | undefined) =>
  JSON.stringify({ ...(key === undefined ? {} : { key }), request: { contents: [{ parts: [{ text: 'Hi' }] }] } });
const EMB = (key: string) => JSON.stringify({ key, request: { content: { parts: [{ text: 'Hi' }] } } });
const OAI = (id: string, url = '/v1/chat/completions', model = 'gemini-2.5-flash') =>
  JSON.stringify({
    custom_id: id,
    method: 'POST',
    url,
    body: url === '/v1/embeddings' ? { model, input: 'Hi' } : { model, messages: [{ role: 'user', content: 'Hi' }] },
  });

suite('validation: checks across lines', () => {
  test('a duplicate key is an error on the later lines, pointing at the first', () => {
    const text = [GEN('a'), GEN('b'), GEN('a'), GEN('a')].join('\n');
    const { issues } = validateText(text);
    assert.deepEqual(
      issues.map((i) => [i.line, i.code, text.split('\n')[i.line].slice(i.startCol, i.endCol)]),
      [
        [2, 'duplicate-key', '"key"'],
        [3, 'duplicate-key', '"key"'],
      ],
    );
    // Related information points at the first line's key value.
    assert.deepEqual(issues[0].related, [{ role: 'firstOccurrence', line: 0, startCol: 7, endLine: 0, endCol: 10 }]);
    assert.equal(text.split('\n')[0].slice(7, 10), '"a"');
    assert.match(messageFor(issues[0]), /^Duplicate `key` "a": line 1 already uses it/);
  });

  test('a duplicate custom_id in an OpenAI file', () => {
    const { issues } = validateText([OAI('r1'), OAI('r1')].join('\n'));
    assert.deepEqual(
      issues.map((i) => [i.line, i.code, paramOf(i, 'field')]),
      [[1, 'duplicate-key', 'custom_id']],
    );
  });

  test('a missing key is a warning for Gemini (it is optional)', () => {
    const { issues } = validateText([GEN('a'), GEN(undefined)].join('\n'));
    assert.deepEqual(
      issues.map((i) => [i.line, i.severity, i.code]),
      [[1, 'warning', 'missing-key']],
    );
  });

  test('a missing custom_id is reported once (by the schema), as an error', () => {
    const line = JSON.stringify({
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'x' }] },
    });
    const { issues } = validateText([OAI('r1'), line].join('\n'));
    assert.deepEqual(
      issues.map((i) => [i.line, i.severity, i.code, paramOf(i, 'field')]),
      [[1, 'error', 'missing-field', 'custom_id']],
    );
  });

  test('an OpenAI file mixing urls or models: errors on the lines that differ from the first', () => {
    const text = [
      OAI('r1'),
      OAI('r2', '/v1/chat/completions', 'gemini-2.5-pro'),
      OAI('r3', '/v1/embeddings', 'gemini-embedding-001'),
      OAI('r4'),
    ].join('\n');
    const { issues } = validateText(text);
    assert.deepEqual(
      issues.map((i) => [i.line, i.code]),
      [
        [1, 'mixed-model'],
        [2, 'mixed-url'],
        [2, 'mixed-model'],
      ],
    );
    assert.equal(
      messageFor(issues[1]),
      '`url` is /v1/embeddings but line 1 uses /v1/chat/completions: one batch file targets one endpoint',
    );
  });

  test('more than 50,000 OpenAI requests: one too-many-lines error on the first line over', () => {
    const limit = PROVIDER_LIMITS.openai.maxLines as number;
    const lines = Array.from({ length: limit + 3 }, (_, i) => OAI(`r${i}`));
    const { issues } = validateText(lines.join('\n'));
    assert.deepEqual(
      issues.map((i) => [i.line, i.code]),
      [[limit, 'too-many-lines']],
    );
    assert.equal(messageFor(issues[0]), 'Too many requests: at most 50,000 per batch file');
  });

  test('provider limits: Gemini 2 GB per file and 20 MB per line; OpenAI 200 MB per file', () => {
    assert.equal(PROVIDER_LIMITS['gemini-generate'].maxFileBytes, 2 * 1024 ** 3);
    assert.equal(PROVIDER_LIMITS['gemini-generate'].maxLineBytes, 20 * 1024 ** 2);
    assert.equal(PROVIDER_LIMITS.openai.maxFileBytes, 200 * 1024 ** 2);
  });
});

suite('validation: kind detection', () => {
  test('by the shape of the lines', () => {
    assert.equal(detectKind([GEN('a')]), 'gemini-generate');
    assert.equal(detectKind([EMB('a')]), 'gemini-embed');
    assert.equal(detectKind([OAI('a')]), 'openai');
    assert.equal(detectKind(['{"custom_id":"x","params":{}}']), 'openai');
    assert.equal(detectKind(['', 'not json', '[]']), 'gemini-generate');
  });

  test('the majority wins; lines of another kind get wrong-kind, not schema errors', () => {
    const text = [OAI('a'), OAI('b'), GEN('c')].join('\n');
    const summary = validateText(text);
    assert.equal(summary.kind, 'openai');
    assert.deepEqual(
      summary.issues.map((i) => [i.line, i.code]),
      [[2, 'wrong-kind']],
    );
  });

  test('only the first 100 parsable lines vote', () => {
    const lines = [
      ...Array.from({ length: 100 }, (_, i) => EMB(`e${i}`)),
      ...Array.from({ length: 150 }, (_, i) => GEN(`g${i}`)),
    ];
    assert.equal(detectKind(lines), 'gemini-embed');
    assert.equal(validateText(lines.join('\n')).kind, 'gemini-embed');
  });

  test('the caller can override the kind', () => {
    const summary = validateText(GEN('a'), { kind: 'openai' });
    assert.equal(summary.kind, 'openai');
    assert.deepEqual(
      summary.issues.map((i) => i.code),
      ['wrong-kind'],
    );
  });
});
