import * as assert from 'node:assert/strict';
import { isServiceParseFailure, messageFor, validateLine, type Issue } from '../../../../src/core/validation';
import type { BatchKind } from '../../../../src/core/batchKind';

/** The one issue of a line, with the text its range covers. */
function only(kind: BatchKind, line: string): { issue: Issue; covered: string; message: string } {
  const issues = validateLine(kind, line, 4);
  assert.equal(
    issues.length,
    1,
    `expected one issue, got ${issues.map((i) => `${i.code}: ${messageFor(i)}`).join(' | ')}`,
  );
  const [issue] = issues;
  assert.equal(issue.line, 4);
  assert.equal(issue.endLine, 4);
  return { issue, covered: line.slice(issue.startCol, issue.endCol), message: messageFor(issue) };
}

const CONTENTS = '"contents":[{"role":"user","parts":[{"text":"Hi"}]}]';
const OPENAI = (body: string, extra = '"method":"POST",') =>
  `{"custom_id":"r1",${extra}"url":"/v1/chat/completions","body":${body}}`;

suite('validation: known user mistakes, on the right range', () => {
  test('system_instruction as an array of parts', () => {
    const { issue, covered, message } = only(
      'gemini-generate',
      `{"key":"a","request":{${CONTENTS},"system_instruction":[{"text":"Be brief"}]}}`,
    );
    assert.equal(issue.code, 'type-mismatch');
    assert.equal(covered, '[{"text":"Be brief"}]');
    assert.match(
      message,
      /^`system_instruction` must be a Content object like \{.*"parts":\[\{"text":"…"\}\]\}, not an array$/,
    );
    assert.equal(isServiceParseFailure(issue), true);
  });

  test('thinking_config at the request top level', () => {
    const { issue, covered, message } = only(
      'gemini-generate',
      `{"key":"a","request":{${CONTENTS},"thinking_config":{"thinking_budget":0}}}`,
    );
    assert.equal(issue.code, 'unknown-field');
    assert.equal(covered, '"thinking_config"');
    assert.equal(
      message,
      'Unknown field `thinking_config` in request: did you mean `generationConfig.thinkingConfig`?',
    );
    assert.equal(isServiceParseFailure(issue), true);
  });

  test('contents as a plain string', () => {
    const { issue, covered, message } = only('gemini-generate', '{"key":"a","request":{"contents":"Tell me a joke"}}');
    assert.equal(issue.code, 'type-mismatch');
    assert.equal(covered, '"Tell me a joke"');
    assert.match(message, /^`contents` must be an array like \[.*\], not a string$/);
  });

  test("the SDK's config instead of generationConfig", () => {
    const { issue, covered, message } = only(
      'gemini-generate',
      `{"key":"a","request":{${CONTENTS},"config":{"temperature":0.1}}}`,
    );
    assert.equal(issue.code, 'unknown-field');
    assert.equal(covered, '"config"');
    assert.equal(message, "`config` is the SDK's name; in a batch line use `generationConfig`");
  });

  test('an OpenAI role in Gemini contents (parses, fails when run)', () => {
    const { issue, covered, message } = only(
      'gemini-generate',
      '{"key":"a","request":{"contents":[{"role":"assistant","parts":[{"text":"Hi"}]}]}}',
    );
    assert.equal(issue.code, 'invalid-value');
    assert.equal(covered, '"assistant"');
    assert.match(message, /^role `assistant` is OpenAI's; Gemini contents use `user` or `model`/);
    assert.equal(isServiceParseFailure(issue), false);
  });

  test('a Gemini role in OpenAI messages', () => {
    const { issue, covered, message } = only(
      'openai',
      OPENAI('{"model":"gemini-2.5-flash","messages":[{"role":"model","content":"Hi"}]}'),
    );
    assert.equal(issue.code, 'invalid-value');
    assert.equal(covered, '"model"');
    assert.match(message, /^role `model` is Gemini's; OpenAI messages use/);
  });

  test('Anthropic-style params lines, in an OpenAI file and in a Gemini file', () => {
    const line =
      '{"custom_id":"r1","params":{"model":"claude-sonnet-4","max_tokens":1024,"messages":[{"role":"user","content":"Hi"}]}}';
    const inOpenai = only('openai', line);
    assert.equal(inOpenai.issue.code, 'wrong-kind');
    assert.equal(inOpenai.covered, '"params"');
    assert.match(inOpenai.message, /Anthropic's Message Batches format/);
    const inGemini = only('gemini-generate', line);
    assert.equal(inGemini.issue.code, 'wrong-kind');
    assert.equal(
      inGemini.message,
      'This line looks like an Anthropic Message Batches line but the file holds Gemini generateContent lines',
    );
  });

  test('an OpenAI line in a Gemini file and a Gemini line in an OpenAI file: wrong-kind, not the schema dump', () => {
    const openaiLine = OPENAI('{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"Hi"}]}');
    const { issue, covered, message } = only('gemini-generate', openaiLine);
    assert.equal(issue.code, 'wrong-kind');
    assert.equal(covered, '"custom_id"');
    assert.equal(message, 'This line looks like an OpenAI line but the file holds Gemini generateContent lines');
    const gemini = only('openai', `{"key":"a","request":{${CONTENTS}}}`);
    assert.equal(gemini.issue.code, 'wrong-kind');
    assert.equal(gemini.covered, '"request"');
  });

  test('OpenAI line without method: on the opening brace, not the whole line', () => {
    const line = OPENAI('{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"Hi"}]}', '');
    const { issue, covered, message } = only('openai', line);
    assert.equal(issue.code, 'missing-field');
    assert.deepEqual([issue.startCol, covered], [0, '{']);
    assert.match(message, /^Missing required field `method`/);
  });

  test('OpenAI line without custom_id', () => {
    const line =
      '{"method":"POST","url":"/v1/chat/completions","body":{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"Hi"}]}}';
    const { issue, covered, message } = only('openai', ` ${line}`);
    assert.equal(issue.code, 'missing-field');
    assert.deepEqual([issue.startCol, covered], [1, '{'], 'the brace, after the blank that starts the line');
    assert.match(message, /^Missing required field `custom_id`/);
  });

  test('OpenAI line without body.model: on the `body` key', () => {
    const { issue, covered, message } = only('openai', OPENAI('{"messages":[{"role":"user","content":"Hi"}]}'));
    assert.equal(issue.code, 'missing-field');
    assert.equal(covered, '"body"');
    assert.equal(message, 'Missing required field `model` in body');
  });

  test('an unknown enum value is a parse failure for the service', () => {
    const { issue, covered } = only(
      'gemini-embed',
      '{"key":"a","request":{"content":{"parts":[{"text":"x"}]},"taskType":"RETRIEVAL"}}',
    );
    assert.equal(issue.code, 'invalid-value');
    assert.equal(covered, '"RETRIEVAL"');
    assert.equal(isServiceParseFailure(issue), true);
  });

  test('a field at the wrong depth says where it belongs', () => {
    const line = `{"key":"a","request":{${CONTENTS},"generationConfig":{"system_instruction":{"parts":[{"text":"x"}]}}}}`;
    const { covered, message } = only('gemini-generate', line);
    assert.equal(covered, '"system_instruction"');
    assert.equal(
      message,
      'Unknown field `system_instruction` in request.generationConfig: it belongs at `request.systemInstruction`',
    );
  });

  test("OpenAI's generation settings, in the request or already in generationConfig, are named by Gemini's", () => {
    const cases: [string, string][] = [
      ['"max_tokens":100', "`max_tokens` is OpenAI's name; Gemini uses `generationConfig.maxOutputTokens`"],
      ['"n":2', "`n` is OpenAI's name; Gemini uses `generationConfig.candidateCount`"],
      ['"generationConfig":{"max_tokens":100}', "`max_tokens` is OpenAI's name; Gemini uses `maxOutputTokens`"],
      ['"generationConfig":{"stop":["x"]}', "`stop` is OpenAI's name; Gemini uses `stopSequences`"],
      [
        '"generationConfig":{"maxTokens":100}',
        'Unknown field `maxTokens` in request.generationConfig: did you mean `maxOutputTokens`?',
      ],
    ];
    for (const [fields, expected] of cases) {
      assert.equal(only('gemini-generate', `{"key":"a","request":{${CONTENTS},${fields}}}`).message, expected);
    }
  });

  test('an OpenAI-shaped message inside Gemini contents', () => {
    const line = '{"key":"a","request":{"contents":[{"role":"user","content":"Hi"}]}}';
    const issues = validateLine('gemini-generate', line, 0);
    assert.deepEqual(
      issues.map((i) => [i.code, line.slice(i.startCol, i.endCol), messageFor(i)]),
      [
        ['missing-field', '{"role":"user","content":"Hi"}', 'Missing required field `parts` in request.contents[0]'],
        ['unknown-field', '"content"', "`content` is OpenAI's name; Gemini uses `parts`"],
      ],
    );
  });

  test('a part written straight into a Content: the suggestion goes through the array', () => {
    const line = '{"key":"a","request":{"contents":[{"role":"user","parts":[],"text":"Hi"}]}}';
    const texts = validateLine('gemini-generate', line, 0).map(messageFor);
    assert.ok(
      texts.includes('Unknown field `text` in request.contents[0]: did you mean `parts[0].text`?'),
      texts.join(' | '),
    );
  });

  test('JSON syntax errors at their position, with what was expected', () => {
    const trailing = only('gemini-generate', '{"key":"a","request":{"contents":[],}}');
    assert.equal(trailing.issue.code, 'json-syntax');
    assert.equal(trailing.issue.startCol, 35);
    assert.equal(trailing.covered, ',');
    const missing = only('gemini-generate', '{"key":"a" "request":{}}');
    assert.equal(missing.issue.code, 'json-syntax');
    assert.equal(missing.covered, '"request"');
    // Everything that could come next, not only the one token the parser names (issue 11).
    assert.equal(missing.message, 'Invalid JSON: expected `,` or `}`, found `"request"`');
    const cut = only('gemini-generate', '{"key":"a","request":{"contents":[');
    assert.equal(
      cut.message,
      'Invalid JSON: the line ends before the JSON does (expected a value or `]`); each request must be on one line',
    );
    assert.equal(cut.issue.startCol, 34);
    const inArray = only('gemini-generate', '{"key":"a","request":{"contents":[{} {}]}}');
    assert.equal(inArray.message, 'Invalid JSON: expected `,` or `]`, found `{`');
    const wrongBracket = only('gemini-generate', '{"key":"a","request":{"contents":[{}}}');
    assert.equal(wrongBracket.message, 'Invalid JSON: expected `,` or `]`, found `}`');
    const bareName = only('gemini-generate', '{key: "a"}');
    assert.equal(bareName.message, 'Invalid JSON: expected a property name in double quotes or `}`, found `key`');
  });

  test('not an object', () => {
    for (const [line, word] of [
      ['[1,2]', 'an array'],
      ['"text"', 'a string'],
      ['42', 'a number'],
      ['null', 'null'],
    ] as const) {
      const { issue, covered, message } = only('gemini-generate', line);
      assert.equal(issue.code, 'not-an-object');
      assert.equal(covered, line);
      assert.ok(message.endsWith(`not ${word}`), message);
    }
  });

  test('several mistakes in one line are each reported once, at their place', () => {
    const line = `{"key":"a","request":{${CONTENTS},"config":{},"generationConfig":{"temperature":"hot"}}}`;
    const issues = validateLine('gemini-generate', line, 0);
    assert.deepEqual(issues.map((i) => [i.code, line.slice(i.startCol, i.endCol)]).sort(), [
      ['type-mismatch', '"hot"'],
      ['unknown-field', '"config"'],
    ]);
  });
});
