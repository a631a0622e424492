import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  messageFor,
  validateFile,
  validateLine,
  validateText,
  type ValidationSummary,
} from '../../../../src/core/validation';

const LINE = (key: string, text = 'Hi') =>
  JSON.stringify({ key, request: { contents: [{ role: 'user', parts: [{ text }] }] } });

suite('validation: bad input never crashes or hangs', () => {
  let dir: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-validation-'));
  });
  suiteTeardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const codes = (s: ValidationSummary) =>
    s.issues.map((i) => `${i.line + 1}:${i.startCol + 1} ${i.severity} ${i.code}`);

  test('invalid UTF-8: an invalid-utf8 issue at the column of the byte; the other lines are still checked', async () => {
    const before = '{"key":"b","request":{"contents":[{"parts":[{"text":"é';
    const bad = Buffer.concat([
      Buffer.from(`${LINE('a')}\n${before}`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`"}]}]}}\n${LINE('a')}\n`),
    ]);
    const summary = await validateFile(write('utf8.jsonl', bad));
    assert.deepEqual(codes(summary), [`2:${before.length + 1} error invalid-utf8`, '3:2 error duplicate-key']);
    assert.equal(messageFor(summary.issues[0]), 'Invalid UTF-8 (byte 0xC3): batch files must be UTF-8 text');
    assert.equal(summary.requests, 3);
  });

  test('a 50 MB line is validated (over the 20 MB Gemini per-request cap: a warning)', async () => {
    const file = write('huge.jsonl', `${LINE('a')}\n${LINE('big', 'x'.repeat(50 * 1024 * 1024))}\n${LINE('c')}\n`);
    const summary = await validateFile(file);
    assert.deepEqual(codes(summary), ['2:1 warning line-too-large']);
    assert.match(messageFor(summary.issues[0]), /^This request is 50\.0 MB, over the 20 MB per-request limit$/);
  });

  test('a line past the reading cap gets one line-too-long issue and is never buffered whole', async () => {
    const file = write('long.jsonl', `${LINE('a')}\n${LINE('big', 'x'.repeat(3 * 1024 * 1024))}\n${LINE('c')}\n`);
    const summary = await validateFile(file, { maxLineBytes: 1024 * 1024 });
    assert.deepEqual(codes(summary), ['2:1 error line-too-long']);
    assert.match(messageFor(summary.issues[0]), /^Line too long to validate \(3\.0 MB\); it was skipped$/);
    assert.equal(summary.requests, 3);
  });

  test('10,000-deep nesting: no crash, a clear issue', () => {
    const open = '['.repeat(10_000);
    const unclosed = validateLine('gemini-generate', `{"key":"a","request":{"contents":${open}}}`, 0);
    assert.deepEqual(
      unclosed.map((i) => i.code),
      ['too-deep'],
    );
    const closed = validateLine(
      'gemini-generate',
      `{"key":"a","request":{"contents":${open}${']'.repeat(10_000)}}}`,
      0,
    );
    assert.deepEqual(
      closed.map((i) => i.code),
      ['type-mismatch'],
    );
    const deepObject = `{"key":"a","request":{"contents":[{"parts":[{"functionCall":{"name":"f","args":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}}]}]}}`;
    assert.doesNotThrow(() => validateLine('gemini-generate', deepObject, 0));
  });

  test('a million wrong items in one line: one issue, quickly (no error flood)', () => {
    const line = `{"key":"a","request":{"contents":[${Array(1_000_000).fill('1').join(',')}]}}`;
    const started = performance.now();
    const issues = validateLine('gemini-generate', line, 0);
    assert.deepEqual(
      issues.map((i) => [i.code, i.path]),
      [['type-mismatch', '/request/contents/0']],
    );
    assert.ok(performance.now() - started < 5000);
  });

  test('a binary file: one binary-file issue, then validation stops', async () => {
    const binary = Buffer.concat([
      Buffer.from(`${LINE('a')}\n`),
      Buffer.alloc(4096, 0),
      Buffer.from('\n{"x":1}\n'.repeat(1000)),
    ]);
    const summary = await validateFile(write('binary.jsonl', binary));
    assert.deepEqual(codes(summary), ['2:1 error binary-file']);
    assert.equal(messageFor(summary.issues[0]), 'Not a text file (it contains NUL bytes); validation stopped here');
  });

  test('a UTF-16 file is named as such', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${LINE('a')}\n`, 'utf16le')]);
    const summary = await validateFile(write('utf16.jsonl', utf16));
    assert.deepEqual(codes(summary), ['1:1 error binary-file']);
    assert.equal(
      messageFor(summary.issues[0]),
      'This file is UTF-16 text; batch files must be UTF-8 (save it as UTF-8)',
    );
  });

  test('a pretty-printed JSON array of requests is named as such, once, with the fix (one request per line)', () => {
    const text = JSON.stringify([JSON.parse(LINE('a'))], null, 2);
    const summary = validateText(text);
    assert.equal(summary.notJsonLines, 'json-array');
    assert.deepEqual(
      summary.issues.map((i) => [i.code, i.severity, i.params]),
      [['not-a-batch-file', 'error', { form: 'json-array' }]],
    );
    assert.match(messageFor(summary.issues[0]), /one JSON array\. A batch file has one request per line/);
  });

  test('a pretty-printed line among JSON Lines still gets its own line hint', () => {
    const { issues } = validateText(`${LINE('a')}\n{\n${LINE('b')}\n  "key": "c",\n${LINE('d')}\n}`);
    assert.ok(issues.length > 0);
    assert.ok(
      issues.every((i) => i.code === 'json-syntax' && i.params.hint === 'pretty-printed'),
      JSON.stringify(issues.map((i) => i.params)),
    );
    assert.match(messageFor(issues[0]), /pretty-printed JSON; in JSONL each request is one JSON object on one line/);
  });

  test('an empty file (or only blank lines, or only a BOM): one empty-file warning', async () => {
    for (const [name, content] of [
      ['empty.jsonl', ''],
      ['blank.jsonl', '\n\n  \r\n'],
      ['bom.jsonl', '\uFEFF'],
    ] as const) {
      const summary = await validateFile(write(name, content));
      assert.deepEqual(codes(summary), ['1:1 warning empty-file'], name);
      assert.equal(summary.requests, 0);
    }
    assert.deepEqual(
      validateText('').issues.map((i) => i.code),
      ['empty-file'],
    );
  });

  test('a BOM and CRLF line breaks are fine; blank lines are skipped, not requests', async () => {
    const content = `\uFEFF${LINE('a')}\r\n\r\n${LINE('b')}\r\n`;
    const summary = await validateFile(write('bom-crlf.jsonl', content));
    assert.deepEqual(summary.issues, []);
    assert.equal(summary.requests, 2);
    assert.equal(summary.lines, 3);
    assert.deepEqual(validateText(content).issues, []);
  });

  test('a syntax error on a CRLF line is placed without counting the CR', async () => {
    const summary = await validateFile(write('crlf-bad.jsonl', `${LINE('a')}\r\n{"key":"b",}\r\n`));
    assert.deepEqual(codes(summary), ['2:11 error json-syntax']);
  });

  test('an unreadable path rejects with a typed FileReadError', async () => {
    await assert.rejects(validateFile(path.join(dir, 'missing.jsonl')), { name: 'FileReadError', code: 'ENOENT' });
    await assert.rejects(validateFile(dir), { name: 'FileReadError', code: 'EISDIR' });
  });

  test('cancellation through an AbortSignal', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(validateFile(write('c.jsonl', LINE('a')), { signal: controller.signal }), {
      name: 'ValidationCancelledError',
    });
  });

  test('issues past the cap are counted, not kept', async () => {
    // A kind is given: under 'auto', a file of arrays is not a batch file and would not be validated at all.
    const summary = await validateFile(write('many.jsonl', '[]\n'.repeat(50)), {
      maxIssues: 10,
      kind: 'gemini-generate',
    });
    assert.equal(summary.issues.length, 10);
    assert.equal(summary.issuesDropped, 40);
  });

  test('progress is reported up to the file size', async () => {
    const file = write('progress.jsonl', `${LINE('a', 'y'.repeat(3 * 1024 * 1024))}\n`);
    const seen: [number, number][] = [];
    await validateFile(file, { onProgress: (read, total) => seen.push([read, total]) });
    const size = fs.statSync(file).size;
    assert.ok(seen.length >= 3);
    assert.deepEqual(seen[seen.length - 1], [size, size]);
  });
});
