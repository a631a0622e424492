import * as assert from 'node:assert/strict';
import { JsonSchema } from '../../../../scripts/schemaSources/jsonSchema';
import { OPENAI_GAP_DESCRIPTIONS } from '../../../../scripts/schemaSources/openaiGapDescriptions';
import { describeOpenAi } from '../../../../scripts/schemaSources/openapiDescriptions';

function props(def: JsonSchema): Record<string, JsonSchema> {
  return def.properties as Record<string, JsonSchema>;
}

suite('schemas: OpenAI description sources', () => {
  function build(): Record<string, JsonSchema> {
    return {
      Nullable: { anyOf: [{ type: 'string', description: 'From the branch.' }, { type: 'null' }] },
      Titled: { type: 'object', title: 'Titled thing' },
      Bare: { type: 'string', enum: ['a'] },
      LogProb: {
        type: 'object',
        properties: {
          own: { type: 'string', description: 'Own words.' },
          branch: { anyOf: [{ type: 'integer', description: 'Branch words.' }, { type: 'null' }] },
          titled: { type: 'string', title: 'A title' },
          viaRef: { anyOf: [{ $ref: '#/definitions/Nullable' }, { type: 'null' }] },
          bareRef: { $ref: '#/definitions/Nullable' },
          token: { type: 'string' },
          nested: { type: 'object', description: 'x', properties: { deep: { type: 'string' } } },
          conditional: {
            allOf: [
              { if: { properties: { kind: { const: 'a' } } }, then: { properties: { kind: { type: 'string' } } } },
            ],
          },
        },
      },
    };
  }

  test("prefers the property's own words, then its branches, title, a referenced definition, then the gap table", () => {
    const defs = build();
    const result = describeOpenAi(defs);
    const p = props(defs.LogProb);
    assert.equal(p.own.description, 'Own words.');
    assert.equal(p.branch.description, 'Branch words.');
    assert.equal(p.titled.description, 'A title');
    assert.equal(p.viaRef.description, 'From the branch.');
    assert.equal(p.token.description, OPENAI_GAP_DESCRIPTIONS['LogProb.token']);
    assert.ok(result.missing.includes('LogProb.deep'), JSON.stringify(result.missing));
    assert.ok(result.missing.includes('LogProb.kind'));
    assert.ok(!result.unusedGaps.includes('LogProb.token'));
    assert.ok(result.unusedGaps.includes('LogProb.logprob'));
  });

  test('a bare $ref stays bare; its definition is described from its branches or title instead', () => {
    const defs = build();
    describeOpenAi(defs);
    assert.equal(props(defs.LogProb).bareRef.description, undefined);
    assert.equal(defs.Nullable.description, 'From the branch.');
    assert.equal(defs.Titled.description, 'Titled thing');
    assert.equal(defs.Bare.description, undefined);
  });

  test('never describes the properties of an `if` condition (they are tests, not declarations)', () => {
    const defs = build();
    describeOpenAi(defs);
    const branch = (props(defs.LogProb).conditional.allOf as JsonSchema[])[0];
    assert.equal(props(branch.if as JsonSchema).kind.description, undefined);
  });
});
