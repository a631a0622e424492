import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { messageFor, validateFile, validateLine, validateText, type Issue } from '../../../../src/core/validation';
import type { BatchKind } from '../../../../src/core/batchKind';
import { runCli } from '../../cli/runCli';
import { paramOf } from './paramOf';

const ROOT = path.join(__dirname, '../../../..');
const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
];
const GOOD = '{"key":"a","request":{"contents":[{"parts":[{"text":"x"}]}]}}';

/** Lines with `name` as a field at several depths of each kind. */
function linesWithName(name: string): [BatchKind, string][] {
  const n = JSON.stringify(name);
  return [
    ['gemini-generate', `{"key":"a","request":{"contents":[{"parts":[{"text":"x"}]}],${n}:1}}`],
    ['gemini-generate', `{"key":"a","request":{"contents":[{"parts":[{"text":"x",${n}:{"a":1}}]}]}}`],
    ['gemini-generate', `{"key":"a","request":{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{${n}:[1]}}}`],
    ['gemini-generate', `{${n}:1,"key":"a","request":{"contents":[{"parts":[{"text":"x"}]}]}}`],
    ['gemini-generate', `{"key":"a","request":{${n}:{"contents":1}}}`],
    ['gemini-embed', `{"key":"a","request":{"content":{"parts":[{"text":"x"}]},${n}:"x"}}`],
    [
      'openai',
      `{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"x"}],${n}:1}}`,
    ],
    [
      'openai',
      `{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"x",${n}:1}]}}`,
    ],
    ['openai', `{"custom_id":"a","method":"POST","url":"/v1/embeddings","body":{"model":"m","input":"x",${n}:true}}`],
  ];
}

function inside(issue: Issue, text: string): boolean {
  return (
    issue.startCol >= 0 && issue.endCol <= text.length && issue.startCol <= issue.endCol && issue.line === issue.endLine
  );
}

