import * as assert from 'node:assert/strict';
import { boundIntegers } from '../../../../scripts/schemaSources/integerRanges';
import { JsonSchema } from '../../../../scripts/schemaSources/jsonSchema';
import { compiledSchema } from '../../../../src/core/schema/validators';
import { IssueCode, validateLine } from '../../../../src/core/validation';
import { Json, loadSchema } from './schemaKit';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function generationLine(config: Record<string, unknown>): string {
  return JSON.stringify({ key: 'k', request: { contents: [{ parts: [{ text: 'x' }] }], generationConfig: config } });
}

function embedLine(fields: Record<string, unknown>): string {
  return JSON.stringify({ key: 'k', request: { content: { parts: [{ text: 'x' }] }, ...fields } });
}

/** Every integer-typed node of a schema, with its JSON pointer. */
function integerNodes(node: unknown, at: string, out: Array<[string, Json]> = []): Array<[string, Json]> {
  if (Array.isArray(node)) {
    node.forEach((n, i) => integerNodes(n, `${at}/${i}`, out));
  } else if (typeof node === 'object' && node !== null) {
    const s = node as Json;
    if (s.type === 'integer' || (Array.isArray(s.type) && s.type.includes('integer'))) {
      out.push([at, s]);
    }
    for (const [k, v] of Object.entries(s)) {
      if (!['enum', 'const', 'default', 'examples', 'x-example', 'defaultSnippets', 'required'].includes(k)) {
        integerNodes(v, `${at}/${k}`, out);
      }
    }
  }
  return out;
}

suite('schemas: Gemini integer fields hold what their proto type holds', () => {
  for (const kind of ['gemini-generate', 'gemini-embed'] as const) {
    test(`${kind}: every integer field has the bounds of a proto integer type`, () => {
      const nodes = integerNodes(loadSchema(kind).definitions, '#/definitions');
      assert.ok(nodes.length >= 4, `only ${nodes.length} integer fields`);
      for (const [at, node] of nodes) {
        assert.equal(typeof node.minimum, 'number', `${at} has no minimum`);
        assert.ok(
          typeof node.maximum === 'number' || typeof node.exclusiveMaximum === 'number',
          `${at} has no maximum`,
        );
        assert.ok(
          (node.minimum as number) >= -(2 ** 63) && ((node.maximum ?? node.exclusiveMaximum) as number) <= 2 ** 64,
          at,
        );
      }
    });
  }

  test('int32 fields take -2^31..2^31-1 in both spellings, and still take digit strings', () => {
    const generate = compiledSchema('gemini-generate');
    const embed = compiledSchema('gemini-embed');
    for (const field of ['maxOutputTokens', 'max_output_tokens', 'candidateCount', 'topK', 'seed', 'logprobs']) {
      assert.equal(generate.isValid(JSON.parse(generationLine({ [field]: INT32_MAX }))), true, field);
      assert.equal(generate.isValid(JSON.parse(generationLine({ [field]: INT32_MIN }))), true, field);
      assert.equal(generate.isValid(JSON.parse(generationLine({ [field]: INT32_MAX + 1 }))), false, field);
      assert.equal(generate.isValid(JSON.parse(generationLine({ [field]: INT32_MIN - 1 }))), false, field);
      assert.equal(generate.isValid(JSON.parse(generationLine({ [field]: '100' }))), true, `${field} as a string`);
    }
    for (const budget of ['thinkingBudget', 'thinking_budget']) {
      assert.equal(generate.isValid(JSON.parse(generationLine({ thinkingConfig: { [budget]: 1e30 } }))), false, budget);
      assert.equal(generate.isValid(JSON.parse(generationLine({ thinkingConfig: { [budget]: -1 } }))), true, budget);
    }
    for (const dims of ['outputDimensionality', 'output_dimensionality']) {
      assert.equal(embed.isValid(JSON.parse(embedLine({ [dims]: 768 }))), true, dims);
      assert.equal(embed.isValid(JSON.parse(embedLine({ [dims]: 99_999_999_999 }))), false, dims);
    }
  });

  test('an out-of-range value is an error on the value itself', () => {
    const text = generationLine({ maxOutputTokens: 2147483648 });
    const issues = validateLine('gemini-generate', text, 0);
    assert.equal(issues.length, 1, JSON.stringify(issues));
    const [issue] = issues;
    assert.equal(issue.severity, 'error');
    assert.equal(issue.code, IssueCode.InvalidValue);
    assert.equal(text.slice(issue.startCol, issue.endCol), '2147483648');
  });

  test("the bounds follow the proto type: discovery format first, unknown types get any proto integer's range", () => {
    const definitions: Record<string, JsonSchema> = {
      Config: {
        type: 'object',
        properties: {
          bigCount: { type: 'integer', 'x-alias': 'big_count' },
          big_count: { type: 'integer', 'x-alias': 'bigCount' },
          unsignedThing: { type: 'integer' },
          mystery: { type: 'integer' },
          sizes: { type: 'array', items: { type: 'integer' } },
          label: { type: 'string' },
        },
      },
    };
    const doc = {
      schemas: {
        Config: {
          properties: {
            bigCount: { type: 'string', format: 'int64' },
            unsignedThing: { type: 'integer', format: 'uint32' },
            sizes: { type: 'array', format: 'int32' },
          },
        },
      },
    };
    const unknown = boundIntegers(definitions, doc);
    const p = definitions.Config.properties as Record<string, JsonSchema>;
    assert.deepEqual([p.bigCount.minimum, p.bigCount.exclusiveMaximum], [-(2 ** 63), 2 ** 63]);
    assert.deepEqual([p.big_count.minimum, p.big_count.exclusiveMaximum], [-(2 ** 63), 2 ** 63]);
    assert.deepEqual([p.unsignedThing.minimum, p.unsignedThing.maximum], [0, 2 ** 32 - 1]);
    assert.deepEqual([p.mystery.minimum, p.mystery.exclusiveMaximum], [-(2 ** 63), 2 ** 64]);
    assert.deepEqual(
      [(p.sizes.items as JsonSchema).minimum, (p.sizes.items as JsonSchema).maximum],
      [INT32_MIN, INT32_MAX],
    );
    assert.equal(p.label.minimum, undefined);
    assert.deepEqual(unknown, ['Config.mystery']);
  });
});
