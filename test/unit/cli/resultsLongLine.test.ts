import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inputLine, LONG_BYTES, resultLine, writeWithLongLine } from '../core/results/longLineFiles';
import { runCli } from './runCli';

/**
 * A line over the 64 MiB every reader keeps of a line (lineReader.ts): a 600 MB one ended `results` with "Cannot
 * create a string longer than 0x1fffffe8 characters" (exit 2, 1.3 GB). It is now an unparseable line, the others
 * are read as they were, and a retry file still copies it whole.
 */
suite('cli: gemini-batch results, a line too long to read', function () {
  this.timeout(120_000);
  let dir: string;
  let longResults: string;
  let longInput: { file: string; offset: number };
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-results-longline-'));
    longResults = writeWithLongLine(dir, 'results.jsonl', [resultLine('x'), null, resultLine('y')]).file;
    longInput = writeWithLongLine(dir, 'input.jsonl', [inputLine('x'), null, inputLine('y')]);
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  const rowsOf = (out: string) =>
    out
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            key: string | null;
            line?: number | null;
            ok: boolean;
            errorCode: string | null;
            prompt?: string | null;
          },
      );

  test('the summary counts the long line as one unparseable failure; exit 1, not 2', async () => {
    const { code, out, err } = await runCli('results', longResults, '--format', 'json');
    assert.equal(code, 1, err);
    const summary = JSON.parse(out) as { total: number; succeeded: number; failed: number; byErrorCode: object };
    assert.deepEqual(
      { total: summary.total, succeeded: summary.succeeded, failed: summary.failed, byErrorCode: summary.byErrorCode },
      { total: 3, succeeded: 2, failed: 1, byErrorCode: { unparseable_line: 1 } },
    );
  });

  test('the rows: the lines around it intact, it a failed unparseable_line row', async () => {
    const { code, out, err } = await runCli('results', longResults, '--format', 'jsonl');
    assert.equal(code, 1, err);
    assert.deepEqual(
      rowsOf(out).map((r) => [r.key, r.ok, r.errorCode]),
      [
        ['x', true, null],
        [null, false, 'unparseable_line'],
        ['y', true, null],
      ],
    );
  });

  test('joined to its input: a long input line keeps its key and its error, its prompt says why; retried whole', async () => {
    const results = path.join(dir, 'short-results.jsonl');
    // The service refuses such a request: its result is an error, matched by the key read from the line's head.
    const refused = '{"error":{"code":3,"message":"Request payload size exceeds the limit"},"key":"a"}';
    fs.writeFileSync(results, [resultLine('x'), refused, resultLine('y')].map((l) => `${l}\n`).join(''));
    const retry = path.join(dir, 'retry.jsonl');
    const { code, out, err } = await runCli(
      'results',
      results,
      '--input',
      longInput.file,
      '--format',
      'jsonl',
      '--retry-file',
      retry,
    );
    assert.equal(code, 1, err);
    const rows = rowsOf(out);
    assert.deepEqual(
      rows.map((r) => [r.line, r.key, r.ok, r.errorCode]),
      [
        [1, 'x', true, null],
        [2, 'a', false, 'INVALID_ARGUMENT'],
        [3, 'y', true, null],
      ],
    );
    assert.match(rows[1].prompt ?? '', new RegExp(`^\\(a line of ${LONG_BYTES} bytes, longer than the 67108864 bytes`));
    assert.equal(fs.statSync(retry).size, LONG_BYTES + 1);
    assert.equal(await sha256(retry), await sha256(longInput.file, longInput.offset, LONG_BYTES + 1));
  });

  test('joined to its input: a long result line leaves its request without result, the others matched', async () => {
    const input = path.join(dir, 'short-input.jsonl');
    fs.writeFileSync(input, ['x', 'a', 'y'].map((k) => `${inputLine(k)}\n`).join(''));
    const { code, out, err } = await runCli('results', longResults, '--input', input, '--format', 'jsonl');
    assert.equal(code, 1, err);
    assert.deepEqual(
      rowsOf(out).map((r) => [r.line, r.key, r.ok, r.errorCode]),
      [
        [1, 'x', true, null],
        [2, 'a', false, 'missing_result'],
        [3, 'y', true, null],
      ],
    );
  });
});

function sha256(file: string, start = 0, length?: number): Promise<string> {
  const hash = createHash('sha256');
  const end = length === undefined ? undefined : start + length - 1;
  return new Promise((resolve, reject) => {
    fs.createReadStream(file, { start, end })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
