import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { geminiRequestTokens, geminiRules } from '../../../../src/core/estimate/geminiRequestTokens';
import { type SchemaStats, geminiSchemaView } from '../../../../src/core/estimate/geminiSchemaView';
import { GEMINI_25_TOOLS, GEMINI_3_TOOLS, type GeminiToolRules } from '../../../../src/core/estimate/geminiToolRules';
import { geminiCallPartTokens, geminiToolTokens } from '../../../../src/core/estimate/geminiToolTokens';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';
import { loadGeminiCounter } from '../../../../src/core/tokens/tokenizerData';

const ASSETS = path.join(__dirname, '../../../../assets/tokenizers');

function resolve(schema: unknown, recursion = 3, propertyTitles = false): { view: unknown; stats: SchemaStats } {
  const stats: SchemaStats = { properties: 0, descriptions: 0 };
  return { view: geminiSchemaView(schema, stats, { recursion, propertyTitles }), stats };
}

/** How many times `label` is nested through `children.items` in a resolved tree. */
function depth(node: unknown): number {
  const record = node as { properties?: { children?: { items?: unknown } } };
  const items = record.properties?.children?.items;
  return items && Object.keys(items).length ? 1 + depth(items) : 1;
}

const title = (t: string) => ({ title: t, type: 'string' });

