import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiscoveryDoc, loadDiscovery } from '../../../../scripts/schemaSources/discovery';
import { buildEmbed, buildGenerate } from '../../../../scripts/schemaSources/geminiSchemas';
import { JsonSchema } from '../../../../scripts/schemaSources/jsonSchema';
import { readMldevConverters } from '../../../../scripts/schemaSources/mldevConverters';
import { readSdkModel } from '../../../../scripts/schemaSources/sdkTypes';
import { REPO_ROOT } from './schemaKit';
import { INTEGER_STRING_PATTERN, NUMBER_STRING_PATTERN } from '../../../../src/core/schema/numericStrings';
import { acceptNumericStrings } from '../../../../scripts/schemaSources/numericStrings';

const SDK = path.join(REPO_ROOT, 'node_modules', '@google', 'genai', 'dist');

function props(defs: Record<string, JsonSchema>, name: string): Record<string, JsonSchema> {
  return defs[name].properties as Record<string, JsonSchema>;
}

suite('schemas build: Gemini from the installed SDK', () => {
  const sdk = readSdkModel(path.join(SDK, 'genai.d.ts'));
  const converters = readMldevConverters(path.join(SDK, 'node', 'index.cjs'));

  test('a newer discovery document adds fields, paired by structure rather than by name', function () {
    this.timeout(30_000);
    const newer: DiscoveryDoc = {
      revision: 'test',
      schemas: {
        GenerateContentRequest: {
          properties: {
            generationConfig: { $ref: 'GenerationConfig' },
            brandNewField: { type: 'boolean', description: 'New.' },
          },
        },
        GenerationConfig: { properties: { newKnob: { type: 'integer', format: 'int32' }, topK: { type: 'integer' } } },
        // Same name as the SDK's Part VideoMetadata, but not reachable from the request: must not be merged.
        VideoMetadata: { properties: { videoDuration: { type: 'string' } } },
      },
    };
    const logs: string[] = [];
    const { definitions } = buildGenerate(sdk, converters, newer, (m) => logs.push(m));
    assert.equal(props(definitions, 'GenerateContentRequest').brandNewField.type, 'boolean');
    assert.equal(props(definitions, 'GenerateContentRequest').brand_new_field['x-alias'], 'brandNewField');
    assert.deepEqual(props(definitions, 'GenerationConfig').new_knob.type, ['integer', 'string']);
    assert.equal(props(definitions, 'VideoMetadata').videoDuration, undefined);
    assert.equal(logs.filter((l) => l.startsWith('added ')).length, 2, logs.join('\n'));
    // The newer document types newKnob as int32, so the build bounds it to int32's range.
    assert.deepEqual(
      [
        props(definitions, 'GenerationConfig').new_knob.minimum,
        props(definitions, 'GenerationConfig').new_knob.maximum,
      ],
      [-(2 ** 31), 2 ** 31 - 1],
    );
  });

  test('without a discovery document the SDK alone gives the REST shape', function () {
    this.timeout(30_000);
    const { definitions, omitted } = buildGenerate(sdk, converters, undefined);
    assert.ok(props(definitions, 'GenerationConfig').thinkingConfig);
    // Proto3 JSON takes an integer written as a string of digits, and a float as a numeric string.
    const maxOutputTokens = props(definitions, 'GenerationConfig').maxOutputTokens;
    assert.deepEqual([maxOutputTokens.type, maxOutputTokens.pattern], [['integer', 'string'], INTEGER_STRING_PATTERN]);
    assert.match(String(maxOutputTokens.description), /tokens/, 'the description is kept');
    const temperature = props(definitions, 'GenerationConfig').temperature;
    assert.deepEqual([temperature.type, temperature.pattern], [['number', 'string'], NUMBER_STRING_PATTERN]);
    assert.ok(omitted.includes('GenerationConfig.routingConfig'));
    const embed = buildEmbed(sdk, converters, undefined);
    assert.ok((embed.definitions.TaskType.enum as string[]).includes('RETRIEVAL_DOCUMENT'));
    assert.ok(embed.omitted.includes('EmbedContentRequest.autoTruncate'));
  });

  test('an unreadable discovery source is reported and skipped', async () => {
    const warnings: string[] = [];
    assert.equal(
      await loadDiscovery(path.join(REPO_ROOT, 'no-such-discovery.json'), (m) => warnings.push(m)),
      undefined,
    );
    assert.match(warnings[0], /not used/);
  });
});

suite('schemas build: numbers written as strings', () => {
  test('every integer and number node takes its string form; other nodes are left alone', () => {
    const out = acceptNumericStrings({
      A: {
        type: 'object',
        properties: {
          n: { type: 'integer', description: 'N.' },
          list: { type: 'array', items: { type: 'number' } },
          either: { anyOf: [{ type: 'integer' }, { type: 'boolean' }] },
          level: { type: 'integer', enum: [1, 2] },
          s: { type: 'string' },
        },
      },
    });
    const p = out.A.properties as Record<string, JsonSchema>;
    assert.deepEqual(p.n, { type: ['integer', 'string'], pattern: INTEGER_STRING_PATTERN, description: 'N.' });
    assert.deepEqual(p.list.items, { type: ['number', 'string'], pattern: NUMBER_STRING_PATTERN });
    assert.deepEqual((p.either.anyOf as JsonSchema[])[0], {
      type: ['integer', 'string'],
      pattern: INTEGER_STRING_PATTERN,
    });
    assert.deepEqual(p.level, { type: 'integer', enum: [1, 2] });
    assert.deepEqual(p.s, { type: 'string' });
  });

  test('the patterns accept what proto3 JSON accepts and nothing else', () => {
    const int = new RegExp(INTEGER_STRING_PATTERN);
    const num = new RegExp(NUMBER_STRING_PATTERN);
    assert.deepEqual(
      ['100', '-7', '0', '1.5', 'lots', '', '1e3', ' 1'].map((v) => int.test(v)),
      [true, true, true, false, false, false, false, false],
    );
    assert.deepEqual(
      ['0.5', '-1', '.5', '1e-3', 'NaN', '-Infinity', 'hot', '', '1.', '0x10'].map((v) => num.test(v)),
      [true, true, true, true, true, true, false, false, false, false],
    );
  });
});
