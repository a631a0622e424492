import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { DocumentValidator, messageFor, validateLine, type Issue } from '../../../../src/core/validation';
import type { BatchKind } from '../../../../src/core/batchKind';
import { hiddenFindings } from '../../../../src/core/validation/compactLength';
import { rawFindings } from '../../../../src/core/validation/rawScan';
import { runCli } from '../../cli/runCli';

const VALID_DIR = path.join(__dirname, '../../../fixtures/validation/valid');
const SEEDS = fs
  .readdirSync(VALID_DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    fs
      .readFileSync(path.join(VALID_DIR, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== ''),
  );
const KINDS: BatchKind[] = ['gemini-generate', 'gemini-embed', 'openai'];
const NASTY_NAMES = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'key',
  'request',
  'contents',
  'custom_id',
  'body',
];
const NASTY_VALUES = [
  '1e400',
  '-1e999',
  `1${'0'.repeat(320)}`,
  '"\\ud800"',
  '"\\udc00x"',
  '"\\ud83d\\ude00"',
  '[[[[[[[[',
  '{"a":1,"a":2}',
  '{}',
  'null',
  '"\\u0000"',
];
const PIECES = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\r', 'e', '1', 'null', '\t', '\u2028', '😀', '\ud800'];

/** One mutation of a line: characters deleted, inserted or duplicated, a nasty name or value spliced in, or nesting. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })),
  }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({
    op: fc.constant('field' as const),
    at: fc.nat(),
    name: fc.constantFrom(...NASTY_NAMES),
    value: fc.constantFrom(...NASTY_VALUES),
  }),
  fc.record({ op: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 3000 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(line: string, m: Mutation): string {
  switch (m.op) {
    case 'delete': {
      const at = m.at % (line.length + 1);
      return line.slice(0, at) + line.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % (line.length + 1);
      return line.slice(0, at) + m.piece + line.slice(at);
    }
    case 'duplicate': {
      const at = m.at % (line.length + 1);
      return line.slice(0, at) + line.slice(at, at + m.length) + line.slice(at);
    }
    case 'field': {
      // After an opening brace, so the line often stays JSON.
      const braces = [...line.matchAll(/\{/g)].map((x) => x.index ?? 0);
      const at = braces.length > 0 ? braces[m.at % braces.length] + 1 : 0;
      return `${line.slice(0, at)}${JSON.stringify(m.name)}:${m.value},${line.slice(at)}`;
    }
    case 'nest':
      return line
        .replace('"text":', `"text":${'['.repeat(m.depth)}`)
        .replace(/("text":\[+)("[^"]*")/, `$1$2${']'.repeat(m.depth)}`);
  }
}

const mutatedLine = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([seed, ms]) => ms.reduce(apply, seed));
const anyLine = fc.oneof(
  { weight: 4, arbitrary: mutatedLine },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.json() },
);

function assertWellPlaced(issues: readonly Issue[], lines: readonly string[], label: string): void {
  for (const issue of issues) {
    const text = lines[issue.line] ?? '';
    assert.ok(issue.line >= 0 && issue.line <= issue.endLine, `${label}: ${JSON.stringify(issue)}`);
    assert.ok(issue.startCol >= 0 && issue.endCol >= 0, `${label}: ${JSON.stringify(issue)}`);
    if (issue.line === issue.endLine) {
      assert.ok(
        issue.startCol <= issue.endCol && issue.endCol <= Math.max(text.length, 1),
        `${label}: ${JSON.stringify(issue)} in ${JSON.stringify(text.slice(0, 200))}`,
      );
    }
    assert.equal(typeof messageFor(issue), 'string');
  }
}

suite('validation: properties (fast-check)', () => {
  test('validateLine never throws, and every issue lies inside its line', () => {
    fc.assert(
      fc.property(anyLine, fc.constantFrom(...KINDS), (line, kind) => {
        const issues = validateLine(kind, line, 3);
        assert.ok(issues.every((i) => i.line === 3));
        assertWellPlaced(
          issues.map((i) => ({ ...i, line: 0, endLine: i.endLine - 3 })),
          [line],
          `${kind} ${line.slice(0, 300)}`,
        );
      }),
      { numRuns: 400 },
    );
  });

  test('the compact-length gate never hides what the raw scan finds', () => {
    const number = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer(),
      fc.constantFrom('1e400', '1000', '1e3', '0.001', '1E-3', '-0', '100', '12000'),
    );
    const json = fc.oneof(
      fc.json().map((j) => j),
      fc.tuple(fc.json(), fc.json()).map(([a, b]) => `{"a":${a},"a":${b}}`),
      fc
        .tuple(fc.string({ maxLength: 3 }), number, number)
        .map(([k, x, y]) => `{${JSON.stringify(k)}:${String(x)},"k":[${String(y)}]}`),
      mutatedLine,
    );
    fc.assert(
      fc.property(json, (text) => {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          return;
        }
        assert.deepEqual(hiddenFindings(text, value), rawFindings(text), text);
      }),
      { numRuns: 1000 },
    );
  });

  test('a name given twice in one object is always found, whatever the values around it', () => {
    fc.assert(
      fc.property(fc.json(), fc.json(), fc.string({ maxLength: 4 }), (a, b, name) => {
        const key = JSON.stringify(name);
        const text = `{${key}:${a}, ${key} :${b}}`;
        assert.ok(
          hiddenFindings(text, JSON.parse(text)).some((f) => f.kind === 'duplicate-name'),
          text,
        );
      }),
      { numRuns: 300 },
    );
  });

  test('DocumentValidator after random edits has the issues of a fresh validation of the final text', () => {
    const edit = fc.record({
      at: fc.nat(),
      deleted: fc.integer({ min: 0, max: 3 }),
      inserted: fc.array(anyLine, { maxLength: 3 }),
      steps: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SEEDS), { minLength: 1, maxLength: 8 }),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (start, edits) => {
          const lines = [...start];
          const v = new DocumentValidator({ maxIssues: 10_000 });
          v.setText(lines.join('\n'));
          for (const e of edits) {
            const at = e.at % (lines.length + 1);
            const deleted = Math.min(e.deleted, lines.length - at);
            lines.splice(at, deleted, ...e.inserted);
            v.applyChange(at, deleted, e.inserted);
            for (let s = 0; s < e.steps; s++) {
              v.step(5);
            }
          }
          while (!v.step(1000)) {
            /* until done */
          }
          const fresh = new DocumentValidator({ maxIssues: 10_000 });
          fresh.setText(lines.join('\n'));
          while (!fresh.step(1000)) {
            /* until done */
          }
          const issues = v.issues();
          assert.deepEqual(issues, fresh.issues());
          assertWellPlaced(issues, lines, 'document');
        },
      ),
      { numRuns: 120 },
    );
  });

  test('the CLI exits 0 or 1 with one documented JSON record per file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-props-'));
    try {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(anyLine, { minLength: 0, maxLength: 12 }),
          fc.constantFrom('auto', ...KINDS),
          fc.constantFrom('\n', '\r\n', '\r'),
          async (lines, kind, eol) => {
            const file = path.join(dir, `f${n++}.jsonl`);
            fs.writeFileSync(file, lines.join(eol));
            const { code, out, err } = await runCli('validate', '--format', 'json', '--kind', kind, file);
            assert.ok(code === 0 || code === 1, `exit ${code}: ${err}`);
            const records = out.trim().split('\n');
            assert.equal(records.length, 1);
            const record = JSON.parse(records[0]) as {
              file: string;
              kind: string;
              lines: number;
              requests: number;
              diagnostics: {
                line: number;
                column: number;
                endLine: number;
                endColumn: number;
                severity: string;
                code: string;
                message: string;
              }[];
            };
            assert.equal(record.file, file);
            assert.ok(KINDS.includes(record.kind as BatchKind));
            assert.ok(Number.isInteger(record.lines) && Number.isInteger(record.requests));
            for (const d of record.diagnostics) {
              assert.ok(d.line >= 1 && d.column >= 1 && d.endLine >= d.line && d.endColumn >= 1, JSON.stringify(d));
              assert.ok(
                ['error', 'warning', 'info'].includes(d.severity) && d.code.length > 0 && d.message.length > 0,
                JSON.stringify(d),
              );
            }
            assert.equal(
              code === 1,
              record.diagnostics.some((d) => d.severity === 'error'),
            );
          },
        ),
        { numRuns: 80 },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
