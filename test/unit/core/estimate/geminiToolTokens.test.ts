import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { geminiRequestTokens, geminiRules } from '../../../../src/core/estimate/geminiRequestTokens';
import { type SchemaStats, geminiSchemaView } from '../../../../src/core/estimate/geminiSchemaView';
import { GEMINI_25_TOOLS, geminiToolTokens } from '../../../../src/core/estimate/geminiToolTokens';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';
import { loadGeminiCounter } from '../../../../src/core/tokens/tokenizerData';

const ASSETS = path.join(__dirname, '../../../../assets/tokenizers');

function resolve(schema: unknown, recursion = 3): { view: unknown; stats: SchemaStats } {
  const stats: SchemaStats = { properties: 0, descriptions: 0 };
  return { view: geminiSchemaView(schema, stats, { recursion }), stats };
}

/** How many times `label` is nested through `children.items` in a resolved tree. */
function depth(node: unknown): number {
  const record = node as { properties?: { children?: { items?: unknown } } };
  const items = record.properties?.children?.items;
  return items && Object.keys(items).length ? 1 + depth(items) : 1;
}

const TREE = {
  $defs: {
    Node: {
      description: 'A node.',
      properties: { children: { items: { $ref: '#/$defs/Node' }, type: 'array' }, label: { type: 'string' } },
      type: 'object',
    },
  },
  properties: { tree: { $ref: '#/$defs/Node' } },
  type: 'object',
};

suite('estimate: Gemini schema as the service bills it', () => {
  test('a $ref is inlined, its description and default siblings win, $defs, $schema and additionalProperties go', () => {
    const { view } = resolve({
      $defs: { Address: { description: 'Where.', properties: { street: { type: 'string' } }, type: 'object' } },
      $schema: 'http://json-schema.org/draft-07/schema#',
      additionalProperties: false,
      properties: { home: { $ref: '#/$defs/Address', description: 'Home.', default: null } },
      type: 'object',
    });
    assert.deepEqual(view, {
      properties: {
        home: { default: null, description: 'Home.', properties: { street: { type: 'STRING' } }, type: 'OBJECT' },
      },
      type: 'OBJECT',
    });
  });

  test('a recursive $ref is expanded to the given depth, then left empty', () => {
    const tree = (recursion: number) =>
      (resolve(TREE, recursion).view as { properties: { tree: unknown } }).properties.tree;
    assert.equal(depth(tree(3)), 3);
    assert.equal(depth(tree(9)), 9);
  });

  test('two recursive children stay linear in the depth (the bound is per definition, not per path)', () => {
    const binary = {
      $defs: {
        Node: {
          properties: { left: { $ref: '#/$defs/Node' }, right: { $ref: '#/$defs/Node' } },
          type: 'object',
        },
      },
      $ref: '#/$defs/Node',
    };
    // The root, then 8 re-entries in all: 2 properties each, 18 in total.
    assert.equal(resolve(binary, 9).stats.properties, 18);
  });

  test('a hostile chain of definitions each naming the next twice stays bounded (no exponential expansion)', () => {
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) {
      defs[`D${i}`] = {
        description: 'x'.repeat(10_000),
        properties: { a: { $ref: `#/$defs/D${i + 1}` }, b: { $ref: `#/$defs/D${i + 1}` } },
        type: 'object',
      };
    }
    const { view } = resolve({ $defs: defs, $ref: '#/$defs/D0' }, 9);
    // 2^40 expansions unbounded; the bounds stop at a few MB of resolved text.
    assert.ok(JSON.stringify(view).length < 8 * 1024 * 1024);
  });

  test('only the parameters object and its properties count as discounted descriptions', () => {
    const { stats } = resolve(TREE, 2);
    // `tree` (depth 1) takes Node's description; the Node under children.items (depth 3) does not count.
    assert.deepEqual(stats, { properties: 5, descriptions: 1 });
  });
});

