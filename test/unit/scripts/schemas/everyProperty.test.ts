/**
 * Generated from the schemas themselves: for every object reachable from each line schema, and every property of it
 * (both spellings where the schema has a camelCase/snake_case pair), the *compiled* validator (what the extension,
 * the CLI and the emulator run: scripts/compile-validators.js output) accepts a minimal valid line that uses the
 * property, and still rejects an unknown sibling where the object is closed. Guards against a compile step that
 * loses properties (it once dropped every property named `description` or `title`; issue 7).
 */
import * as assert from 'node:assert/strict';
import { compiledSchema } from '../../../../src/core/schema/validators';
import { validateLine } from '../../../../src/core/validation';
import { Json, loadSchema, SCHEMA_NAMES } from './schemaKit';
import { escapePointer, SchemaValues } from './schemaValues';

const UNKNOWN = 'zzUnknownSibling';

interface Case {
  /** The object's JSON pointer in the schema, and the property. */
  at: string;
  prop: string;
  line: unknown;
  /** The same line with an unknown property beside `prop`; only for closed objects. */
  sibling?: unknown;
  /** The same line with a value of `prop` the source schema rejects, when one of a few tries is wrong. */
  wrong?: unknown;
}

/** Values to try as wrong ones: one of them is of a type the property does not take, unless it takes anything. */
const WRONG_TRIES: unknown[] = [true, 0.5, 'zz not valid', [{}], { [UNKNOWN]: 1 }, null];

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Walks every node reachable from the root (each resolved node once), carrying a builder that turns a value for the
 * current node into a whole line, and records one case per property of every object.
 */
