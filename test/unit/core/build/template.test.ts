import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileTemplate, renderTemplate } from '../../../../src/core/build';

const TEMPLATE =
  '{"request":{"contents":[{"parts":[{"text":"Q: {{question}}"}]}],"generationConfig":{"temperature":{{ temp }}}}}';

function render(template: string, values: Record<string, unknown>, typed = false): string {
  const out = renderTemplate(compileTemplate(template), values, typed);
  if (!('text' in out)) {
    throw new Error(`missing ${out.missing}`);
  }
  return out.text;
}

suite('template', () => {
  test('finds each placeholder, whether it stands inside a string, and the columns once each', () => {
    const t = compileTemplate('{"a":"{{x}} and {{x}}","b":{{y}}}');
    assert.deepEqual(t.columns, ['x', 'y']);
    assert.deepEqual(
      t.segments.filter((s) => typeof s !== 'string'),
      [
        { column: 'x', inString: true },
        { column: 'x', inString: true },
        { column: 'y', inString: false },
      ],
    );
  });

  test('values are escaped where they land: quotes, backslashes, line breaks, unicode', () => {
    const value = 'say "hi"\\n\nnext\ttab é 😀 \u2028';
    const parsed = JSON.parse(render(TEMPLATE, { question: value, temp: '0.5' }));
    assert.equal(parsed.request.contents[0].parts[0].text, `Q: ${value}`);
    assert.equal(parsed.request.generationConfig.temperature, 0.5);
  });

  test('inside a string: null is nothing, objects and arrays their JSON, numbers and booleans as written', () => {
    const inString = (v: unknown): unknown => JSON.parse(render('{"v":"<{{v}}>"}', { v }, true)).v;
    assert.equal(inString(null), '<>');
    assert.equal(inString({ a: [1, 'x'] }), '<{"a":[1,"x"]}>');
    assert.equal(inString(['y']), '<["y"]>');
    assert.equal(inString(2.5), '<2.5>');
    assert.equal(inString(false), '<false>');
  });

  test('a value that looks like a placeholder stays as it is', () => {
    const parsed = JSON.parse(render(TEMPLATE, { question: '{{temp}} {{question}}', temp: '1' }));
    assert.equal(parsed.request.contents[0].parts[0].text, 'Q: {{temp}} {{question}}');
  });

  test('in a value position: CSV text that is a JSON literal or JSON text is that value, other text a string', () => {
    const values = (v: unknown): unknown => JSON.parse(render('{"v":{{v}}}', { v })).v;
    assert.equal(values('true'), true);
    assert.equal(values(' 12e3 '), 12000);
    assert.deepEqual(values('{"a": [1,\n 2]}'), { a: [1, 2] });
    assert.equal(values('hello'), 'hello');
    assert.equal(values('{not json'), '{not json');
  });

  test('in a value position: typed data (JSON, JSONL) keeps its values and types', () => {
    const values = (v: unknown): unknown => JSON.parse(render('{"v":{{v}}}', { v }, true)).v;
    assert.equal(values('0.5'), '0.5');
    assert.deepEqual(values({ a: null }), { a: null });
    assert.equal(values(3), 3);
  });

  test('a pretty-printed template is read as one line; a missing column is named', () => {
    assert.equal(render('{\n  "a": "{{x}}"\r\n}', { x: 'y' }), '{  "a": "y"}');
    assert.deepEqual(renderTemplate(compileTemplate('{"a":"{{x}}"}'), { y: 1 }), { missing: 'x' });
  });

  test('property: any string values render to JSON that parses back to the values', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ maxLength: 20 }),
        fc.jsonValue(),
        (a, b, c) => {
          const parsed = JSON.parse(render('{"a":"{{a}}","b":"<{{b}}>","c":{{c}}}', { a, b, c }, true));
          assert.equal(parsed.a, a);
          assert.equal(parsed.b, `<${b}>`);
          assert.deepEqual(parsed.c, JSON.parse(JSON.stringify(c)));
        },
      ),
    );
  });

  test('property: any template text and values never crash compile or render', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('{{', '}}', '"', '\\', '{{a}}', '{{ b }}', '{{}}', '\n'),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }).map((p) => p.join('')),
        fc.dictionary(fc.constantFrom('a', 'b'), fc.jsonValue()),
        (text, values) => {
          const t = compileTemplate(text);
          renderTemplate(t, values, false);
          renderTemplate(t, values, true);
        },
      ),
    );
  });
});
