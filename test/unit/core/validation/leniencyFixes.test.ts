import * as assert from 'node:assert/strict';
import { validateLine, type Issue } from '../../../../src/core/validation';
import type { BatchKind } from '../../../../src/core/batchKind';
import type { LineFix } from '../../../../src/core/validation/lineFix';
import { quickFixFor } from '../../../../src/core/validation/quickFixEdits';
import { fixAllInLine, issuesByLine } from '../../../../src/features/validation/fixAllEdits';

const apply = (line: string, fix: LineFix): string =>
  line.slice(0, fix.startCol) + fix.newText + line.slice(fix.endCol);

function issueOf(kind: BatchKind, line: string, code: string, index = 0): Issue {
  const issue = validateLine(kind, line, 0).filter((i) => i.code === code)[index];
  assert.ok(issue, `no ${code} #${index} on ${line}`);
  return issue;
}

/** Fixes every issue of `code` on the line at once and returns the new line. */
function fixAll(kind: BatchKind, line: string, code: string): string {
  const fix = fixAllInLine(
    line,
    validateLine(kind, line, 0).filter((i) => i.code === code),
  );
  assert.ok(fix, `no fix-all for ${code} on ${line}`);
  return apply(line, fix);
}

const CONTENTS = '"contents":[{"parts":[{"text":"Hi"}]}]';

suite('quick fixes: non-canonical forms to the canonical one', () => {
  test('enum-case: the API spelling of the value, and the line is clean', () => {
    const line = `{"key":"a","request":{${CONTENTS},"generationConfig":{"thinkingConfig":{"thinkingLevel":"High"}}}}`;
    const fix = quickFixFor(line, issueOf('gemini-generate', line, 'enum-case'));
    assert.ok(fix);
    assert.equal(fix.title, 'Change "High" to "HIGH"');
    assert.equal(line.slice(fix.startCol, fix.endCol), '"High"');
    assert.deepEqual(validateLine('gemini-generate', apply(line, fix), 0), []);
  });

  test('single-value: the value wrapped in [ ], keeping its text', () => {
    const line = '{"key":"a","request":{"contents":[{"parts": {"text": "x"}}]}}';
    const fix = quickFixFor(line, issueOf('gemini-generate', line, 'single-value'));
    assert.ok(fix);
    assert.equal(apply(line, fix), '{"key":"a","request":{"contents":[{"parts": [{"text": "x"}]}]}}');
    assert.deepEqual(validateLine('gemini-generate', apply(line, fix), 0), []);
  });

  test('single-value, nested: fixing the outer one first leaves the inner one fixable by its new path', () => {
    const line = '{"key":"a","request":{"contents":{"parts":{"text":"x"}}}}';
    const outer = quickFixFor(line, issueOf('gemini-generate', line, 'single-value', 0));
    assert.ok(outer);
    const once = apply(line, outer);
    assert.equal(once, '{"key":"a","request":{"contents":[{"parts":{"text":"x"}}]}}');
    const inner = quickFixFor(once, issueOf('gemini-generate', once, 'single-value'));
    assert.ok(inner);
    assert.deepEqual(validateLine('gemini-generate', apply(once, inner), 0), []);
  });

  test('ignored-field: moved into request with its own spelling; the SDK config becomes generationConfig', () => {
    const line = `{"key":"a","request":{${CONTENTS}},"generation_config":{"temperature":0}}`;
    const fix = quickFixFor(line, issueOf('gemini-generate', line, 'ignored-field'));
    assert.ok(fix);
    assert.equal(fix.title, 'Move "generation_config" into "request"');
    const fixed = apply(line, fix);
    assert.deepEqual(JSON.parse(fixed), {
      key: 'a',
      request: { contents: [{ parts: [{ text: 'Hi' }] }], generation_config: { temperature: 0 } },
    });
    assert.deepEqual(validateLine('gemini-generate', fixed, 0), []);
    const sdk = `{"key":"a","request":{${CONTENTS}},"config":{"temperature":0}}`;
    const renamed = quickFixFor(sdk, issueOf('gemini-generate', sdk, 'ignored-field'));
    assert.ok(renamed);
    assert.equal(renamed.title, 'Move "config" to "request.generationConfig"');
    assert.deepEqual(validateLine('gemini-generate', apply(sdk, renamed), 0), []);
  });

  test('ignored-field: no fix when the request already holds the field in either spelling', () => {
    const line = `{"key":"a","request":{${CONTENTS},"generationConfig":{}},"generation_config":{"temperature":0}}`;
    assert.equal(quickFixFor(line, issueOf('gemini-generate', line, 'ignored-field')), undefined);
  });

  test("echoed-field has no fix: it is the author's metadata; unless it was written for key", () => {
    const line = `{"id":"x","key":"a","request":{${CONTENTS}}}`;
    assert.equal(quickFixFor(line, issueOf('gemini-generate', line, 'echoed-field')), undefined);
    const kye = `{"Kye":"a","request":{${CONTENTS}}}`;
    const fix = quickFixFor(kye, issueOf('gemini-generate', kye, 'echoed-field'));
    assert.ok(fix);
    assert.equal(fix.title, 'Rename "Kye" to "key"');
    assert.deepEqual(validateLine('gemini-generate', apply(kye, fix), 0), []);
  });
});

suite('quick fixes: fix all of this kind', () => {
  test('every enum of the line in one edit', () => {
    const line = `{"key":"a","request":{${CONTENTS},"safety_settings":[{"category":"harm_category_hate_speech","threshold":"block_none"}],"generationConfig":{"responseModalities":["text","image"]}}}`;
    const fixed = fixAll('gemini-generate', line, 'enum-case');
    assert.equal(
      fixed,
      line
        .replace('harm_category_hate_speech', 'HARM_CATEGORY_HATE_SPEECH')
        .replace('block_none', 'BLOCK_NONE')
        .replace('"text","image"', '"TEXT","IMAGE"'),
    );
    assert.deepEqual(validateLine('gemini-generate', fixed, 0), []);
  });

  test('nested single values: the deepest first, so every path still holds', () => {
    const line =
      '{"key":"a","request":{"contents":{"role":"user","parts":{"text":"x"}},"tools":{"code_execution":{}}}}';
    const fixed = fixAll('gemini-generate', line, 'single-value');
    assert.equal(
      fixed,
      '{"key":"a","request":{"contents":[{"role":"user","parts":[{"text":"x"}]}],"tools":[{"code_execution":{}}]}}',
    );
    assert.deepEqual(validateLine('gemini-generate', fixed, 0), []);
  });

  test('several fields moved into request', () => {
    const line = `{"key":"a","request":{${CONTENTS}},"generation_config":{"temperature":0},"tools":[{"code_execution":{}}]}`;
    const fixed = fixAll('gemini-generate', line, 'ignored-field');
    assert.deepEqual(Object.keys(JSON.parse(fixed).request).sort(), ['contents', 'generation_config', 'tools']);
    assert.deepEqual(validateLine('gemini-generate', fixed, 0), []);
  });

  test('a line whose issues have no fix gives no edit; issues are grouped by line and code', () => {
    const line = `{"id":"x","key":"a","request":{${CONTENTS}}}`;
    assert.equal(fixAllInLine(line, validateLine('gemini-generate', line, 0)), undefined);
    const issues = [
      ...validateLine('gemini-generate', '{"contents":{"parts":{"text":"x"}}}', 0),
      ...validateLine('gemini-generate', line, 3),
    ];
    const groups = issuesByLine(issues, 'single-value');
    assert.deepEqual([...groups.keys()], [0]);
    assert.equal(groups.get(0)?.length, 2);
  });
});
