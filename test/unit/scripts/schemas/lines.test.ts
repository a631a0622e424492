import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compile, firstError, FIXTURES, Json, readLines, REPO_ROOT, SCHEMA_NAMES, SchemaName } from './schemaKit';

function instanceAt(value: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);
}

/** Every fixture line of `valid-<kind>.jsonl` passes and every line of `invalid-<kind>.jsonl` fails. */
for (const kind of SCHEMA_NAMES) {
  suite(`schemas: ${kind} lines`, () => {
    const validate = compile(kind);

    for (const { line, value, text } of readLines(`valid-${kind}.jsonl`)) {
      test(`valid line ${line}: ${text.slice(0, 70)}`, () => {
        assert.equal(validate(value), true, firstError(validate));
      });
    }

    const expectations = (
      JSON.parse(fs.readFileSync(path.join(FIXTURES, 'invalid-expectations.json'), 'utf8')) as Record<
        string,
        string[][]
      >
    )[kind];
    const invalid = readLines(`invalid-${kind}.jsonl`);
    test('every invalid line has an expectation', () => assert.equal(expectations.length, invalid.length));
    invalid.forEach(({ line, value, text }, i) => {
      test(`invalid line ${line}: ${text.slice(0, 70)}`, () => {
        assert.equal(validate(value), false, 'expected a validation error');
        const [instancePath, keyword, param] = expectations[i];
        const e = validate.errors?.[0];
        assert.equal(e?.instancePath, instancePath, firstError(validate));
        assert.equal(e?.keyword, keyword, firstError(validate));
        // The offending name or value: the property for required/additionalProperties, the instance otherwise.
        const p = e?.params as { missingProperty?: string; additionalProperty?: string; type?: string } | undefined;
        const actual =
          p?.missingProperty ??
          p?.additionalProperty ??
          (keyword === 'type' ? p?.type : instanceAt(value, instancePath));
        assert.equal(actual, param, firstError(validate));
      });
    });
  });
}

suite('schemas: lines of another format', () => {
  test('an Anthropic batch line fails against all three kinds', function () {
    this.timeout(30_000);
    const [{ value }] = readLines('anthropic.jsonl');
    for (const kind of SCHEMA_NAMES) {
      assert.equal(compile(kind)(value), false, kind);
    }
  });

  test('a Gemini line fails as openai and an OpenAI line fails as Gemini', function () {
    this.timeout(30_000);
    const gemini = readLines('valid-gemini-generate.jsonl')[0].value;
    const openai = readLines('valid-openai.jsonl')[0].value;
    assert.equal(compile('openai')(gemini), false);
    for (const kind of ['gemini-generate', 'gemini-embed'] as SchemaName[]) {
      assert.equal(compile(kind)(openai), false, kind);
    }
  });
});

suite('schemas: example lines of the shared reference (vendored in reference/)', () => {
  const reference = path.join(REPO_ROOT, 'reference');
  const sources = [
    path.join(reference, 'batch-api.md'),
    path.join(reference, 'real-output', 'openai-batch-input-spec-example.jsonl'),
  ];
  const seeds = path.join(reference, 'seeds');
  if (fs.existsSync(seeds)) {
    sources.push(...fs.readdirSync(seeds).map((f) => path.join(seeds, f)));
  }

  /** Whole JSON batch lines quoted in a document (placeholders such as `<your id>` do not parse and are skipped). */
  function exampleLines(file: string): unknown[] {
    const text = fs.readFileSync(file, 'utf8');
    const out: unknown[] = [];
    for (const m of text.matchAll(/\{"(?:key|custom_id)":[^`\n]*\}/g)) {
      try {
        out.push(JSON.parse(m[0]));
      } catch {
        // a placeholder or a fragment, not a line
      }
    }
    return out;
  }

  function kindOf(line: Json): SchemaName {
    if ('custom_id' in line) {
      return 'openai';
    }
    return 'content' in ((line.request ?? {}) as Json) ? 'gemini-embed' : 'gemini-generate';
  }

  test('every quoted example line is valid for its kind', function () {
    this.timeout(30_000);
    const validators = new Map(SCHEMA_NAMES.map((k) => [k, compile(k)]));
    let checked = 0;
    for (const file of sources.filter((f) => fs.existsSync(f))) {
      for (const line of exampleLines(file)) {
        const kind = kindOf(line as Json);
        const validate = validators.get(kind)!;
        assert.equal(
          validate(line),
          true,
          `${path.basename(file)} ${kind}: ${JSON.stringify(line)}: ${firstError(validate)}`,
        );
        checked++;
      }
    }
    assert.ok(checked >= 9, `only ${checked} example lines found`);
  });
});
