import * as assert from 'node:assert/strict';
import { DocumentValidator, messageFor, validateLine, validateText, type Issue } from '../../../../src/core/validation';
import type { BatchKind } from '../../../../src/core/batchKind';
import { OPENAI_BATCH_ENDPOINTS } from '../../../../src/core/openaiEndpoints';
import { usedIds } from '../../../../src/core/validation/duplicateKeyRename';
import { insertMissingId, missingIdField } from '../../../../src/core/validation/missingIdInsert';
import { endpointFor } from '../../../../src/core/validation/openaiEnvelopeFixes';
import type { LineFix } from '../../../../src/core/validation/lineFix';
import { quickFixFor } from '../../../../src/core/validation/quickFixEdits';
import { fixAllInLine, fixKind } from '../../../../src/features/validation/fixAllEdits';

const apply = (line: string, fix: { startCol: number; endCol: number; newText: string }): string =>
  line.slice(0, fix.startCol) + fix.newText + line.slice(fix.endCol);

/** The only issue of a line (asserted), and its quick fix. */
function onlyFix(kind: BatchKind, line: string): { issue: Issue; fix: LineFix | undefined } {
  const issues = validateLine(kind, line, 0);
  assert.equal(issues.length, 1, issues.map((i) => `${i.code}: ${messageFor(i)}`).join(' | '));
  return { issue: issues[0], fix: quickFixFor(line, issues[0]) };
}

const CONTENTS = '"contents":[{"parts":[{"text":"Hi"}]}]';
const GEMINI = `{"key":"a","request":{${CONTENTS}}}`;
const BODY = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}';
const OPENAI = (url: string, method = 'POST', id = 'a') =>
  `{"custom_id":"${id}","method":"${method}","url":"${url}","body":${BODY}}`;

