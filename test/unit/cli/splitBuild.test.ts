import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './runCli';

const run = runCli;

/** Five Gemini request lines, k0 … k4. */
const FIVE_LINES = Array.from(
  { length: 5 },
  (_, i) => `{"key":"k${i}","request":{"contents":[{"parts":[{"text":"${i}"}]}]}}\n`,
).join('');

suite('cli: gemini-batch split and build', () => {
  let dir: string;
  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-cli-sb-'));
  });
  teardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('split writes the parts beside the file and prints their paths; the parts hold every line once', async () => {
    const file = path.join(dir, 'in.jsonl');
    const body = FIVE_LINES;
    fs.writeFileSync(file, body);
    const { code, out, err } = await run('split', file, '--max-lines', '2');
    assert.equal(code, 0);
    const parts = out.trim().split('\n');
    assert.deepEqual(
      parts,
      [1, 2, 3].map((i) => path.join(dir, `in.part-0${i}.jsonl`)),
    );
    assert.equal(parts.map((p) => fs.readFileSync(p, 'utf8')).join(''), body);
    assert.match(err, /3 parts \(gemini-generate\), 5 requests/);
  });

  test('split again into fewer parts: the parts of the earlier split are removed, and said so', async () => {
    const file = path.join(dir, 'in.jsonl');
    const body = FIVE_LINES;
    fs.writeFileSync(file, body);
    assert.equal((await run('split', file, '--max-lines', '1')).code, 0);
    const again = await run('split', file, '--max-lines', '3');
    assert.equal(again.code, 0, again.err);
    assert.match(
      again.err,
      /removed 3 parts of an earlier split \(in\.part-03\.jsonl, in\.part-04\.jsonl, in\.part-05\.jsonl\)/,
    );
    const parts = fs.readdirSync(dir).filter((n) => n.startsWith('in.part-'));
    assert.deepEqual(parts.sort(), ['in.part-01.jsonl', 'in.part-02.jsonl']);
    assert.equal(parts.map((p) => fs.readFileSync(path.join(dir, p), 'utf8')).join(''), body);
  });

  test('split: bad usage exits 2, a file within the limits writes nothing, a line too large exits 1', async () => {
    assert.equal((await run('split')).code, 2);
    assert.equal((await run('split', 'a', '--max-mb', '-1')).code, 2);
    assert.equal((await run('split', 'a', '--max-lines', '1.5')).code, 2);
    assert.equal((await run('split', 'a', '--bogus', '1')).code, 2);
    assert.equal((await run('split', path.join(dir, 'missing.jsonl'))).code, 2);
    const file = path.join(dir, 'small.jsonl');
    fs.writeFileSync(file, `{"key":"a"}\n{"key":"${'x'.repeat(2000)}"}\n`);
    const fits = await run('split', file);
    assert.equal(fits.code, 0);
    assert.equal(fits.out, '');
    const tooLarge = await run('split', file, '--max-mb', '0.001');
    assert.equal(tooLarge.code, 1);
    assert.match(tooLarge.err, /line 2 alone/);
    assert.deepEqual(fs.readdirSync(dir), ['small.jsonl']);
  });

  test('split --max-tokens: parts hold at most N input tokens as the estimate counts them', async () => {
    const file = path.join(dir, 'tokens.jsonl');
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i % 7}`).join(' ');
    // Uneven requests: the case a split by request count would get wrong.
    const sizes = [5, 200, 3, 3, 150, 40, 40, 2];
    const body = sizes
      .map((n, i) => `{"key":"k${i}","request":{"contents":[{"parts":[{"text":"${words(n)}"}]}]}}\n`)
      .join('');
    fs.writeFileSync(file, body);
    const perLine = await run('estimate', file, '--per-line', '--format', 'json', '--model', 'gemini-2.5-flash');
    const counts = (JSON.parse(perLine.out) as { lines: { input_tokens: number }[] }).lines.map((l) => l.input_tokens);
    const limit = Math.max(...counts) + 10;
    const { code, out, err } = await run('split', file, '--max-tokens', String(limit), '--model', 'gemini-2.5-flash');
    assert.equal(code, 0, err);
    const parts = out.trim().split('\n');
    assert.equal(parts.map((p) => fs.readFileSync(p, 'utf8')).join(''), body);
    let line = 0;
    for (const part of parts) {
      const n = fs
        .readFileSync(part, 'utf8')
        .split('\n')
        .filter((l) => l).length;
      const tokens = counts.slice(line, line + n).reduce((a, b) => a + b, 0);
      assert.ok(tokens <= limit, `${part}: ${tokens} tokens > ${limit}`);
      line += n;
    }
    assert.match(err, new RegExp(`${parts.length} parts .*at most [\\d,]+ input tokens a part`));
    const over = await run('split', file, '--max-tokens', '20');
    assert.equal(over.code, 1);
    assert.match(over.err, /line 2 alone has about [\d,]+ input tokens/);
  });

  test('build writes the file, prints its path, lists left-out rows by number and exits 1 when any', async () => {
    const data = path.join(dir, 'rows.csv');
    const template = path.join(dir, 't.json');
    fs.writeFileSync(data, 'id,q\nx,"a ""b"""\ny,\n');
    fs.writeFileSync(template, '{"request":{"contents":[{"parts":[{"text":"{{q}}"}]}]}}\n');
    const ok = await run('build', '--template', template, '--data', data, '--key', 'id');
    assert.equal(ok.code, 0, ok.err);
    assert.equal(ok.out, `${path.join(dir, 'rows.batch.jsonl')}\n`);
    assert.equal(
      fs.readFileSync(path.join(dir, 'rows.batch.jsonl'), 'utf8').split('\n')[0],
      '{"key":"x","request":{"contents":[{"parts":[{"text":"a \\"b\\""}]}]}}',
    );
    const again = await run('build', '--template', template, '--data', data);
    assert.equal(again.code, 2, 'the default output is never overwritten');
    const missing = await run(
      'build',
      '--template',
      template,
      '--data',
      data,
      '--key',
      'nokey',
      '--out',
      path.join(dir, 'o.jsonl'),
    );
    assert.equal(missing.code, 2, 'a key column the data lacks is bad usage');
    assert.match(missing.err, /--key "nokey" names no column of .*rows\.csv\. Columns: id, q\n/);
    assert.doesNotMatch(missing.err, /row 1/);
    assert.ok(!fs.existsSync(path.join(dir, 'o.jsonl')));
  });

  test('build: a short CSV row is listed by number, never written with an empty value; a present empty cell is kept', async () => {
    const data = path.join(dir, 'short.csv');
    const template = path.join(dir, 'short.json');
    const out = path.join(dir, 'short.batch.jsonl');
    fs.writeFileSync(data, 'id,q,extra\na,hello,x\nb,short\nc,,y\nd\n');
    fs.writeFileSync(template, '{"request":{"contents":[{"parts":[{"text":"{{q}} {{extra}}"}]}]}}\n');
    const { code, out: stdout, err } = await run('build', '--template', template, '--data', data, '--key', 'id');
    assert.equal(code, 1);
    assert.equal(stdout, `${out}\n`);
    assert.equal(
      err,
      'row 2: 2 fields where the header has 3\nrow 4: 1 field where the header has 3\n' +
        `2 lines written, 2 rows left out: ${out} (gemini-generate)\n`,
    );
    assert.deepEqual(
      fs
        .readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map(
          (l) =>
            (JSON.parse(l) as { request: { contents: { parts: { text: string }[] }[] } }).request.contents[0].parts[0]
              .text,
        ),
      ['hello x', ' y'],
    );
  });

  test('build: a misspelled placeholder or key column is one usage error before any row, with the closest name', async () => {
    const template = path.join(dir, 't.json');
    fs.writeFileSync(template, '{"request":{"contents":[{"parts":[{"text":"{{questoin}}"}]}]}}');
    const out = path.join(dir, 'o.jsonl');
    const rows = Array.from({ length: 50 }, (_, i) => `${i},q${i}`).join('\n');
    const csv = path.join(dir, 'rows.csv');
    fs.writeFileSync(csv, `ID,question\n${rows}\n`);
    const bad = await run('build', '--template', template, '--data', csv, '--key', 'id', '--out', out);
    assert.equal(bad.code, 2);
    assert.equal(
      bad.err.split('\n')[0],
      `gemini-batch: the template names no column of ${csv}: "questoin" (did you mean "question"?); ` +
        `--key "id" names no column of ${csv} (did you mean "ID"?). Columns: ID, question`,
    );
    assert.equal(bad.err.match(/questoin/g)?.length, 1, 'said once, not once per row');
    assert.ok(!fs.existsSync(out));
    // JSONL has no header: a column that no row has is found at the end, and said once all the same.
    const jsonl = path.join(dir, 'rows.jsonl');
    fs.writeFileSync(jsonl, Array.from({ length: 50 }, (_, i) => `{"id":${i},"question":"q${i}"}\n`).join(''));
    const late = await run('build', '--template', template, '--data', jsonl, '--out', out);
    assert.equal(late.code, 2);
    assert.match(
      late.err,
      /^gemini-batch: nothing written: the template names no column of .*rows\.jsonl: "questoin" \(did you mean "question"\?\)\. Columns: id, question\n/,
    );
    assert.doesNotMatch(late.err, /row 1/);
    assert.ok(!fs.existsSync(out));
    // A column some rows lack is still a problem of those rows only.
    fs.writeFileSync(jsonl, '{"id":1,"question":"a"}\n{"question":"b"}\n');
    fs.writeFileSync(template, '{"request":{"contents":[{"parts":[{"text":"{{question}}"}]}]}}');
    const some = await run('build', '--template', template, '--data', jsonl, '--key', 'id', '--out', out);
    assert.equal(some.code, 1);
    assert.match(some.err, /row 2: the key column "id" is empty or absent on this row/);
  });

  test('build: bad usage exits 2', async () => {
    assert.equal((await run('build', '--data', 'x.csv')).code, 2);
    assert.equal((await run('build', '--template', 't', '--data', 'x.xlsx')).code, 2);
    assert.equal(
      (await run('build', '--template', path.join(dir, 'none'), '--data', 'x.csv', '--out', path.join(dir, 'o'))).code,
      2,
    );
  });
});