/** llm-gemini's test_tools_with_nested_pydantic_models request (tests/cassettes/test_gemini, interaction 0). */
const ADD_PERSON = {
  contents: [
    {
      role: 'user',
      parts: [
        { text: 'Add Alice who is 30 years old and lives at 123 Main St, San Francisco, CA 94102 to the database' },
      ],
    },
  ],
  tools: [
    {
      functionDeclarations: [
        {
          name: 'add_person',
          description: 'Add a person with their address to the database',
          parameters: {
            description: 'Input for creating a person with address',
            properties: {
              name: title('Name'),
              age: { title: 'Age', type: 'integer' },
              address: {
                description: 'Address information',
                properties: { street: title('Street'), city: title('City'), zipcode: title('Zipcode') },
                required: ['street', 'city', 'zipcode'],
                title: 'Address',
                type: 'object',
              },
            },
            required: ['name', 'age', 'address'],
            type: 'object',
          },
        },
      ],
    },
  ],
};

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
    const schema = {
      $defs: { Address: { description: 'Where.', properties: { street: { type: 'string' } }, type: 'object' } },
      $schema: 'http://json-schema.org/draft-07/schema#',
      additionalProperties: false,
      properties: { home: { $ref: '#/$defs/Address', description: 'Home.', default: null } },
      type: 'object',
    };
    const home = { description: 'Home.', properties: { street: { type: 'STRING' } }, type: 'OBJECT' };
    assert.deepEqual(resolve(schema, 3, true).view, {
      properties: { home: { default: null, ...home } },
      type: 'OBJECT',
    });
    // 2.5 bills no `default` (geminiSchemaView.ts).
    assert.deepEqual(resolve(schema).view, { properties: { home }, type: 'OBJECT' });
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

  test('pattern and an empty required are not rendered; a parameters object without properties gets empty ones', () => {
    assert.deepEqual(resolve({ properties: { color: { pattern: 'red|blue', type: 'string' } }, type: 'object' }).view, {
      properties: { color: { type: 'STRING' } },
      type: 'OBJECT',
    });
    assert.deepEqual(resolve({ required: [], type: 'object' }).view, { properties: {}, type: 'OBJECT' });
    // Only the parameters object itself: a nested object keeps what it was sent with.
    assert.deepEqual(resolve({ properties: { meta: { type: 'object' } }, required: ['meta'], type: 'object' }).view, {
      properties: { meta: { type: 'OBJECT' } },
      required: ['meta'],
      type: 'OBJECT',
    });
  });

  test("2.5 drops the parameters' and the properties' titles; Gemini 3 keeps both", () => {
    const schema = { properties: { n: { title: 'N', type: 'integer' } }, title: 'Args', type: 'object' };
    assert.deepEqual(resolve(schema).view, { properties: { n: { type: 'INTEGER' } }, type: 'OBJECT' });
    assert.deepEqual(resolve(schema, 3, true).view, {
      properties: { n: { title: 'N', type: 'INTEGER' } },
      title: 'Args',
      type: 'OBJECT',
    });
  });

  test("2.5 keeps the titles of a nested object and of its properties, not of an array's item definition", () => {
    const street = { title: 'Street', type: 'string' };
    const schema = {
      $defs: { Book: { properties: { name: { title: 'Name', type: 'string' } }, title: 'Book', type: 'object' } },
      properties: {
        address: { properties: { street }, title: 'Address', type: 'object' },
        books: { items: { $ref: '#/$defs/Book' }, title: 'Books', type: 'array' },
      },
      type: 'object',
    };
    assert.deepEqual(resolve(schema).view, {
      properties: {
        address: { properties: { street: { title: 'Street', type: 'STRING' } }, title: 'Address', type: 'OBJECT' },
        books: { items: { properties: { name: { type: 'STRING' } }, type: 'OBJECT' }, type: 'ARRAY' },
      },
      type: 'OBJECT',
    });
  });

  test('2.5 bills a type list, or an anyOf of bare types, as one type string (geminiTypeUnion.ts); Gemini 3 as sent', () => {
    const listed = { properties: { name: { type: ['string', 'number', 'null'] } }, type: 'object' };
    assert.deepEqual(resolve(listed).view, { properties: { name: { type: 'STRING,NUMBER' } }, type: 'OBJECT' });
    const either = { properties: { q: { anyOf: [{ type: 'string' }, { type: 'null' }] } }, type: 'object' };
    assert.deepEqual(resolve(either).view, { properties: { q: { nullable: true, type: 'STRING' } }, type: 'OBJECT' });
    // An anyOf of schemas with more than a type is not a type union.
    const objects = { properties: { q: { anyOf: [{ type: 'string', description: 'd' }] } }, type: 'object' };
    assert.deepEqual(resolve(objects).view, {
      properties: { q: { anyOf: [{ description: 'd', type: 'STRING' }] } },
      type: 'OBJECT',
    });
    assert.deepEqual(resolve(listed, 3, true).view, {
      properties: { name: { type: ['string', 'number', 'null'] } },
      type: 'OBJECT',
    });
  });

  test('only the parameters object and its properties count as discounted descriptions', () => {
    const { stats } = resolve(TREE, 2);
    // `tree` (depth 1) takes Node's description; the Node under children.items (depth 3) does not count. `tree` is
    // not required: one optional property of the parameters object (nested ones are not counted).
    assert.deepEqual(stats, { properties: 5, descriptions: 1, optional: 1 });
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

  // Recorded: simonw/llm-gemini tests/cassettes/test_gemini/test_tools_with_nested_pydantic_models.yaml at 080bfb5a3
  // (gemini-2.5-flash-preview-09-2025, promptTokenCount 163; 19 under when the nested titles were dropped). Pinned at
  // 162: the declaration's described property costs 1 less (perDeclarationWithPropertyDescriptions), which makes the
  // same cassette's interaction 1 (247) exact and leaves this one 1 under.
  test("2.5: the titles of a nested object's properties are billed (llm-gemini's nested pydantic model, 163)", () => {
    const rules = geminiRules('gemini-2.5-flash-preview-09-2025');
    assert.equal(geminiRequestTokens(ADD_PERSON, gemini, rules).tokens, 162);
  });

  // Recorded: the same test at 2a8c855ab on gemini-3.6-flash (201; 216 when each of its six properties cost 3), and
  // test_tools_with_gemini_3_thought_signatures there on gemini-3-flash-preview (multiply(x, y): 60; 63 so).
  test('Gemini 3: a declaration with properties costs 3 more once, however many properties it has', () => {
    assert.equal(geminiRequestTokens(ADD_PERSON, gemini, geminiRules('gemini-3.6-flash')).tokens, 201);
    const integer = { type: 'integer' };
    const multiply = {
      contents: [{ role: 'user', parts: [{ text: 'What is 5 times 3?' }] }],
      tools: [
        {
          functionDeclarations: [
            {
              name: 'multiply',
              description: 'Multiply two numbers.',
              parameters: { properties: { x: integer, y: integer }, required: ['x', 'y'], type: 'object' },
            },
          ],
        },
      ],
    };
    assert.equal(geminiRequestTokens(multiply, gemini, geminiRules('gemini-3-flash-preview')).tokens, 60);
  });

  // Recorded: googleapis/js-genai test/system/recordings at 6e9b35c (AFC_Streaming_Tests…max_calls_exceeded,
  // interaction 0; fixture 445): customDivide's two properties, neither required, 81 (18 under at 0 per optional).
  test('2.5: a parameter not in `required` costs 9 more', () => {
    const divide = (required?: string[]) => ({
      contents: [
        {
          parts: [
            {
              text: 'Divide 10 by 2 using the customDivide function, then divide the result by 2 again, then tell me the result',
            },
          ],
          role: 'user',
        },
      ],
      tools: [
        {
          functionDeclarations: [
            {
              description: 'Custom divide function',
              name: 'customDivide',
              parametersJsonSchema: {
                properties: { denominator: { type: 'number' }, numerator: { type: 'number' } },
                ...(required ? { required } : {}),
                type: 'object',
              },
            },
          ],
        },
      ],
    });
    const rules = geminiRules('gemini-2.5-flash');
    assert.equal(geminiRequestTokens(divide(), gemini, rules).tokens, 81);
    const free = { ...GEMINI_25_TOOLS, perOptionalProperty: 0 };
    const extra = (required?: string[]) =>
      geminiToolTokens(divide(required).tools, gemini, GEMINI_25_TOOLS) -
      geminiToolTokens(divide(required).tools, gemini, free);
    assert.deepEqual([extra(), extra(['numerator']), extra(['numerator', 'denominator'])], [18, 9, 0]);
  });

  // Recorded: googleapis/js-genai test/system/recordings at 6e9b35c, MCP greeter (parameter_as_null…), interaction 0
  // (fixture 486): 60, 7 over with the list rendered as sent.
  test('2.5: a parameter typed by a list costs what one type string of its members costs', () => {
    const request = {
      contents: [
        { parts: [{ text: 'call the greeter once with name: jone smith, and greeting: Hello' }], role: 'user' },
      ],
      tools: [
        {
          functionDeclarations: [
            {
              name: 'greet',
              parametersJsonSchema: {
                $schema: 'http://json-schema.org/draft-07/schema#',
                additionalProperties: false,
                properties: { greeting: { type: 'string' }, name: { type: ['string', 'number', 'null'] } },
                required: ['name', 'greeting'],
                type: 'object',
              },
            },
          ],
        },
      ],
    };
    assert.equal(geminiRequestTokens(request, gemini, geminiRules('gemini-2.5-flash')).tokens, 60);
  });

  // Recorded: Mirascope python/tests/llm/clients/google/cassettes at 95dfab512,
  // test_structured_outputs[structured_output_annotation_and_docstring_scenario-tool].yaml, interaction 0: 137 (14 over
  // when the parameters' own description was billed as its text; 10 recordings of 5 tests agree).
  test("2.5: the parameters' own description costs 1 token, whatever its text", () => {
    const output = (description: string) => ({
      contents: [{ parts: [{ text: 'Produce a formatted output' }], role: 'user' }],
      systemInstruction: {
        parts: [
          {
            text: 'When you are ready to respond to the user, call the __mirascope_formatted_output_tool__ tool to output a structured response.\nDo NOT output any text in addition to the tool call.',
          },
        ],
        role: 'user',
      },
      tools: [
        {
          functionDeclarations: [
            {
              description:
                'Use this tool to extract data in Output format for a final response.\nAn output. The `first` value should be the number 17.',
              name: '__mirascope_formatted_output_tool__',
              parametersJsonSchema: {
                description,
                properties: {
                  first: { title: 'First', type: 'integer' },
                  second: { description: 'Should be the number 13', title: 'Second', type: 'integer' },
                },
                required: ['first', 'second'],
                title: 'Output',
                type: 'object',
              },
            },
          ],
        },
      ],
    });
    const rules = geminiRules('gemini-2.5-flash');
    assert.equal(
      geminiRequestTokens(output('An output. The `first` value should be the number 17.'), gemini, rules).tokens,
      137,
    );
    assert.equal(
      geminiRequestTokens(output('A much longer description of the output, billed all the same.'), gemini, rules)
        .tokens,
      137,
    );
  });

  // Recorded: Mirascope python/tests/e2e at 41d433578, its structured-output tool on gemini-2.5-flash (fixture 531:
  // 92; it and 57 more recordings were 1 over with FunctionGemma's `{` after the name).
  test("2.5: a declaration's name is billed before `(`, so a trailing `__` merges with it", () => {
    const named = (name: string) => [
      {
        functionDeclarations: [
          {
            description: 'Use this tool to extract data in int format for a final response.',
            name,
            parameters: {
              properties: { output: { title: 'Output', type: 'INTEGER' } },
              required: ['output'],
              type: 'OBJECT',
            },
          },
        ],
      },
    ];
    const brace = { ...GEMINI_25_TOOLS, nameBeforeParenthesis: false };
    const mirascope = named('__mirascope_formatted_output_tool__');
    assert.equal(geminiToolTokens(mirascope, gemini, GEMINI_25_TOOLS), geminiToolTokens(mirascope, gemini, brace) - 1);
    for (const name of ['get_weather', 'final_result', 'x', '']) {
      assert.equal(
        geminiToolTokens(named(name), gemini, GEMINI_25_TOOLS),
        geminiToolTokens(named(name), gemini, brace),
      );
    }
    const instruction =
      "Always respond to the user's query using the __mirascope_formatted_output_tool__ tool for structured output.";
    const request = {
      contents: [{ parts: [{ text: 'Choose a lucky number between 1 and 10' }], role: 'user' }],
      systemInstruction: { parts: [{ text: instruction }], role: 'user' },
      tools: mirascope,
    };
    assert.equal(geminiRequestTokens(request, gemini, geminiRules('gemini-2.5-flash')).tokens, 92);
  });

  // Recorded: Arize-ai/openinference python/instrumentation/openinference-instrumentation-google-adk/tests/cassettes/
  // test_instrumentor/test_google_adk_instrumentor_multi_tool_call.yaml, interaction 0: the docstring dedented at
  // 5e7f5cd33 (136; 135 as raw text) and indented at dff3e376a (139, exact as raw text too).
  test('2.5: a function description is billed trimmed, a blank line one token per newline (openinference)', () => {
    const request = (system: string, description: string) => ({
      contents: [{ parts: [{ text: 'What is the weather in New York and London?' }], role: 'user' }],
      systemInstruction: { parts: [{ text: system }], role: 'user' },
      tools: [
        {
          functionDeclarations: [
            {
              description,
              name: 'get_weather',
              parameters: { properties: { city: { type: 'STRING' } }, required: ['city'], type: 'OBJECT' },
            },
          ],
        },
      ],
      generationConfig: {},
    });
    const intro = 'You must use the available tools to find an answer.\n\nYou are an agent. Your internal name is';
    const about = 'The description about you is "Agent to answer questions using tools."';
    const summary = 'Retrieves the current weather report for a specified city.';
    const args = 'city (str): The name of the city for which to retrieve the weather report.';
    const returns = 'dict: status and result or error msg.';
    const rules = geminiRules('gemini-2.5-flash');
    const dedented = request(
      `${intro} "_2a9930dc". ${about}.`,
      `${summary}\n\nArgs:\n    ${args}\n\nReturns:\n    ${returns}\n`,
    );
    assert.equal(geminiRequestTokens(dedented, gemini, rules).tokens, 136);
    const pad = '\n        ';
    const indented = request(
      `${intro} "_a2ce956f".\n\n ${about}`,
      `${summary}\n${pad}Args:${pad}    ${args}\n${pad}Returns:${pad}    ${returns}${pad}`,
    );
    assert.equal(geminiRequestTokens(indented, gemini, rules).tokens, 139);
  });

  // Recorded: pydantic-ai's test_google_nested_models_without_native_output bills 219 with `title: TopModel` on the
  // parameters (fd1569e97 and the fixture) and without it (111dda9bc).
  test("2.5: the parameters' own title costs nothing", () => {
    const tokens = (parameters: Record<string, unknown>) =>
      geminiToolTokens([{ functionDeclarations: [{ name: 'final_result', parameters }] }], gemini, GEMINI_25_TOOLS);
    const schema = { properties: { name: { type: 'string' } }, type: 'object' };
    assert.equal(tokens({ ...schema, title: 'TopModel' }), tokens(schema));
  });

  // Recorded: posit-dev/chatlas bills 59 for one declaration sent without parameters and with an empty schema.
  test('a declaration without parameters costs what an empty object schema costs', () => {
    const tokens = (decl: Record<string, unknown>) =>
      geminiToolTokens([{ functionDeclarations: [decl] }], gemini, GEMINI_25_TOOLS);
    const empty = tokens({ name: 'beep', parameters: { properties: {}, required: [], type: 'OBJECT' } });
    assert.equal(tokens({ name: 'beep' }), empty);
    assert.equal(tokens({ name: 'beep', parametersJsonSchema: { type: 'object' } }), empty);
  });

  test('tools given as one object count as a list of one (the API accepts that form)', () => {
    const tool = { functionDeclarations: [declaration('Get weather for a city')] };
    assert.equal(geminiToolTokens(tool, gemini, GEMINI_25_TOOLS), 37);
    const request = { contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] };
    const rules = geminiRules('gemini-2.5-flash');
    const asList = geminiRequestTokens({ ...request, tools: [tool] }, gemini, rules).tokens;
    assert.equal(geminiRequestTokens({ ...request, tools: tool }, gemini, rules).tokens, asList);
  });

  test('call arguments and answers bill integers as doubles and control characters escaped', () => {
    const tokens = (part: Record<string, unknown>) => geminiCallPartTokens(part, gemini, GEMINI_25_TOOLS);
    const call = (args: Record<string, unknown>) => tokens({ functionCall: { name: 'divide', args } });
    // `10.0` is `10` plus `.` and `0` (digits are single tokens): the Struct's numbers are doubles.
    assert.equal(call({ numerator: 10 }), call({ numerator: 10.5 }));
    // A string is counted on its own between two escape tokens: ESC as the six characters `\\u001b`, a newline as itself.
    const answer = (text: string) => tokens({ functionResponse: { name: 'print', response: { text } } });
    const empty = answer('');
    assert.equal(answer('\u001b[34mhello') - empty, gemini.count('\\u001b[34mhello'));
    assert.equal(answer('a\nb') - empty, gemini.count('a\nb'));
  });

  // Recorded: google/adk-go agent/llmagent/testdata/TestFunctionTool.httprr at f6b8e36 (gemini-2.5-flash, 155, the
  // constant fitted here) and googleapis/js-genai's MCP greeter at 6e9b35c (fixture 487: 125, 14 under when the result
  // was rendered inside the declaration). A result that is no object (adk-go's `{type: string}` tools) costs nothing.
  test('2.5: a declared object result is billed as a block of its own; Gemini 3 bills it inside the declaration', () => {
    const sum = {
      contents: [{ parts: [{ text: 'what is the sum of 1 + 2?' }], role: 'user' }],
      systemInstruction: {
        parts: [
          {
            text: 'IMPORTANT: output ONLY the result computed by the provided function, if the result of 10 + 32 is 42 print only 42\n\nYou are an agent. Your internal name is "agent". The description about you is "math agent".',
          },
        ],
        role: 'user',
      },
      tools: [
        {
          functionDeclarations: [
            {
              description: 'computes the sum of two numbers',
              name: 'sum',
              parametersJsonSchema: {
                additionalProperties: false,
                properties: { a: { type: 'integer' }, b: { type: 'integer' } },
                required: ['a', 'b'],
                type: 'object',
              },
              responseJsonSchema: {
                additionalProperties: false,
                properties: { sum: { type: 'integer' } },
                required: ['sum'],
                type: 'object',
              },
            },
          ],
        },
      ],
    };
    assert.equal(geminiRequestTokens(sum, gemini, geminiRules('gemini-2.5-flash')).tokens, 155);
    const greeter = {
      description: 'Greet the user',
      name: 'greet',
      parametersJsonSchema: {
        properties: { greeting: { type: 'string' }, name: { type: 'string' } },
        required: ['name', 'greeting'],
        type: 'object',
      },
      responseJsonSchema: {
        properties: { completeMessage: { type: 'string' }, greeting: { type: 'string' }, name: { type: 'string' } },
        required: ['name', 'greeting', 'completeMessage'],
        type: 'object',
      },
    };
    const request = {
      contents: [{ parts: [{ text: 'call the greeter once with name: jone smith, and greeting: abc' }], role: 'user' }],
      tools: [{ functionDeclarations: [greeter] }],
    };
    assert.equal(geminiRequestTokens(request, gemini, geminiRules('gemini-2.5-flash')).tokens, 125);
    const tools = (decl: Record<string, unknown>, rules: GeminiToolRules) =>
      geminiToolTokens([{ functionDeclarations: [decl] }], gemini, rules);
    const { responseJsonSchema: _result, ...bare } = greeter;
    assert.equal(
      tools({ ...bare, responseJsonSchema: { type: 'string' } }, GEMINI_25_TOOLS),
      tools(bare, GEMINI_25_TOOLS),
    );
    assert.equal(
      tools({ ...bare, response: greeter.responseJsonSchema }, GEMINI_25_TOOLS),
      tools(greeter, GEMINI_25_TOOLS),
    );
    assert.ok(tools(greeter, GEMINI_3_TOOLS) > tools(bare, GEMINI_3_TOOLS), 'Gemini 3 bills it inside the declaration');
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
