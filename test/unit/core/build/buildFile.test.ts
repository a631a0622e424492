import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { buildFile, DataFileError, previewBuild, type BuildOptions } from '../../../../src/core/build';
import { validateFile } from '../../../../src/core/validation';
import { readLines } from '../../../../src/core/jobs/lineReader';
import { tempDirs } from '../../helpers/tempDirs';

const GEMINI = '{"request":{"contents":[{"parts":[{"text":"{{q}}"}]}],"generationConfig":{"temperature":{{t}}}}}';

const options = (data: string, extra: Partial<BuildOptions> = {}): BuildOptions => ({
  template: GEMINI,
  data,
  format: 'csv',
  keys: 'row-number',
  kind: 'auto',
  ...extra,
});

suite('buildFile', () => {
  const tempDir = tempDirs('build-test-');

  /** A fresh folder (removed after the test) holding the data file `name`, and where the output goes. */
  async function fixture(name: string, body: string): Promise<{ dir: string; data: string; out: string }> {
    const dir = await tempDir();
    const data = path.join(dir, name);
    await fsp.writeFile(data, body);
    return { dir, data, out: path.join(dir, 'out.jsonl') };
  }

  test('CSV: every valid row written, keys from a column, bad rows listed by number and left out', async () => {
    const { dir, data, out } = await fixture(
      'd.csv',
      'id,q,t\r\na,"Say ""hi""\nnow",0.5\nb,ok,warm\na,again,1\nc,short\n,no key,1\n',
    );
    const result = await buildFile(options(data, { keys: { column: 'id' } }), out);
    assert.equal(result.kind, 'gemini-generate');
    assert.equal(result.written, 1);
    assert.deepEqual(
      result.rejected.map((r) => [r.row, r.problem.code]),
      [
        [2, 'invalid-line'],
        [3, 'duplicate-key'],
        [4, 'field-count'],
        [5, 'missing-key'],
      ],
    );
    const lines = (await fsp.readFile(out, 'utf8')).split('\n');
    assert.deepEqual(lines, [
      '{"key":"a","request":{"contents":[{"parts":[{"text":"Say \\"hi\\"\\nnow"}]}],"generationConfig":{"temperature":0.5}}}',
      '',
    ]);
    assert.deepEqual((await validateFile(out)).issues, []);
    assert.deepEqual((await fsp.readdir(dir)).sort(), ['d.csv', 'out.jsonl']);
  });

  test('JSONL keys from a column: a number or an object as its JSON text, null as no key', async () => {
    const { data, out } = await fixture(
      'k.jsonl',
      '{"id":12,"q":"a","t":1}\n{"id":{"a":1},"q":"b","t":1}\n{"id":null,"q":"c","t":1}\n',
    );
    const result = await buildFile(options(data, { format: 'jsonl', keys: { column: 'id' } }), out);
    assert.deepEqual(
      result.rejected.map((r) => [r.row, r.problem.code]),
      [[3, 'missing-key']],
    );
    const keys = (await fsp.readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { key: string }).key);
    assert.deepEqual(keys, ['12', '{"a":1}']);
  });

  test('JSONL and JSON array data, OpenAI lines with custom_id from the row numbers', async () => {
    const template =
      '{"method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"{{q}}"}],"max_tokens":{{n}}}}';
    for (const [name, body, format] of [
      ['d.jsonl', '{"q":"a","n":5}\n\n{"q":"b \\"x\\"","n":7}\n[1]\n', 'jsonl'],
      ['d.json', '[{"q":"a","n":5},{"q":"b \\"x\\"","n":7},3]', 'json'],
    ] as const) {
      const { data, out } = await fixture(name, body);
      const result = await buildFile({ template, data, format, keys: 'row-number', kind: 'auto' }, out);
      assert.equal(result.kind, 'openai');
      assert.deepEqual(result.rejected, [{ row: 3, problem: { code: 'not-an-object' } }]);
      const lines = (await fsp.readFile(out, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepEqual(
        lines.map((l) => [l.custom_id, l.body.messages[0].content, l.body.max_tokens]),
        [
          ['row-1', 'a', 5],
          ['row-2', 'b "x"', 7],
        ],
      );
    }
  });

  test('the kind is told by the shape of the template even when the first row lacks a column', async () => {
    const { data, out } = await fixture('d.jsonl', '{"q":"a"}\n{"q":"b","n":3}\n');
    const template =
      '{"method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"{{q}}"}],"max_tokens":{{n}}}}';
    const result = await buildFile({ template, data, format: 'jsonl', keys: 'row-number', kind: 'auto' }, out);
    assert.equal(result.kind, 'openai');
    assert.deepEqual(result.rejected, [{ row: 1, problem: { code: 'missing-value', column: 'n' } }]);
    assert.equal(result.written, 1);
  });

  test('a template that sets the key itself keeps it with row numbers, and has it replaced by a key column', async () => {
    const { data, out } = await fixture('d.csv', 'id,q\na,x\nb,y\n');
    const template = '{"request":{"contents":[{"parts":[{"text":"{{q}}"}]}]}, "key": "{{id}}-own"}';
    await buildFile(options(data, { template }), out);
    assert.deepEqual(
      (await fsp.readFile(out, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).key),
      ['a-own', 'b-own'],
    );
    await buildFile(options(data, { template, keys: { column: 'q' } }), out);
    assert.deepEqual(
      (await fsp.readFile(out, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => Object.keys(JSON.parse(l))[0] + '=' + JSON.parse(l).key),
      ['key=x', 'key=y'],
    );
  });

  test('a filled template that is not JSON is not-json; JSON of the wrong shape is invalid-line', async () => {
    const { data, out } = await fixture('d.jsonl', '{"v":"word"}\n');
    const result = await buildFile(
      { template: '{"request": {{v}} }', data, format: 'jsonl', keys: 'row-number', kind: 'gemini-generate' },
      out,
    );
    assert.deepEqual(
      result.rejected.map((r) => r.problem.code),
      ['invalid-line'],
    );
    const raw = await buildFile(
      {
        template: '{"request": {{v}',
        data: path.join(path.dirname(data), 'd.jsonl'),
        format: 'jsonl',
        keys: 'row-number',
        kind: 'gemini-generate',
      },
      out,
    );
    assert.deepEqual(
      raw.rejected.map((r) => r.problem.code),
      ['not-json'],
    );
  });

  test('no valid row: no file written; an unreadable data file or a cancel leaves the output as it was', async () => {
    const { dir, data, out } = await fixture('d.csv', 'q,t\nx,hot\n');
    const result = await buildFile(options(data), out);
    assert.equal(result.empty, true);
    assert.deepEqual(await fsp.readdir(dir), ['d.csv']);
    await fsp.writeFile(out, 'before');
    await assert.rejects(
      buildFile(options(path.join(dir, 'none.csv')), out),
      (e: unknown) => e instanceof DataFileError && e.code === 'unreadable',
    );
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(buildFile(options(data, { signal: controller.signal }), out));
    assert.equal(await fsp.readFile(out, 'utf8'), 'before');
    assert.deepEqual((await fsp.readdir(dir)).sort(), ['d.csv', 'out.jsonl']);
  });

  test('preview: the first rows rendered and validated, the columns seen, the template columns not found', async () => {
    const { data } = await fixture('d.csv', 'q,t\nhello,0\nbye,hot\nmore,1\n');
    const preview = await previewBuild(
      { ...options(data), template: '{"request":{"contents":[{"parts":[{"text":"{{q}} {{nope}}"}]}]}}' },
      2,
    );
    assert.deepEqual(preview.columns, ['q', 't']);
    assert.deepEqual(preview.unknownColumns, ['nope']);
    assert.deepEqual(
      preview.rows.map((r) => ('problem' in r ? r.problem.code : 'ok')),
      ['missing-value', 'missing-value'],
    );
    const good = await previewBuild(options(data), 2);
    assert.deepEqual(
      good.rows.map((r) => ('line' in r ? 'ok' : r.problem.code)),
      ['ok', 'invalid-line'],
    );
  });

  test('property: random rows never crash a build; every line written validates and parses back to its row', async () => {
    const { dir } = await fixture('x', '');
    let run = 0;
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', '😀', ',', '"', '\n', '\\', '{{q}}', ' ', '0', '.'),
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { maxLength: 12 }), async (rows) => {
        const data = path.join(dir, `r${run}.csv`);
        const out = path.join(dir, `r${run++}.jsonl`);
        await fsp.writeFile(
          data,
          `q,t\n${rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`,
        );
        const result = await buildFile(options(data), out);
        assert.equal(result.written + result.rejectedCount, rows.length);
        if (result.empty) {
          return;
        }
        const lines = (await fsp.readFile(out, 'utf8'))
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
        const kept = rows.filter((_, i) => !result.rejected.some((r) => r.row === i + 1));
        assert.deepEqual(
          lines.map((l) => l.request.contents[0].parts[0].text),
          kept.map(([q]) => q),
        );
        assert.equal(
          (await validateFile(out, { kind: 'gemini-generate' })).issues.filter((i) => i.severity === 'error').length,
          0,
        );
      }),
      { numRuns: 60 },
    );
  });

  // Issue 10's must-hold: a million rows, none lost and no key twice (about 30 s; the output is read streamed).
  test('a million rows: none lost, no key twice', async function () {
    this.timeout(300_000);
    const { data, out } = await fixture('big.csv', '');
    const count = 1_000_000;
    const handle = await fsp.open(data, 'w');
    await handle.write('id,q\n');
    for (let start = 0; start < count; start += 10_000) {
      let chunk = '';
      for (let i = start; i < start + 10_000; i++) {
        chunk += `k${i},"question ${i}, ""quoted"""\n`;
      }
      await handle.write(chunk);
    }
    await handle.close();
    const template = '{"request":{"contents":[{"parts":[{"text":"{{q}}"}]}]}}';
    const result = await buildFile({ template, data, format: 'csv', keys: { column: 'id' }, kind: 'auto' }, out);
    assert.equal(result.written, count);
    const seen = new Uint8Array(count);
    for await (const line of readLines(out)) {
      const m = /^\{"key":"k(\d+)"/.exec(line.bytes.toString('utf8', 0, 40));
      assert.ok(m, `line ${line.lineNo} has a key`);
      seen[Number(m[1])]++;
    }
    assert.ok(
      seen.every((n) => n === 1),
      'every key exactly once',
    );
  });
});
