import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readMldevConverters } from '../../../../scripts/schemaSources/mldevConverters';
import { findDecl, publicName, readSdkModel } from '../../../../scripts/schemaSources/sdkTypes';
import { camelCase, snakeCase, withAliases } from '../../../../scripts/schemaSources/jsonSchema';
import { parseArgs } from '../../../../scripts/schemaSources/sources';
import { FIXTURES } from './schemaKit';

suite('schemas build: SDK sources', () => {
  test('converters: kept, hoisted, renamed and refused fields; numbered copies merged; Vertex converters ignored', () => {
    const info = readMldevConverters(path.join(FIXTURES, 'converters.sample.cjs.txt')).get('SampleConfig');
    assert.ok(info);
    assert.deepEqual(info.fields.get('systemInstruction'), {
      to: ['systemInstruction'],
      target: 'parent',
      converter: 'Content',
    });
    assert.deepEqual(info.fields.get('temperature'), { to: ['temperature'], target: 'self', converter: undefined });
    assert.deepEqual(info.fields.get('taskType')?.to, ['requests[]', 'taskType']);
    assert.deepEqual([...info.refused].sort(), ['audioTimestamp', 'routingConfig']);
    assert.equal(info.refused.has('fileName'), false, 'a ToVertex converter must not count');
  });

  test('declarations: members with joined doc comments, classes without accessors, enums, export aliases', () => {
    const model = readSdkModel(path.join(FIXTURES, 'types.sample.d.ts.txt'));
    const content = findDecl(model, 'SampleContent');
    assert.equal(content?.kind, 'object');
    assert.deepEqual(content.kind === 'object' && content.members.map((m) => [m.name, m.doc]), [
      ['parts', 'The parts. wrapped onto a second line.'],
      ['vertexThing', 'Vertex thing. This field is not supported in Gemini API.'],
    ]);
    const part = findDecl(model, 'SamplePart');
    assert.deepEqual(part?.kind === 'object' && part.members.map((m) => m.name), ['text', 'inlineData']);
    const blob = findDecl(model, 'Blob');
    assert.equal(blob?.name, 'Blob_2');
    assert.equal(publicName(model, 'Blob_2'), 'Blob');
    assert.match(blob?.kind === 'object' ? blob.members[0].doc : '', /Raw bytes\.\n\nEncoded as base64 string\./);
    const category = findDecl(model, 'SampleCategory');
    assert.deepEqual(category?.kind === 'enum' && category.members.map((m) => m.value), [
      'UNSPECIFIED',
      'HATE',
      'IMAGE_HATE',
    ]);
    assert.equal(findDecl(model, 'SampleUnion')?.kind, 'alias');
  });

  test('the installed SDK still has the facts the Gemini schemas rely on', () => {
    const bundle = path.join(__dirname, '../../../../node_modules/@google/genai/dist/node/index.cjs');
    const config = readMldevConverters(bundle).get('GenerateContentConfig');
    assert.ok(config, 'generateContentConfigToMldev not found');
    assert.equal(config.fields.get('systemInstruction')?.target, 'parent');
    assert.equal(config.fields.get('thinkingConfig')?.target, 'self');
    assert.ok(config.refused.has('routingConfig'));
    assert.equal(config.fields.has('httpOptions'), false, 'SDK-only options are never sent');
  });
});

suite('schemas build: helpers', () => {
  test('snake_case and lowerCamelCase spellings', () => {
    assert.equal(snakeCase('responseMimeType'), 'response_mime_type');
    assert.equal(snakeCase('topK'), 'top_k');
    assert.equal(snakeCase('text'), 'text');
    assert.equal(camelCase('thinking_config'), 'thinkingConfig');
  });

  test('withAliases adds the other spelling with the same schema and x-alias both ways', () => {
    const out = withAliases({ topK: { type: 'integer' }, text: { type: 'string' } });
    assert.deepEqual(out, {
      topK: { type: 'integer', 'x-alias': 'top_k' },
      top_k: { type: 'integer', 'x-alias': 'topK' },
      text: { type: 'string' },
    });
  });

  test('command-line options', () => {
    assert.deepEqual(parseArgs(['--discovery', 'https://x/y', '--out=/tmp/s']), {
      discovery: 'https://x/y',
      out: '/tmp/s',
    });
    assert.throws(() => parseArgs(['--discover', 'x']), /bad option/);
    assert.throws(() => parseArgs(['--out']), /bad option/);
  });
});