suite('validation: hard to break', () => {
  test('a field named like an Object.prototype member is treated as any unknown name, never a crash', () => {
    const control = linesWithName('zzUnknown').map(([kind, line]) => validateLine(kind, line, 0));
    assert.ok(control.filter((issues) => issues.some((i) => i.code === 'unknown-field')).length >= 7);
    for (const name of PROTOTYPE_NAMES) {
      for (const [k, [kind, line]] of linesWithName(name).entries()) {
        const issues = validateLine(kind, line, 0);
        const expected = control[k].map((i) => (i.code === 'unknown-field' ? `${i.code}:${name}` : i.code));
        assert.deepEqual(
          issues.map((i) => (i.code === 'unknown-field' ? `${i.code}:${String(i.params.field)}` : i.code)),
          expected,
          `${kind} ${line}`,
        );
        for (const issue of issues) {
          assert.ok(inside(issue, line), `${line}: ${JSON.stringify(issue)}`);
          assert.equal(typeof messageFor(issue), 'string');
        }
      }
    }
  });

  test('a prototype name as a field is an unknown field in a whole file too (the CLI, --kind openai)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-hard-'));
    try {
      const file = path.join(dir, 'proto.jsonl');
      fs.writeFileSync(
        file,
        `${linesWithName('constructor')
          .filter(([k]) => k === 'openai')
          .map(([, l]) => l)
          .join('\n')}\n`,
      );
      const { code, out, err } = await runCli('validate', '--kind', 'openai', '--format', 'json', file);
      assert.equal(code, 1, err);
      const record = JSON.parse(out) as { diagnostics: { code: string }[] };
      assert.ok(record.diagnostics.some((d) => d.code === 'unknown-field'));
      assert.doesNotMatch(err, /EIO/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a failure inside validation is not reported as a read error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-hard-'));
    try {
      const file = path.join(dir, 'a.jsonl');
      fs.writeFileSync(file, `${GOOD}\n`);
      class Boom extends Error {}
      await assert.rejects(
        validateFile(file, {
          onProgress: () => {
            throw new Boom('boom');
          },
        }),
        (e: unknown) => e instanceof Boom,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('past the cap on kept issues, the dropped issues are counted as if they were kept', () => {
    const lines = [
      '{"key":"a","request":{"contnts":[{"parts":[{"text":"x"}]}]}}',
      '{"key":"b","request":{"contents":[{"role":"assistant","parts":[{"txt":"x"}]}],"generationConfig":{"temperature":"hot","topK":"x"}}}',
      '{"key":"c","request":{"contents":"x","tools":[{"functionDeclarations":[{"name":1}]}]}}',
      '{"custom_id":"x"}',
      '{"request":{"contents":[{"parts":[{"text":1,"inlineData":{"data":2}}]}]}}',
    ];
    const text = Array.from({ length: 40 }, (_, i) =>
      lines[i % lines.length].replace(/"key":"(\w)"/, `"key":"$1${i}"`),
    ).join('\n');
    const all = validateText(text, { maxIssues: 100_000 });
    assert.equal(all.issuesDropped, undefined);
    for (const cap of [1, 7, 30]) {
      const capped = validateText(text, { maxIssues: cap });
      assert.equal(capped.issues.length, cap);
      assert.equal(capped.issues.length + (capped.issuesDropped ?? 0), all.issues.length, `cap ${cap}`);
    }
  });

  test('a duplicate property name is an error on the second name, pointing at the first', () => {
    const line = '{"key":"a","request":{"contnts":1},"request":{"contents":[{"parts":[{"text":"x"}]}]}}';
    const issues = validateLine('gemini-generate', line, 0);
    const dup = issues.find((i) => i.code === 'duplicate-name');
    assert.ok(dup, JSON.stringify(issues));
    assert.equal(dup.severity, 'error');
    assert.equal(line.slice(dup.startCol, dup.endCol), '"request"');
    assert.equal(dup.startCol, line.lastIndexOf('"request"'));
    assert.equal(dup.related?.[0].startCol, line.indexOf('"request"'));
    // Names equal once decoded, nested objects, and the same name in sibling objects (not a duplicate).
    assert.ok(
      validateLine(
        'gemini-generate',
        '{"key":"a","request":{"contents":[{"parts":[{"text":"x","te\\u0078t":"y"}]}]}}',
        0,
      ).some((i) => i.code === 'duplicate-name'),
    );
    assert.deepEqual(
      validateLine('gemini-generate', '{"key":"a","request":{"contents":[{"parts":[{"text":"x"},{"text":"y"}]}]}}', 0),
      [],
    );
    assert.deepEqual(
      validateLine(
        'gemini-generate',
        '{ "key" : "a" , "request" : { "contents" : [ { "parts" : [ { "text" : "x" } ] } ] } }',
        0,
      ),
      [],
    );
  });

  test('numbers past a double, lone surrogate escapes: errors at the token', () => {
    const big =
      '{"key":"a","request":{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"temperature":1e400}}}';
    const [inf] = validateLine('gemini-generate', big, 0);
    assert.equal(inf.code, 'non-finite-number');
    assert.equal(big.slice(inf.startCol, inf.endCol), '1e400');
    assert.equal(
      validateLine('gemini-generate', big.replace('1e400', `1${'0'.repeat(400)}`), 0)[0]?.code,
      'non-finite-number',
    );
    assert.deepEqual(
      validateLine('gemini-generate', big.replace('1e400', '1e300'), 0).filter((i) => i.code === 'non-finite-number'),
      [],
    );
    for (const escape of ['\\ud800', '\\uDFFF', '\\ud83d x']) {
      const line = GOOD.replace('"x"', `"a${escape}"`);
      const issues = validateLine('gemini-generate', line, 0);
      assert.equal(issues[0]?.code, 'lone-surrogate', line);
      assert.equal(line.slice(issues[0].startCol, issues[0].endCol).toLowerCase(), escape.slice(0, 6).toLowerCase());
    }
    assert.deepEqual(validateLine('gemini-generate', GOOD.replace('"x"', '"\\ud83d\\ude00 \\\\ud800"'), 0), []);
  });

  test('a CR-only file says so', () => {
    const summary = validateText(`${GOOD}\r${GOOD.replace('"a"', '"b"')}\r`);
    assert.equal(summary.issues.length, 1);
    assert.equal(paramOf(summary.issues[0], 'hint'), 'cr-line-breaks');
    assert.match(messageFor(summary.issues[0]), /CR/);
  });

  test('one hostile line stays within a small multiple of its size (20 MB lines on a 256 MB heap)', () => {
    const script = [
      "const { validateLine, validateText } = require('./src/core/validation');",
      'const n = 20 * 1024 * 1024;',
      "const shapes = { open: '['.repeat(n), closed: '['.repeat(n / 2) + ']'.repeat(n / 2), wide: '[' + '[],'.repeat(n / 3) + '[]]' };",
      'const out = {};',
      'for (const [name, text] of Object.entries(shapes)) { out[name] = validateLine("gemini-generate", text, 0).map((i) => i.code); }',
      // With kind detection (the CLI's default) the first lines are parsed to vote: the same limits apply.
      `out.auto = validateText(${JSON.stringify(GOOD)} + '\\n' + shapes.open + '\\n').issues.map((i) => i.code);`,
      'out.rssMb = process.resourceUsage().maxRSS / 1024;',
      'process.stdout.write(JSON.stringify(out));',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--max-old-space-size=256', '--require', 'tsx/cjs', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(child.status, 0, child.stderr.slice(-800));
    const out = JSON.parse(child.stdout) as Record<string, unknown>;
    assert.deepEqual(out.open, ['too-deep']);
    assert.deepEqual(out.closed, ['too-deep']);
    assert.deepEqual(out.wide, ['too-many-values']);
    assert.deepEqual(out.auto, ['too-deep']);
    assert.ok((out.rssMb as number) < 400, `peak RSS ${String(out.rssMb)} MB`);
  });
});
