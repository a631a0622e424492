import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { messageFor, validateFile, validateText } from '../../../../src/core/validation';
import { notJsonLinesForm } from '../../../../src/core/validation/jsonLinesForm';
import { DETECTION_LINES } from '../../../../src/core/validation/lineShape';

const LINE = (key: string): string => `{"key":"${key}","request":{"contents":[{"parts":[{"text":"Hi"}]}]}}`;
const REQUEST = JSON.parse(LINE('a')) as unknown;
const MARKDOWN = [
  '# Batch files',
  '',
  'Each line is `{"key": "...", "request": {...}}`, where "request": holds the GenerateContentRequest.',
  '- one request a line',
  '- keys unique',
  '```sh',
  'gemini-batch validate in.jsonl',
  '```',
].join('\n');

suite('validation: a file that is not JSON Lines is said once, from its first lines', () => {
  test('the form of the first lines: array, pretty-printed document, text, or JSON Lines', () => {
    const cases: [string, string, ReturnType<typeof notJsonLinesForm>][] = [
      ['pretty-printed array', JSON.stringify([REQUEST, REQUEST], null, 2), 'json-array'],
      ['array, one request a line', `[\n${LINE('a')},\n${LINE('b')}\n]`, 'json-array'],
      ['array on one line', JSON.stringify([REQUEST, REQUEST]), 'json-array'],
      ['pretty-printed object', JSON.stringify(REQUEST, null, 2), 'json-document'],
      ['several pretty-printed objects', `${JSON.stringify(REQUEST, null, 2)}\n`.repeat(3), 'json-document'],
      ['Markdown that names "request":', MARKDOWN, 'text'],
      ['CSV', 'key,question\na,"What is ""JSON""?"\nb,Why\n', 'text'],
      ['JSON Lines batch', `${LINE('a')}\n${LINE('b')}`, undefined],
      [
        'a batch file with cut and misspelled lines',
        `{"key":"a","req\n{"key":"b","reqeust":{}}\n${LINE('c')}`,
        undefined,
      ],
      ['a batch file with stray braces', `{\n${LINE('a')}\n{`, undefined],
      ['JSON Lines of arrays', '[1,2]\n[3,4]', undefined],
      ['a log of JSON records', '{"t":1,"msg":"up"}\n{"t":2,"msg":"down"}', undefined],
      ['empty', '', undefined],
    ];
    for (const [name, text, form] of cases) {
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      assert.equal(notJsonLinesForm(lines), form, name);
    }
  });

  test('unreadable lines (undefined) tell nothing: a file of only those is no verdict', () => {
    assert.equal(notJsonLinesForm([undefined, undefined]), undefined);
    assert.equal(notJsonLinesForm([undefined, '# Title', 'prose', 'more prose']), 'text');
  });

  test('validation: one not-a-batch-file issue naming the form, an error when the lines look like requests', () => {
    const array = validateText(JSON.stringify([REQUEST, REQUEST], null, 2));
    assert.equal(array.notBatch, true);
    assert.equal(array.requests, 0);
    assert.deepEqual(
      array.issues.map((i) => [i.code, i.severity, i.line]),
      [['not-a-batch-file', 'error', 0]],
    );
    const doc = validateText(JSON.stringify(REQUEST, null, 2));
    assert.equal(doc.notJsonLines, 'json-document');
    assert.match(
      messageFor(doc.issues[0]),
      /pretty-printed over several lines\. A batch file has one request per line/,
    );
    const markdown = validateText(MARKDOWN);
    assert.equal(markdown.notJsonLines, 'text');
    assert.equal(markdown.issues.length, 1);
    assert.match(messageFor(markdown.issues[0]), /^Not JSON Lines: most of its first lines are not JSON/);
    // Required as a batch file (the CLI): an error whatever the lines look like.
    const csv = validateText('a,b\n1,2\n', { requireBatch: true });
    assert.deepEqual(
      csv.issues.map((i) => [i.code, i.severity, i.params]),
      [['not-a-batch-file', 'error', { form: 'text' }]],
    );
  });

  test('an explicit kind validates every line anyway', () => {
    const { issues, notJsonLines } = validateText(MARKDOWN, { kind: 'gemini-generate' });
    assert.equal(notJsonLines, undefined);
    assert.ok(issues.length > 3);
  });

  test('a JSON array on one line too long to read is still named, from its first bytes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-form-'));
    try {
      const array = path.join(dir, 'minified.json');
      fs.writeFileSync(array, JSON.stringify(Array.from({ length: 200 }, () => REQUEST)));
      const summary = await validateFile(array, { maxLineBytes: 4096 });
      assert.equal(summary.notJsonLines, 'json-array');
      assert.deepEqual(
        summary.issues.map((i) => [i.code, i.severity]),
        [['not-a-batch-file', 'error']],
      );
      // A batch line too long to read stays what it was: one line-too-long error, the file validated.
      const long = path.join(dir, 'long.jsonl');
      fs.writeFileSync(long, `${LINE('a').replace('Hi', 'x'.repeat(5000))}\n${LINE('b')}\n`);
      const batch = await validateFile(long, { maxLineBytes: 4096 });
      assert.equal(batch.notJsonLines, undefined);
      assert.deepEqual(
        batch.issues.map((i) => [i.code, i.line]),
        [['line-too-long', 0]],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a large file is judged by its first lines only: later lines do not change the verdict', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-form-'));
    try {
      const text = path.join(dir, 'notes.jsonl');
      const prose = Array.from({ length: DETECTION_LINES }, (_, i) => `line ${i} of prose`).join('\n');
      const requests = Array.from({ length: 20_000 }, (_, i) => LINE(`k${i}`)).join('\n');
      fs.writeFileSync(text, `${prose}\n${requests}\n`);
      const summary = await validateFile(text);
      assert.equal(summary.notJsonLines, 'text');
      assert.equal(summary.issues.length, 1);
      // And the other way: a batch file whose prose starts past the window is validated line by line.
      const batch = path.join(dir, 'batch.jsonl');
      fs.writeFileSync(
        batch,
        `${Array.from({ length: DETECTION_LINES }, (_, i) => LINE(`k${i}`)).join('\n')}\n${prose}\n`,
      );
      const validated = await validateFile(batch);
      assert.equal(validated.notJsonLines, undefined);
      assert.equal(validated.requests, DETECTION_LINES * 2);
      assert.ok(validated.issues.every((i) => i.code === 'json-syntax' && i.line >= DETECTION_LINES));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