function collectCases(values: SchemaValues): { cases: Case[]; visited: Set<string> } {
  const visited = new Set<string>();
  const cases: Case[] = [];
  const objectValue = (p: string): Json => {
    const v = values.valueFor(p);
    return isObject(v) ? v : values.baseObject(p);
  };
  const walk = (pointer: string, build: (v: unknown) => unknown): void => {
    const p = values.resolve(pointer);
    const node = values.at(p);
    if (visited.has(p) || !isObject(node)) {
      return;
    }
    visited.add(p);
    const props = isObject(node.properties) ? node.properties : {};
    for (const name of Object.keys(props)) {
      const at = `${p}/properties/${escapePointer(name)}`;
      const base = objectValue(p);
      // A required property already has its value, possibly one a condition chose (the body of the line's url).
      const value = name in base ? base[name] : values.valueFor(at);
      // "Exactly one of a or b" objects: with `b` added, the `a` a union branch chose has to go.
      const tries = [
        { ...base, [name]: value },
        { ...values.baseObject(p), [name]: value },
      ];
      const withProp = tries.find((o) => values.accepts('#', build(o))) ?? tries[0];
      const closed = node.additionalProperties === false;
      const wrong = WRONG_TRIES.map((w) => build({ ...base, [name]: w })).find((l) => !values.accepts('#', l));
      cases.push({
        at: p,
        prop: name,
        line: build(withProp),
        sibling: closed ? build({ ...withProp, [UNKNOWN]: 1 }) : undefined,
        wrong,
      });
      walk(at, (v) => build({ ...objectValue(p), [name]: v }));
    }
    if (isObject(node.additionalProperties)) {
      walk(`${p}/additionalProperties`, (v) => build({ ...objectValue(p), extra: v }));
    }
    if (isObject(node.items)) {
      const filler = values.valueFor(`${p}/items`);
      const n = typeof node.minItems === 'number' ? node.minItems : 1;
      walk(`${p}/items`, (v) => build([v, ...Array.from({ length: Math.max(0, n - 1) }, () => filler)]));
    }
    for (const union of ['anyOf', 'oneOf'] as const) {
      ((node[union] as unknown[] | undefined) ?? []).forEach((_b, i) => {
        walk(`${p}/${union}/${i}`, (v) => build(isObject(v) ? { ...values.baseObject(p), ...v } : v));
      });
    }
    ((node.allOf as unknown[] | undefined) ?? []).forEach((member, i) => {
      if (isObject(member) && isObject(member.if)) {
        // Inside a condition's `then`, the value must also meet its `if` (the discriminator value, the url).
        const chosen = values.valueFor(`${p}/allOf/${i}/if`) as Json;
        walk(`${p}/allOf/${i}/then`, (v) => build({ ...values.baseObject(p), ...(isObject(v) ? v : {}), ...chosen }));
      } else {
        walk(`${p}/allOf/${i}`, (v) => build({ ...objectValue(p), ...(isObject(v) ? v : {}) }));
      }
    });
  };
  walk('#', (v) => v);
  return { cases, visited };
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

for (const kind of SCHEMA_NAMES) {
  suite(`schemas: the compiled ${kind} validator keeps every property`, () => {
    const root = loadSchema(kind);
    const values = new SchemaValues(root);
    const compiled = compiledSchema(kind);
    let walked: ReturnType<typeof collectCases> | undefined;
    const cases = (): ReturnType<typeof collectCases> => (walked ??= collectCases(values));

    test('the walk reaches every definition that has properties', function () {
      this.timeout(120_000);
      const { visited, cases: all } = cases();
      const definitions = root.definitions as Record<string, Json>;
      const missed = Object.keys(definitions).filter(
        (d) => isObject(definitions[d].properties) && !visited.has(`#/definitions/${escapePointer(d)}`),
      );
      assert.deepEqual(missed, []);
      assert.ok(all.length > 100, `only ${all.length} properties`);
    });

    test('the generated lines are valid by the source schema (else the generator needs teaching)', function () {
      this.timeout(120_000);
      const bad = cases().cases.filter((c) => !values.accepts('#', c.line));
      assert.deepEqual(
        bad.map((c) => `${c.at} ${c.prop}: ${show(c.line)}`),
        [],
      );
    });

    test('every property, in each spelling, is accepted by the compiled validator', function () {
      this.timeout(120_000);
      const rejected = cases().cases.filter((c) => !compiled.isValid(c.line));
      const detail = rejected
        .slice(0, 20)
        .map(
          (c) =>
            `${c.at} ${c.prop}: ${show(compiled.allErrors(c.line).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`))}`,
        );
      assert.equal(rejected.length, 0, `${rejected.length} properties rejected:\n${detail.join('\n')}`);
    });

    test('a wrong value of every property is rejected, as the source schema rejects it (open objects too)', function () {
      this.timeout(120_000);
      const withWrong = cases().cases.filter((c) => c.wrong !== undefined);
      assert.ok(withWrong.length > cases().cases.length / 2, `only ${withWrong.length} properties got a wrong value`);
      const accepted = withWrong.filter((c) => compiled.isValid(c.wrong));
      assert.deepEqual(
        accepted.map((c) => `${c.at} ${c.prop}: ${show(c.wrong)}`),
        [],
      );
    });

    test('both spellings of every alias pair are among the properties tested', function () {
      this.timeout(120_000);
      const tested = new Set(cases().cases.map((c) => `${c.at} ${c.prop}`));
      let pairs = 0;
      for (const c of cases().cases) {
        const node = values.at(`${c.at}/properties/${escapePointer(c.prop)}`) as Json;
        if (typeof node['x-alias'] === 'string') {
          pairs++;
          assert.ok(
            tested.has(`${c.at} ${node['x-alias']}`),
            `${c.at}: ${c.prop} names ${node['x-alias']}, which was not tested`,
          );
        }
      }
      assert.ok(kind === 'openai' ? pairs === 0 : pairs > 50, `${pairs} alias entries`);
    });

    test('an unknown sibling of any property of a closed object is rejected', function () {
      this.timeout(120_000);
      const closed = cases().cases.filter((c) => c.sibling !== undefined);
      assert.ok(closed.length > 10, `only ${closed.length} closed-object properties`);
      const accepted = closed.filter((c) => compiled.isValid(c.sibling));
      // Where a union has an open branch the reference accepts the sibling too; the compiled validator must agree.
      const wrongly = accepted.filter((c) => !values.accepts('#', c.sibling));
      assert.deepEqual(
        wrongly.map((c) => `${c.at} ${c.prop}`),
        [],
      );
      if (kind !== 'openai') {
        assert.deepEqual(
          accepted.map((c) => `${c.at} ${c.prop}`),
          [],
        );
      }
    });
  });
}

suite('schemas: the lines issue 7 found marked wrongly', () => {
  test('a function declaration with a description and an embedding request with a title get no error', () => {
    const fn = {
      key: 'f',
      request: {
        contents: [{ parts: [{ text: 'Weather in Paris?' }] }],
        tools: [
          {
            functionDeclarations: [
              {
                name: 'get_weather',
                description: 'Gets the weather',
                parameters: { type: 'OBJECT', properties: { city: { type: 'STRING', description: 'The city' } } },
              },
            ],
          },
        ],
      },
    };
    const embed = {
      key: 'e',
      request: { content: { parts: [{ text: 'Some text' }] }, taskType: 'RETRIEVAL_DOCUMENT', title: 'A title' },
    };
    assert.deepEqual(
      validateLine('gemini-generate', JSON.stringify(fn), 0).filter((i) => i.severity === 'error'),
      [],
    );
    assert.deepEqual(
      validateLine('gemini-embed', JSON.stringify(embed), 0).filter((i) => i.severity === 'error'),
      [],
    );
    const openaiTool = {
      custom_id: 'o',
      method: 'POST',
      url: '/v1/chat/completions',
      body: {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'x' }],
        tools: [{ type: 'function', function: { name: 'f', description: 'd' } }],
      },
    };
    assert.deepEqual(
      validateLine('openai', JSON.stringify(openaiTool), 0).filter((i) => i.severity === 'error'),
      [],
    );
    const badDescription = {
      ...openaiTool,
      body: { ...openaiTool.body, tools: [{ type: 'function', function: { name: 'f', description: 5 } }] },
    };
    assert.equal(
      validateLine('openai', JSON.stringify(badDescription), 0).some((i) => i.severity === 'error'),
      true,
      'the description keeps its type',
    );
  });
});
