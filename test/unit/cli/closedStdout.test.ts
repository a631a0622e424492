import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// `gemini-batch … | head`: the reader closes the pipe while the CLI still writes. Spawned through the real entry
// points (src/cli.ts, and src/cli/entry.ts where `estimate` runs), since only a real pipe gives EPIPE.
const ROOT = path.join(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

interface Closed {
  code: number | null;
  err: string;
  /** What the reader got before it closed. */
  read: string;
}

/**
 * Runs the CLI with its stdout a pipe that this side closes: at once (`readFirst` false: the first write fails), or
 * after the first chunk (a reader that has seen enough, while the CLI is blocked on a full pipe).
 */
async function runClosed(entry: string, args: string[], readFirst: boolean): Promise<Closed> {
  const child = spawn(TSX, [path.join(ROOT, entry), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
  let read = '';
  if (readFirst) {
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    read = chunk.toString('utf8');
  }
  child.stdout.destroy();
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, err, read };
}

function assertQuiet(result: Closed): void {
  assert.doesNotMatch(result.err, /EPIPE|\bError\b|\n\s+at /, result.err);
}

suite('cli: a reader that closes stdout early', function () {
  this.timeout(120_000);
  let dir: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-cli-pipe-'));
  });
  suiteTeardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('results --format csv | head: no stack trace, the usual exit status, the summary still on stderr', async () => {
    const file = path.join(dir, 'big.results.jsonl');
    const line = (i: number): string =>
      JSON.stringify({
        key: `k${i}`,
        response: { candidates: [{ content: { parts: [{ text: 'answer '.repeat(20) }] }, finishReason: 'STOP' }] },
      });
    // Several MB of CSV: far more than a pipe holds, so the CLI is still writing when the reader goes.
    fs.writeFileSync(file, `${Array.from({ length: 30_000 }, (_, i) => line(i)).join('\n')}\n`);
    const result = await runClosed('src/cli.ts', ['results', file, '--format', 'csv'], true);
    assert.match(result.read, /^key,line,ok/);
    assertQuiet(result);
    assert.equal(result.code, 0);
    assert.match(result.err, /"succeeded":30000/);
  });

  test('estimate --per-line (the small entry) and validate, stdout closed before the first write', async () => {
    const file = path.join(dir, 'in.jsonl');
    fs.writeFileSync(
      file,
      Array.from(
        { length: 2000 },
        (_, i) => `{"key":"k${i}","request":{"contents":[{"parts":[{"text":"hi"}]}]}}\n`,
      ).join(''),
    );
    const estimate = await runClosed('src/cli/entry.ts', ['estimate', file, '--per-line'], false);
    assertQuiet(estimate);
    assert.equal(estimate.code, 0);
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(bad, '{"key":"b","request":{"contents":"Hi"}}\n'.repeat(500));
    const validate = await runClosed('src/cli.ts', ['validate', bad], false);
    assertQuiet(validate);
    assert.equal(validate.code, 1);
  });

  test('split and build, stdout closed: every file is still written, exit 0', async () => {
    const file = path.join(dir, 'split.jsonl');
    fs.writeFileSync(
      file,
      Array.from(
        { length: 5 },
        (_, i) => `{"key":"k${i}","request":{"contents":[{"parts":[{"text":"${i}"}]}]}}\n`,
      ).join(''),
    );
    const split = await runClosed('src/cli.ts', ['split', file, '--max-lines', '2'], false);
    assertQuiet(split);
    assert.equal(split.code, 0);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.startsWith('split.part-')),
      ['split.part-01.jsonl', 'split.part-02.jsonl', 'split.part-03.jsonl'],
    );
    const data = path.join(dir, 'rows.csv');
    const template = path.join(dir, 't.json');
    fs.writeFileSync(data, 'q\nhello\nworld\n');
    fs.writeFileSync(template, '{"request":{"contents":[{"parts":[{"text":"{{q}}"}]}]}}');
    const build = await runClosed('src/cli.ts', ['build', '--template', template, '--data', data], false);
    assertQuiet(build);
    assert.equal(build.code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'rows.batch.jsonl'), 'utf8').split('\n').length, 3);
  });
});