suite('estimate: Gemini tool declarations', function () {
  this.timeout(20_000);
  let gemini: TextCounter;
  suiteSetup(async () => {
    gemini = await loadGeminiCounter(ASSETS);
  });

  const declaration = (description: string) => ({
    description,
    name: 'get_weather',
    parameters_json_schema: { properties: { city: { type: 'string' } }, required: ['city'], type: 'object' },
  });

  // Recorded: test_google_default_tools_use_validated_mode (two such declarations, 64 tokens of 79 on 2.5 Flash) and
  // test_tool_choice_matrix[required-google] ('Get weather for a city', 37 of 46); see the fixture.
  test('2.5: a declaration with properties costs 1 less, with or without a description', () => {
    const bare = { ...declaration(''), name: 'get_time' };
    assert.equal(geminiToolTokens([{ functionDeclarations: [declaration(''), bare] }], gemini, GEMINI_25_TOOLS), 64);
    const described = [{ functionDeclarations: [declaration('Get weather for a city')] }];
    assert.equal(geminiToolTokens(described, gemini, GEMINI_25_TOOLS), 37);
  });

  test('a declared response schema is billed as the parameters are', () => {
    const schema = { properties: { message: { type: 'string' } }, type: 'object' };
    const plain = declaration('');
    const tokens = (decl: Record<string, unknown>) =>
      geminiToolTokens([{ functionDeclarations: [decl] }], gemini, GEMINI_25_TOOLS);
    const withResponse = tokens({ ...plain, responseJsonSchema: schema });
    assert.ok(withResponse > tokens(plain) + 5, `${withResponse} vs ${tokens(plain)}`);
    assert.equal(tokens({ ...plain, response: schema }), withResponse);
  });
});

/** A PNG header (signature, IHDR length and type, width, height): all imageSize reads. */
function pngBase64(width: number, height: number): string {
  const bytes = Buffer.alloc(24);
  bytes.writeUInt32BE(0x89504e47, 0);
  bytes.writeUInt32BE(0x0d0a1a0a, 4);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes.toString('base64');
}

suite('estimate: media inside a Gemini function response', function () {
  this.timeout(20_000);
  let gemini: TextCounter;
  suiteSetup(async () => {
    gemini = await loadGeminiCounter(ASSETS);
  });

  const count = (model: string, parts?: unknown[]) => {
    const functionResponse = { name: 'get_image', response: { result: 'See the image.' }, ...(parts && { parts }) };
    const request = { contents: [{ parts: [{ functionResponse }], role: 'user' }] };
    return geminiRequestTokens(request, gemini, geminiRules(model));
  };
  // 1 per Content + the response rendered by geminiCallPartTokens, as counted before media in parts were read.
  const bare = { tokens: 18, unknownMedia: 0 };

  test('a response without parts counts exactly as before, on 2.5 and Gemini 3', () => {
    assert.deepEqual(count('gemini-2.5-flash'), bare);
    assert.deepEqual(count('gemini-3-flash-preview'), bare);
    assert.deepEqual(count('gemini-2.5-flash', []), bare);
  });

  test('an inline PNG counts one tile on 2.5 and is unknown on Gemini 3, in either casing', () => {
    const camel = [{ inlineData: { data: pngBase64(200, 100), mimeType: 'image/png' } }];
    const snake = [{ inline_data: { data: pngBase64(200, 100), mime_type: 'image/png' } }];
    for (const parts of [camel, snake]) {
      assert.deepEqual(count('gemini-2.5-flash', parts), { tokens: 18 + 258, unknownMedia: 0 });
      assert.deepEqual(count('gemini-3-flash-preview', parts), { tokens: 18, unknownMedia: 1 });
    }
  });

  test('a fileData part is unknown media, its URI not counted as text', () => {
    const file = {
      fileData: { fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/abc', mimeType: 'image/png' },
    };
    const snake = { file_data: { file_uri: 'gs://bucket/a.pdf', mime_type: 'application/pdf' } };
    assert.deepEqual(count('gemini-2.5-flash', [file, snake]), { tokens: 18, unknownMedia: 2 });
  });
});
