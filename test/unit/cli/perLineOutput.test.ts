import * as assert from 'node:assert/strict';
import { PerLineOutput } from '../../../src/cli/perLineOutput';
import type { LineEstimate } from '../../../src/core/estimate/lineEstimate';
import { capturedIo } from './runCli';

const estimate = (line: number, key?: string): LineEstimate => ({
  line,
  key,
  provider: 'gemini',
  inputTokens: line * 10,
  outputTokens: 0,
  unknownMedia: 0,
});

suite('cli: --per-line output, streamed', () => {
  test('json: lines first, then the figures; no line still gives an empty array', () => {
    const { io, out } = capturedIo();
    const output = new PerLineOutput(io, 'json', 'a "quoted".jsonl');
    output.line(estimate(1, 'k1'));
    output.line(estimate(3));
    output.finish({ requests: 2, method: 'offline' });
    new PerLineOutput(io, 'json', 'empty.jsonl').finish({ requests: 0 });
    const [first, second] = out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(first, {
      file: 'a "quoted".jsonl',
      lines: [
        { line: 1, key: 'k1', input_tokens: 10 },
        { line: 3, key: null, input_tokens: 30 },
      ],
      requests: 2,
      method: 'offline',
    });
    assert.deepEqual(second, { file: 'empty.jsonl', lines: [], requests: 0 });
  });

  test('a failure after some lines still ends as valid JSON, with the error', () => {
    const { io, out } = capturedIo();
    const output = new PerLineOutput(io, 'json', 'f.jsonl');
    output.line(estimate(1));
    output.fail('worker died');
    assert.deepEqual(JSON.parse(out()), {
      file: 'f.jsonl',
      lines: [{ line: 1, key: null, input_tokens: 10 }],
      error: 'worker died',
    });
  });

  test('output goes out in pieces while counting, not all at the end (memory stays flat)', () => {
    const { io, out } = capturedIo();
    const output = new PerLineOutput(io, 'text', 'big.jsonl');
    for (let i = 1; i <= 5000; i++) {
      output.line(estimate(i, `key-${i}`));
    }
    const before = out().length;
    assert.ok(before > 0, 'written before the end');
    output.finish();
    assert.equal(out().split('\n').length - 1, 5000);
    assert.match(out(), /^big\.jsonl:1: key-1: 10 input tokens\n/);
  });
});
