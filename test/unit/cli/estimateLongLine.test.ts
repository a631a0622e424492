import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './runCli';

/**
 * A line over the 64 MB the estimate reads (blockLines.ts): a 600 MB one exceeded V8's longest string and ended the
 * estimate of its whole file ("cannot read …: ERR_STRING_TOO_LONG"). It now counts as an approximate request.
 */
suite('cli: gemini-batch estimate, a line too long to read', function () {
  this.timeout(120_000);
  let dir: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-longline-'));
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the file is still estimated; the long line is a request sized from its length, said to be a guess', async () => {
    const file = path.join(dir, 'long.jsonl');
    const fd = fs.openSync(file, 'w');
    const longBytes = 65 * 1024 * 1024;
    try {
      fs.writeSync(fd, '{"key":"a","request":{"contents":[{"parts":[{"text":"Hello"}]}]}}\n');
      const head = '{"key":"huge","request":{"contents":[{"parts":[{"text":"';
      const tail = '"}]}]}}';
      fs.writeSync(fd, head);
      const chunk = Buffer.alloc(1024 * 1024, 'word ');
      let left = longBytes - head.length - tail.length;
      for (; left > 0; left -= chunk.length) {
        fs.writeSync(fd, chunk, 0, Math.min(left, chunk.length));
      }
      fs.writeSync(fd, `${tail}\n{"key":"b","request":{"contents":[{"parts":[{"text":"Bye"}]}]}}\n`);
    } finally {
      fs.closeSync(fd);
    }
    const { code, out, err } = await run(file);
    assert.equal(code, 0, err);
    const record = JSON.parse(out) as { requests: number; input_tokens: number; lines: { key: string }[] };
    assert.equal(record.requests, 3);
    assert.deepEqual(
      record.lines.map((l) => l.key),
      ['a', 'huge', 'b'],
    );
    assert.ok(record.input_tokens >= longBytes / 4, `${record.input_tokens}`);
    assert.match(err, /about [\d,]+ input tokens in 1 request are a guess: .*a line too long to read/);
  });
});

function run(file: string): Promise<{ code: number; out: string; err: string }> {
  return runCli('estimate', file, '--format', 'json', '--per-line');
}
