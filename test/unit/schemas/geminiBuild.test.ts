import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiscoveryDoc, loadDiscovery } from '../../../scripts/schemaSources/discovery';
import { buildEmbed, buildGenerate } from '../../../scripts/schemaSources/geminiSchemas';
import { JsonSchema } from '../../../scripts/schemaSources/jsonSchema';
import { readMldevConverters } from '../../../scripts/schemaSources/mldevConverters';
import { readSdkModel } from '../../../scripts/schemaSources/sdkTypes';
import { REPO_ROOT } from './schemaKit';

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
        GenerateContentRequest: { properties: { generationConfig: { $ref: 'GenerationConfig' }, brandNewField: { type: 'boolean', description: 'New.' } } },
        GenerationConfig: { properties: { newKnob: { type: 'integer', format: 'int32' }, topK: { type: 'integer' } } },
        // Same name as the SDK's Part VideoMetadata, but not reachable from the request: must not be merged.
        VideoMetadata: { properties: { videoDuration: { type: 'string' } } },
      },
    };
    const logs: string[] = [];
    const { definitions } = buildGenerate(sdk, converters, newer, (m) => logs.push(m));
    assert.equal(props(definitions, 'GenerateContentRequest').brandNewField.type, 'boolean');
    assert.equal(props(definitions, 'GenerateContentRequest').brand_new_field['x-alias'], 'brandNewField');
    assert.equal(props(definitions, 'GenerationConfig').new_knob.type, 'integer');
    assert.equal(props(definitions, 'VideoMetadata').videoDuration, undefined);
    assert.equal(logs.length, 2, logs.join('\n'));
  });

  test('without a discovery document the SDK alone gives the REST shape', function () {
    this.timeout(30_000);
    const { definitions, omitted } = buildGenerate(sdk, converters, undefined);
    assert.ok(props(definitions, 'GenerationConfig').thinkingConfig);
    assert.equal(props(definitions, 'GenerationConfig').maxOutputTokens.type, 'integer');
    assert.ok(omitted.includes('GenerationConfig.routingConfig'));
    const embed = buildEmbed(sdk, converters, undefined);
    assert.ok((embed.definitions.TaskType.enum as string[]).includes('RETRIEVAL_DOCUMENT'));
    assert.ok(embed.omitted.includes('EmbedContentRequest.autoTruncate'));
  });

  test('an unreadable discovery source is reported and skipped', async () => {
    const warnings: string[] = [];
    assert.equal(await loadDiscovery(path.join(REPO_ROOT, 'no-such-discovery.json'), (m) => warnings.push(m)), undefined);
    assert.match(warnings[0], /not used/);
  });
});