suite('quick fixes: trailing commas, OpenAI url and method, missing ids', () => {
  test('a trailing comma before } or ], at any depth, is removed and the line is clean', () => {
    const lines: [string, string][] = [
      [`{"key":"a","request":{${CONTENTS}},}`, 'gemini-generate'],
      [`{"key":"a","request":{"contents":[{"parts":[{"text":"Hi"},]}]}}`, 'gemini-generate'],
      [`{"key":"a","request":{${CONTENTS} , }}`, 'gemini-generate'],
      [OPENAI('/v1/chat/completions').replace('"Hi"}]}', '"Hi"}],}'), 'openai'],
    ];
    for (const [line, kind] of lines) {
      const { issue, fix } = onlyFix(kind as BatchKind, line);
      assert.equal(issue.code, 'json-syntax');
      assert.ok(fix, `no fix on ${line}`);
      assert.equal(fix.title, 'Remove trailing comma');
      assert.equal(line.slice(fix.startCol, fix.endCol), ',');
      assert.deepEqual(validateLine(kind as BatchKind, apply(line, fix), 0), [], apply(line, fix));
    }
  });

  test('other JSON syntax errors have no fix; fix-all removes a trailing comma per line', () => {
    for (const line of ['{"key":"a" "request":{}}', '{"key":"a",,"request":{}}', "{'key':'a'}"]) {
      assert.equal(onlyFix('gemini-generate', line).fix, undefined, line);
    }
    const line = `{"key":"a","request":{${CONTENTS},}}`;
    const all = fixAllInLine(line, validateLine('gemini-generate', line, 0));
    assert.ok(all);
    assert.equal(apply(line, all), GEMINI);
  });

  test('an OpenAI url without its /v1 prefix (or slash, or with the origin): one error, and the fix to that endpoint', () => {
    const cases: [string, string][] = [
      ['/chat/completions', '/v1/chat/completions'],
      ['chat/completions', '/v1/chat/completions'],
      ['v1/embeddings', '/v1/embeddings'],
      ['/Responses/', '/v1/responses'],
      ['https://api.openai.com/v1/chat/completions', '/v1/chat/completions'],
      ['/images/generations', '/v1/images/generations'],
    ];
    for (const [url, endpoint] of cases) {
      const line = OPENAI(url);
      const { issue, fix } = onlyFix('openai', line);
      assert.equal(issue.code, 'invalid-value');
      assert.equal(messageFor(issue), `\`url\` is \`${url}\`; did you mean \`${endpoint}\`?`);
      assert.ok(fix, `no fix for ${url}`);
      assert.equal(fix.title, `Change url to "${endpoint}"`);
      assert.equal(line.slice(fix.startCol, fix.endCol), JSON.stringify(url));
      assert.equal(apply(line, fix), OPENAI(endpoint));
    }
    assert.deepEqual(validateLine('openai', OPENAI('/v1/chat/completions'), 0), []);
  });

  test('a url that names no endpoint, or more than one, keeps the plain error and has no fix', () => {
    for (const url of ['/completions', 'completions', '/v1/chat/completion', '/v1', '', '/v2/chat/completions']) {
      const { issue, fix } = onlyFix('openai', OPENAI(url));
      assert.equal(issue.code, 'invalid-value', url);
      assert.match(messageFor(issue), /expected one of: \/v1\/chat\/completions, /, url);
      assert.equal(fix, undefined, url);
    }
  });

  test('endpointFor never names an endpoint other than the one written, and nothing for an accepted url', () => {
    for (const endpoint of OPENAI_BATCH_ENDPOINTS) {
      assert.equal(endpointFor(endpoint), undefined);
      const bare = endpoint.slice('/v1'.length);
      const found = endpointFor(bare);
      // Only /completions is ambiguous (it also ends /v1/chat/completions).
      assert.equal(found, endpoint === '/v1/completions' ? undefined : endpoint, bare);
    }
  });

  test('method GET or post: the fix writes POST, the only method the batch API takes', () => {
    for (const method of ['GET', 'post', 'Post']) {
      const line = OPENAI('/v1/chat/completions', method);
      const { issue, fix } = onlyFix('openai', line);
      assert.equal(issue.code, 'invalid-value');
      assert.ok(fix, method);
      assert.equal(fix.title, `Change "${method}" to "POST"`);
      assert.deepEqual(validateLine('openai', apply(line, fix), 0), []);
    }
  });

  test('a wrong url is one error on its line, and a wrong first url makes no right url below it "mixed"', () => {
    const good = OPENAI('/v1/chat/completions', 'POST', 'a');
    const bad = OPENAI('/chat/completions', 'POST', 'b');
    for (const [text, badLine] of [
      [`${good}\n${bad}`, 1],
      [`${bad}\n${good}`, 0],
    ] as const) {
      const summary = (issues: Issue[]) => issues.map((i) => [i.line, i.code, i.startCol]);
      const expected = [[badLine, 'invalid-value', text.split('\n')[badLine].indexOf('"/chat')]];
      assert.deepEqual(summary(validateText(text).issues), expected);
      const editor = new DocumentValidator({ kind: 'openai' });
      editor.setText(text);
      while (!editor.step(1000)) {
        /* until done */
      }
      assert.deepEqual(summary(editor.issues()), expected, 'the editor agrees');
    }
    // Two accepted endpoints in one file are still mixed.
    const embeddings =
      '{"custom_id":"c","method":"POST","url":"/v1/embeddings","body":{"model":"gpt-4o-mini","input":"Hi"}}';
    const mixed = validateText(`${good}\n${embeddings}`).issues;
    assert.deepEqual(
      mixed.map((i) => i.code),
      ['mixed-url'],
    );
  });

  test('a missing envelope field is marked on the opening brace', () => {
    const line = '{"key":"a"}';
    const { issue } = onlyFix('gemini-generate', line);
    assert.equal(issue.code, 'missing-field');
    assert.deepEqual([issue.startCol, issue.endCol], [0, 1]);
  });

  test('a missing key or custom_id: inserted first, unique in the file, spaced as the line is', () => {
    const gemini = `{"request": {${CONTENTS}}}`;
    const [warning] = validateLine('gemini-generate', gemini, 2);
    assert.equal(warning.code, 'missing-key');
    assert.equal(missingIdField(warning), 'key');
    const insert = insertMissingId(gemini, 'key', 2, new Set(['a']));
    assert.ok(insert);
    assert.equal(insert.newId, 'request-3');
    const fixed = apply(gemini, insert);
    assert.equal(fixed, `{"key": "request-3", "request": {${CONTENTS}}}`);
    assert.deepEqual(validateLine('gemini-generate', fixed, 2), []);
    const file = [fixed, fixed.replace('request-3', 'request-3-2'), gemini].join('\n');
    assert.equal(insertMissingId(gemini, 'key', 2, usedIds(file, 'key'))?.newId, 'request-3-3');
    assert.equal(
      apply(` { "request":{}}`, insertMissingId(` { "request":{}}`, 'key', 0, new Set())!),
      ` { "key":"request-1", "request":{}}`,
    );

    const openai = OPENAI('/v1/chat/completions').replace('"custom_id":"a",', '');
    const [missing] = validateLine('openai', openai, 0);
    assert.equal(missingIdField(missing), 'custom_id');
    const added = apply(openai, insertMissingId(openai, 'custom_id', 0, new Set())!);
    assert.equal(added, OPENAI('/v1/chat/completions', 'POST', 'request-1'));
    assert.equal(apply('{}', insertMissingId('{}', 'custom_id', 9, new Set())!), '{"custom_id": "request-10"}');
  });

  test('no id fix for other missing fields, nor when the line has the field', () => {
    const noMethod = OPENAI('/v1/chat/completions').replace('"method":"POST",', '');
    assert.equal(missingIdField(validateLine('openai', noMethod, 0)[0]), undefined);
    assert.equal(insertMissingId(GEMINI, 'key', 0, new Set()), undefined);
    assert.equal(insertMissingId('[1]', 'key', 0, new Set()), undefined);
  });

  test('"fix all of this kind" groups a trailing comma apart from other syntax errors, and values by their place', () => {
    const kinds = (kind: BatchKind, line: string) => validateLine(kind, line, 0).map(fixKind);
    assert.deepEqual(kinds('gemini-generate', '{"a":1,}'), ['json-syntax:trailing-comma']);
    assert.deepEqual(kinds('gemini-generate', '{"a":1 "b":2}'), ['json-syntax:']);
    assert.deepEqual(kinds('openai', OPENAI('/chat/completions', 'GET')), [
      'invalid-value:/method',
      'invalid-value:/url',
    ]);
    const roles = `{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"model","content":"x"},{"role":"model","content":"y"}]}}`;
    assert.deepEqual(kinds('openai', roles), [
      'invalid-value:/body/messages/*/role',
      'invalid-value:/body/messages/*/role',
    ]);
  });
});
