import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  detectBatchFile,
  detectKind,
  holdsBatchLines,
  messageFor,
  validateFile,
  validateText,
} from '../../../../src/core/validation';
import { holdsBatchLines as editorHoldsBatchLines } from '../../../../src/core/validation/batchLineDetection';

const DIR = path.join(__dirname, '../../../fixtures/validation/not-batch');
const HTTP_LOG = path.join(DIR, 'http-log.jsonl');
const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n');
const GEN = '{"key":"a","request":{"contents":[{"parts":[{"text":"x"}]}]}}';

suite('validation: is it a batch file at all?', () => {
  test('an HTTP log is not a batch file, and its method/url lines do not vote OpenAI', () => {
    assert.deepEqual(detectBatchFile(lines(HTTP_LOG)), { kind: 'gemini-generate', outcome: 'not-batch', lines: 3 });
    assert.equal(detectKind(lines(HTTP_LOG)), 'gemini-generate');
    assert.equal(holdsBatchLines(lines(HTTP_LOG)), false);
    assert.equal(
      holdsBatchLines(lines(path.join(DIR, 'chat-log.jsonl'))),
      false,
      'bare {"content"} records are a chat log',
    );
  });

  test('batch lines, broken ones naming an envelope key, and bare requests are batch files', () => {
    assert.deepEqual(detectBatchFile([GEN]), { kind: 'gemini-generate', outcome: 'batch', lines: 1 });
    assert.deepEqual(detectBatchFile(['{"custom_id":"r","method":"POST","url":"/v1/embeddings"}']), {
      kind: 'openai',
      outcome: 'batch',
      lines: 1,
    });
    assert.equal(holdsBatchLines(["{'key': 'a', 'request': {}}"]), true, 'single quotes: broken, but a batch line');
    assert.equal(holdsBatchLines(['{"contents":[{"parts":[{"text":"x"}]}]}']), true);
    assert.equal(
      holdsBatchLines(['{"method":"GET","url":"/x"}', GEN]),
      true,
      'one batch line among the first lines is enough',
    );
    assert.deepEqual(
      detectBatchFile(['', '  ']),
      { kind: 'gemini-generate', outcome: 'batch', lines: 0 },
      'an empty file is an empty batch file',
    );
    assert.equal(holdsBatchLines(['', '  ']), false, 'but it holds no batch line');
  });

  test('only the first 100 non-blank lines decide', () => {
    const log = Array.from({ length: 100 }, () => '{"method":"GET","url":"/x","status":200}');
    assert.equal(holdsBatchLines([...log, GEN]), false);
    assert.equal(detectBatchFile([...log, GEN]).outcome, 'not-batch');
    assert.equal(holdsBatchLines([...log.slice(1), GEN]), true);
  });

  test('validateFile reports one not-a-batch-file warning for a log, and validates nothing', async () => {
    const summary = await validateFile(HTTP_LOG);
    assert.equal(summary.notBatch, true);
    assert.deepEqual(
      summary.issues.map((i) => [i.code, i.severity, i.line]),
      [['not-a-batch-file', 'warning', 0]],
    );
    assert.equal(summary.requests, 0);
    assert.equal(summary.bytes, readFileSync(HTTP_LOG).length);
    assert.match(
      messageFor(summary.issues[0]),
      /^Not a batch file: none of its first lines looks like a batch request/,
    );
  });

  test('with a kind given, the same log is validated line by line', () => {
    const summary = validateText(readFileSync(HTTP_LOG, 'utf8'), { kind: 'openai' });
    assert.equal(summary.notBatch, undefined);
    assert.ok(summary.issues.length >= 3);
    assert.ok(summary.issues.every((i) => i.code !== 'not-a-batch-file'));
  });

  test('a batch file with a log line in it is validated as usual', () => {
    const summary = validateText(`${GEN}\n{"method":"GET","url":"/x","status":200}`);
    assert.equal(summary.notBatch, undefined);
    assert.equal(summary.kind, 'gemini-generate');
    assert.ok(summary.issues.some((i) => i.line === 1 && i.severity === 'error'));
  });

  test('the editor asks the core, reading only the lines of the vote', () => {
    const text = [GEN, ...Array.from({ length: 1000 }, () => '{"x":1}')];
    let read = 0;
    const doc = {
      lineCount: text.length,
      lineAt: (i: number) => {
        read++;
        return { text: text[i] };
      },
    };
    assert.equal(editorHoldsBatchLines(doc), true);
    assert.equal(read, 100);
    const log = lines(HTTP_LOG);
    assert.equal(editorHoldsBatchLines({ lineCount: log.length, lineAt: (i) => ({ text: log[i] }) }), false);
  });
});
