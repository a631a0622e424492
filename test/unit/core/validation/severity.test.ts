import * as assert from 'node:assert/strict';
import { isServiceParseFailure, messageFor, validateLine, type Issue } from '../../../../src/core/validation';
import type { BatchKind } from '../../../../src/core/batchKind';
import { checkLine } from '../../../../src/emulator/jobs/lineCheck';
import { paramOf } from './paramOf';

/** [severity, code, the text the range covers] of each issue, in order. */
function seen(kind: BatchKind, line: string): [string, string, string][] {
  return validateLine(kind, line, 2).map((i) => [i.severity, i.code, line.slice(i.startCol, i.endCol)]);
}

const errorsOf = (kind: BatchKind, line: string): Issue[] =>
  validateLine(kind, line, 0).filter((i) => i.severity === 'error');
const CONTENTS = '"contents":[{"parts":[{"text":"Hi"}]}]';

suite('validation: severity follows what the service does', () => {
  test("a system instruction's role is ignored by the service (hermes-agent#27121, #99267); a turn's is not", () => {
    for (const role of ['system', 'assistant', 'user', 'SYSTEM']) {
      for (const field of ['systemInstruction', 'system_instruction']) {
        const line = `{"key":"a","request":{"${field}":{"role":"${role}","parts":[{"text":"Be brief"}]},${CONTENTS}}}`;
        assert.deepEqual(seen('gemini-generate', line), [], line);
        // Bare requests as well (a bare request is itself a warning, not an error).
        const bare = `{"${field}":{"role":"${role}","parts":[{"text":"x"}]},${CONTENTS}}`;
        assert.deepEqual(errorsOf('gemini-generate', bare), []);
      }
    }
    const turn = '{"key":"a","request":{"contents":[{"role":"system","parts":[{"text":"Hi"}]}]}}';
    assert.deepEqual(seen('gemini-generate', turn), [['error', 'invalid-value', '"system"']]);
  });

  suite('enum values in another letter case: warning enum-case', () => {
    test('"thinkingLevel": "High" (cookbook Get_started_thinking_REST) is a warning on the value', () => {
      const line = `{"key":"a","request":{${CONTENTS},"generationConfig":{"thinkingConfig":{"thinkingLevel":"High"}}}}`;
      assert.deepEqual(seen('gemini-generate', line), [['warning', 'enum-case', '"High"']]);
      const [issue] = validateLine('gemini-generate', line, 0);
      assert.deepEqual(issue.params, {
        field: 'thinkingLevel',
        path: 'request.generationConfig.thinkingConfig.thinkingLevel',
        value: 'High',
        canonical: 'HIGH',
      });
      assert.equal(issue.path, '/request/generationConfig/thinkingConfig/thinkingLevel');
      assert.match(messageFor(issue), /^`thinkingLevel` is `High`; the API's value is `HIGH`/);
    });

    test('"mode": "none" (cookbook Function_calling_config_REST), snake_case enums, repeated enums', () => {
      const line =
        `{"key":"a","request":{${CONTENTS},"tool_config":{"function_calling_config":{"mode":"none"}},` +
        '"safety_settings":[{"category":"harm_category_hate_speech","threshold":"block_none"}],"generationConfig":{"responseModalities":["text"]}}}';
      assert.deepEqual(seen('gemini-generate', line), [
        ['warning', 'enum-case', '"none"'],
        ['warning', 'enum-case', '"harm_category_hate_speech"'],
        ['warning', 'enum-case', '"block_none"'],
        ['warning', 'enum-case', '"text"'],
      ]);
    });

    test('an embedding task type in lower case', () => {
      const line = '{"key":"a","request":{"content":{"parts":[{"text":"x"}]},"taskType":"retrieval_document"}}';
      assert.deepEqual(seen('gemini-embed', line), [['warning', 'enum-case', '"retrieval_document"']]);
    });

    test('a value that is no enum value in any case stays an error, and so does a role in another case', () => {
      assert.deepEqual(
        seen('gemini-embed', '{"key":"a","request":{"content":{"parts":[{"text":"x"}]},"taskType":"retrieval"}}'),
        [['error', 'invalid-value', '"retrieval"']],
      );
      // role is a plain string to the proto parser: no evidence that another case is a role.
      assert.deepEqual(
        seen('gemini-generate', '{"key":"a","request":{"contents":[{"role":"User","parts":[{"text":"x"}]}]}}'),
        [['error', 'invalid-value', '"User"']],
      );
    });

    test('OpenAI bodies get no leniency: their enums are case-sensitive', () => {
      const line =
        '{"custom_id":"r","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"User","content":"Hi"}]}}';
      assert.equal(seen('openai', line)[0][0], 'error');
    });
  });

  suite('a single value where a field is repeated: warning single-value', () => {
    test('"contents": {"parts": {"text": …}} (the official code-execution REST example): two warnings, no error', () => {
      const line =
        '{"key":"a","request":{"tools":[{"code_execution":{}}],"contents":{"parts":{"text":"What is the sum of the first 50 primes?"}}}}';
      assert.deepEqual(seen('gemini-generate', line), [
        ['warning', 'single-value', '"contents"'],
        ['warning', 'single-value', '"parts"'],
      ]);
      const [contents, parts] = validateLine('gemini-generate', line, 0);
      assert.equal(contents.path, '/request/contents');
      assert.equal(parts.path, '/request/contents/parts');
      assert.match(messageFor(parts), /^`parts` is a list: write the object inside `\[…\]`/);
    });

    test('tools, safetySettings, a system instruction with a single part, a repeated string', () => {
      const line =
        '{"key":"a","request":{"contents":[{"parts":[{"text":"x"}]}],"tools":{"code_execution":{}},' +
        '"system_instruction":{"parts":{"text":"Be brief"}},"generationConfig":{"stopSequences":"END"}}}';
      assert.deepEqual(
        seen('gemini-generate', line).map(([s, c, t]) => [s, c, t]),
        [
          ['warning', 'single-value', '"tools"'],
          ['warning', 'single-value', '"parts"'],
          ['warning', 'single-value', '"stopSequences"'],
        ],
      );
    });

    test('what is inside a single object is still checked, and its errors are placed on the line as written', () => {
      const line = '{"key":"a","request":{"contents":{"role":"user","parts":{"txt":"x"}}}}';
      const issues = validateLine('gemini-generate', line, 0);
      const errors = issues.filter((i) => i.severity === 'error');
      assert.deepEqual(
        errors.map((i) => [i.code, line.slice(i.startCol, i.endCol), i.path]),
        [['unknown-field', '"txt"', '/request/contents/parts/txt']],
      );
      assert.equal(messageFor(errors[0]), 'Unknown field `txt` in request.contents.parts: did you mean `text`?');
      assert.equal(isServiceParseFailure(errors[0]), true);
      assert.deepEqual(
        issues.filter((i) => i.severity === 'warning').map((i) => i.code),
        ['single-value', 'single-value'],
      );
    });

    test('a missing field inside a single object is an error on the name holding it (as for any object)', () => {
      const line = '{"key":"a","request":{"contents":{"role":"user"}}}';
      const errors = errorsOf('gemini-generate', line);
      assert.deepEqual(
        errors.map((i) => [i.code, line.slice(i.startCol, i.endCol), i.path]),
        [['missing-field', '"contents"', '/request/contents']],
      );
      assert.equal(messageFor(errors[0]).startsWith('Missing required field `parts` in request.contents'), true);
    });

    test('a single value of another type than the items is still a type error (no wrapping a string into contents)', () => {
      assert.deepEqual(seen('gemini-generate', '{"key":"a","request":{"contents":"Tell me a joke"}}'), [
        ['error', 'type-mismatch', '"Tell me a joke"'],
      ]);
    });

    test('an array where one object belongs stays an error (system_instruction as a list: inspect_ai#5100)', () => {
      const line = `{"key":"a","request":{${CONTENTS},"system_instruction":[{"text":"Be brief"}]}}`;
      assert.deepEqual(seen('gemini-generate', line), [['error', 'type-mismatch', '[{"text":"Be brief"}]']]);
    });

    test('a bare request with single values: the warnings sit on the bare line', () => {
      const line = '{"contents":{"parts":{"text":"x"}}}';
      assert.deepEqual(seen('gemini-generate', line), [
        ['warning', 'single-value', '"contents"'],
        ['warning', 'single-value', '"parts"'],
        ['warning', 'bare-request', '"contents"'],
      ]);
    });
  });

  suite('fields beside key and request', () => {
    test('metadata fields are information (echoed back, go-genai#513); an array is a warning (it came back empty)', () => {
      const line = `{"id":"ac28","product_id":"bamv6","image_candidates":["c744"],"key":"a","request":{${CONTENTS}}}`;
      assert.deepEqual(seen('gemini-generate', line), [
        ['info', 'echoed-field', '"id"'],
        ['info', 'echoed-field', '"product_id"'],
        ['warning', 'echoed-field', '"image_candidates"'],
      ]);
      assert.match(messageFor(validateLine('gemini-generate', line, 0)[0]), /copies it into the result line/);
    });

    test('a request field beside request is a warning that says it is ignored (cookbook#846)', () => {
      const line = `{"key":"a","request":{${CONTENTS}},"generation_config":{"temperature":0}}`;
      const issues = validateLine('gemini-generate', line, 0);
      assert.deepEqual(
        issues.map((i) => [i.severity, i.code, line.slice(i.startCol, i.endCol)]),
        [['warning', 'ignored-field', '"generation_config"']],
      );
      assert.equal(
        messageFor(issues[0]),
        '`generation_config` beside `request` is ignored by the Batch API, so the request runs without it; did you mean `request.generationConfig`?',
      );
    });

    test('contents, tools, systemInstruction and the SDK config beside request', () => {
      const line = `{"key":"a","request":{${CONTENTS}},"tools":[],"systemInstruction":{"parts":[]},"config":{}}`;
      assert.deepEqual(
        validateLine('gemini-generate', line, 0).map((i) => [i.severity, paramOf(i, 'suggestion')]),
        [
          ['warning', 'request.tools'],
          ['warning', 'request.systemInstruction'],
          ['warning', 'request.generationConfig'],
        ],
      );
    });

    test('embed lines the same: output_dimensionality beside request is ignored, an id is echoed', () => {
      const line = '{"key":"a","id":7,"request":{"content":{"parts":[{"text":"x"}]}},"output_dimensionality":3}';
      assert.deepEqual(
        validateLine('gemini-embed', line, 0).map((i) => [i.severity, i.code, paramOf(i, 'field')]),
        [
          ['info', 'echoed-field', 'id'],
          ['warning', 'ignored-field', 'output_dimensionality'],
        ],
      );
    });

    test('beside the fields, the request is still checked', () => {
      const line = '{"key":"a","id":"x","request":{"contents":[{"parts":[{"text":"x"}]}],"foo":1}}';
      assert.deepEqual(seen('gemini-generate', line), [
        ['error', 'unknown-field', '"foo"'],
        ['info', 'echoed-field', '"id"'],
      ]);
    });

    test('a field written for key on a line without one is a warning that says so', () => {
      const line = `{"custom_id":"r1","request":{${CONTENTS}}}`;
      const issues = validateLine('gemini-generate', line, 0);
      assert.deepEqual(
        issues.map((i) => [i.severity, i.code, line.slice(i.startCol, i.endCol)]),
        [
          ['warning', 'echoed-field', '"custom_id"'],
          ['warning', 'missing-key', '"request"'],
        ],
      );
      assert.match(messageFor(issues[0]), /did you mean `key`\?$/);
      assert.equal(
        validateLine('gemini-generate', `{"Key":"a","key":"b","request":{${CONTENTS}}}`, 0)[0].severity,
        'info',
      );
    });

    test('without a request the line is broken: the misspelled envelope key stays an error', () => {
      const issues = validateLine('gemini-generate', `{"key":"a","reqeust":{${CONTENTS}}}`, 0);
      assert.deepEqual(issues.map((i) => [i.severity, i.code]).sort(), [
        ['error', 'missing-field'],
        ['error', 'unknown-field'],
      ]);
    });

    test('a field named like an Object.prototype member is a field like any other', () => {
      assert.deepEqual(
        validateLine('gemini-generate', `{"key":"a","constructor":1,"__proto__":2,"request":{${CONTENTS}}}`, 0).map(
          (i) => [i.severity, paramOf(i, 'field')],
        ),
        [
          ['info', 'constructor'],
          ['info', '__proto__'],
        ],
      );
    });
  });

  test('a line with very many values, where only the first error is known, still reads lenient forms as warnings', () => {
    const parts = Array.from({ length: 3000 }, (_, i) => `{"text":"part ${i}"}`).join(',');
    const line =
      `{"key":"a","request":{"contents":{"role":"user","parts":[${parts}]},"safetySettings":{"category":"harm_category_hate_speech","threshold":"off"},` +
      '"generationConfig":{"thinkingConfig":{"thinkingLevel":"low"}}}}';
    assert.deepEqual(
      validateLine('gemini-generate', line, 0).map((i) => [i.severity, i.code, line.slice(i.startCol, i.endCol)]),
      [
        ['warning', 'single-value', '"contents"'],
        ['warning', 'single-value', '"safetySettings"'],
        ['warning', 'enum-case', '"harm_category_hate_speech"'],
        ['warning', 'enum-case', '"off"'],
        ['warning', 'enum-case', '"low"'],
      ],
    );
    const broken = line.replace('"part 7"', '"part 7","bogus":1');
    assert.deepEqual(
      errorsOf('gemini-generate', broken).map((i) => [i.code, broken.slice(i.startCol, i.endCol)]),
      [['unknown-field', '"bogus"']],
    );
  });

  test('a missing key stays a warning', () => {
    assert.deepEqual(seen('gemini-generate', `{"request":{${CONTENTS}}}`), [['warning', 'missing-key', '"request"']]);
  });

  test('the emulator accepts what the service accepts: only errors refuse a batch', () => {
    const lenient =
      '{"id":"x","key":"a","request":{"contents":{"parts":{"text":"x"}},"generationConfig":{"thinkingConfig":{"thinkingLevel":"low"}}},"generation_config":{}}';
    assert.equal(checkLine('gemini-generate', lenient), undefined);
    assert.match(
      checkLine('gemini-generate', '{"key":"a","request":{"contents":{"parts":{"txt":"x"}}}}') ?? '',
      /no such field: 'txt'/,
    );
    assert.match(
      checkLine('gemini-generate', `{"key":"a","request":{${CONTENTS},"bogus":1}}`) ?? '',
      /no such field: 'bogus'/,
    );
  });
});
