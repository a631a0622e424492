import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './runCli';

const ROOT = path.join(__dirname, '../../..');
const GOOD = '{"key":"a","request":{"contents":[{"parts":[{"text":"Hi"}]}]}}';
const BAD = '{"key":"b","request":{"contents":"Hi"}}';

const run = runCli;

suite('cli: gemini-batch validate', () => {
  let dir: string;
  let good: string;
  let bad: string;
  let warn: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-cli-'));
    good = path.join(dir, 'good.jsonl');
    bad = path.join(dir, 'bad.jsonl');
    warn = path.join(dir, 'warn.jsonl');
    fs.writeFileSync(good, `${GOOD}\n`);
    fs.writeFileSync(bad, `${GOOD}\r\n${BAD}\n`);
    fs.writeFileSync(warn, '{"request":{"contents":[{"parts":[{"text":"Hi"}]}]}}\n');
  });
  suiteTeardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('exit 0 and no diagnostics for a valid file', async () => {
    const { code, out, err } = await run('validate', good);
    assert.equal(code, 0);
    assert.equal(out, '');
    assert.match(err, /good\.jsonl: 1 request \(gemini-generate\), 0 errors, 0 warnings/);
  });

  test('exit 0 with warnings only', async () => {
    const { code, out } = await run('validate', warn);
    assert.equal(code, 0);
    assert.match(out, /warn\.jsonl:1:2: warning: No `key`/);
  });

  test('exit 1 with errors; text lines are file:line:col: severity: message, 1-based', async () => {
    const { code, out } = await run('validate', good, bad);
    assert.equal(code, 1);
    assert.equal(
      out,
      `${bad}:2:34: error: \`contents\` must be an array like [{"parts":[{"text":"…"}]}], not a string\n`,
    );
  });

  test('--format json: one object per file per line, 1-based positions', async () => {
    const { code, out } = await run('validate', '--format', 'json', good, bad);
    assert.equal(code, 1);
    const records = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(records.length, 2);
    assert.deepEqual(records[0], { file: good, kind: 'gemini-generate', lines: 1, requests: 1, diagnostics: [] });
    assert.deepEqual(records[1].diagnostics, [
      {
        line: 2,
        column: 34,
        endLine: 2,
        endColumn: 38,
        severity: 'error',
        code: 'type-mismatch',
        message: '`contents` must be an array like [{"parts":[{"text":"…"}]}], not a string',
      },
    ]);
  });

  test('a JSON Lines file that holds no batch lines is named so, in text and json, and fails (exit 1)', async () => {
    const logs = path.join(ROOT, 'test', 'fixtures', 'validation', 'not-batch', 'http-log.jsonl');
    const text = await run('validate', logs);
    assert.equal(text.code, 1, 'the user asked for a batch file: one with no batch line is an error');
    assert.match(text.err, /http-log\.jsonl: not a batch file, 1 error, 0 warnings/);
    const json = await run('validate', '--format', 'json', logs);
    const record = JSON.parse(json.out) as { notBatch?: boolean; diagnostics: { code: string }[] };
    assert.equal(record.notBatch, true);
    assert.deepEqual(
      record.diagnostics.map((d) => d.code),
      ['not-a-batch-file'],
    );
  });

  test('a results file is named so and is not an error (exit 0), in text and json', async () => {
    const results = path.join(dir, 'out.results.jsonl');
    fs.writeFileSync(
      results,
      '{"response":{"candidates":[]},"key":"a"}\n{"id":"batch_req_1","custom_id":"b","response":null,"error":{"code":"batch_expired","message":"x"}}\n{"error":{"code":3,"message":"m","status":"INVALID_ARGUMENT"},"key":"c"}\n',
    );
    const text = await run('validate', results);
    assert.equal(text.code, 0);
    assert.match(text.err, /out\.results\.jsonl: results file, 0 errors, 0 warnings/);
    assert.match(text.out, /out\.results\.jsonl:1:1: info: Results of a batch job/);
    const json = await run('validate', '--format', 'json', results);
    assert.equal(json.code, 0);
    const record = JSON.parse(json.out) as { results?: boolean; notBatch?: boolean; diagnostics: { code: string }[] };
    assert.equal(record.results, true);
    assert.deepEqual(
      record.diagnostics.map((d) => d.code),
      ['results-file'],
    );
  });

  test('broken batch files fail under --kind auto (exit 1): misspelled envelopes, a truncated line, lines of `{`, an empty file', async () => {
    const cases: Record<string, string> = {
      'reqeust.jsonl': Array.from(
        { length: 5 },
        (_, i) => `{"key":"k${i}","reqeust":{"contents":[{"parts":[{"text":"x"}]}]}}`,
      ).join('\n'),
      'truncated.jsonl': '{"key": "colours", "req',
      'braces.jsonl': Array.from({ length: 1000 }, () => '{').join('\n'),
      'empty.jsonl': '',
    };
    for (const [name, content] of Object.entries(cases)) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      const { code, out, err } = await run('validate', file);
      assert.equal(code, 1, `${name}: ${out}${err}`);
      assert.match(out, /: error: /, name);
    }
  });

  test('a file that is not JSON Lines (Markdown, CSV, a JSON array, pretty-printed JSON, binary) is said once; exit 1', async () => {
    const request = JSON.parse(GOOD) as unknown;
    const cases: [string, string | Buffer, RegExp, RegExp][] = [
      ['README.md', fs.readFileSync(path.join(ROOT, 'README.md')), /most of its first lines are not JSON/, /\(text\)/],
      ['rows.csv', 'key,question\na,"What is ""JSON""?"\nb,Why\n', /most of its first lines are not JSON/, /\(text\)/],
      [
        'array.json',
        JSON.stringify([request, request], null, 2),
        /one JSON array\. .*one request per line/,
        /\(a JSON array\)/,
      ],
      [
        'pretty.json',
        JSON.stringify(request, null, 2),
        /pretty-printed .*one request per line/,
        /\(pretty-printed JSON\)/,
      ],
      [
        'image.png',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        /Not a text file/,
        /not a text file/,
      ],
    ];
    for (const [name, content, message, description] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      const { code, out, err } = await run('validate', file);
      assert.equal(code, 1, name);
      assert.equal(out.split('\n').length, 2, `${name}: one diagnostic line\n${out}`);
      assert.match(out, message, name);
      assert.match(err, new RegExp(`${name}: not .*, 1 error, 0 warnings\n$`), name);
      assert.match(err, description, name);
    }
    const json = await run('validate', '--format', 'json', path.join(dir, 'array.json'));
    const record = JSON.parse(json.out) as { notBatch?: boolean; notJsonLines?: string; diagnostics: unknown[] };
    assert.equal(record.notJsonLines, 'json-array');
    assert.equal(record.diagnostics.length, 1);
  });

  test('--kind overrides detection (also as --kind=K)', async () => {
    const { code, out } = await run('validate', `--kind=openai`, '--format=json', good);
    assert.equal(code, 1);
    const record = JSON.parse(out);
    assert.equal(record.kind, 'openai');
    assert.deepEqual(
      record.diagnostics.map((d: { code: string }) => d.code),
      ['wrong-kind'],
    );
  });

  test('exit 2 on bad usage', async () => {
    for (const argv of [
      [],
      ['validate'],
      ['validate', '--kind', 'claude', good],
      ['validate', '--format', 'xml', good],
      ['validate', '--frob', good],
      ['frobnicate'],
    ]) {
      const { code, err } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.ok(err.length > 0);
    }
  });

  test('exit 2 on an unreadable file, after reporting the others', async () => {
    const { code, out, err } = await run('validate', bad, path.join(dir, 'missing.jsonl'));
    assert.equal(code, 2);
    assert.match(out, /bad\.jsonl:2:34: error/);
    assert.match(err, /cannot read .*missing\.jsonl: ENOENT/);
  });

  test('--help prints the usage and exits 0', async () => {
    const { code, out } = await run('--help');
    assert.equal(code, 0);
    assert.match(out, /^Usage: gemini-batch <command>/);
    assert.match(out, /validate FILE\.\.\./);
    assert.match(out, /emulator/);
  });

  test('--version and -v print the manifest version and exit 0', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const { code, out } = await run(flag);
      assert.equal(code, 0);
      assert.equal(out, `${manifest.version}\n`);
    }
  });

  test('spawned through the real entry point: exit codes and output', function () {
    this.timeout(60_000);
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const result = spawnSync(tsx, [path.join(ROOT, 'src', 'cli.ts'), 'validate', '--format', 'json', bad], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(JSON.parse(result.stdout).diagnostics[0].code, 'type-mismatch');
    const usage = spawnSync(tsx, [path.join(ROOT, 'src', 'cli.ts'), 'validate'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(usage.status, 2);
  });
});
