import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileTemplate } from '../../../../src/core/build';
import {
  closingAfter,
  openPlaceholder,
  placeholderAt,
  placeholderSpans,
} from '../../../../src/core/build/templatePlaceholders';

suite('templatePlaceholders', () => {
  test('spans: each placeholder with its offsets, blanks around the name ignored, empty ones skipped', () => {
    const text = '{"a":"{{x}} and {{ y }}","b":{{}},"c":{{z}}}';
    assert.deepEqual(
      placeholderSpans(text).map((s) => [s.column, text.slice(s.start, s.end)]),
      [
        ['x', '{{x}}'],
        ['y', '{{ y }}'],
        ['z', '{{z}}'],
      ],
    );
  });

  test('at: the placeholder under an offset, braces included', () => {
    const text = '"{{name}}" {{age}}';
    assert.equal(placeholderAt(text, 1)?.column, 'name');
    assert.equal(placeholderAt(text, 9)?.column, 'name');
    assert.equal(placeholderAt(text, 10), undefined);
    assert.equal(placeholderAt(text, 13)?.column, 'age');
  });

  test('open: the `{{` being typed and the name so far; none once closed or after another brace', () => {
    assert.deepEqual(openPlaceholder('{"text":"{{', 11), { start: 9, typed: '' });
    assert.deepEqual(openPlaceholder('{"text":"{{ qu', 14), { start: 9, typed: 'qu' });
    assert.equal(openPlaceholder('{"text":"{{q}}', 14), undefined);
    assert.equal(openPlaceholder('{"a":{"b":1}', 12), undefined);
    // Inside an existing placeholder: completion replaces it whole.
    const line = '"{{qu}}"';
    assert.deepEqual(openPlaceholder(line, 5), { start: 1, typed: 'qu' });
    assert.equal(closingAfter(line, 5), 2);
    assert.equal(closingAfter('"{{q"}]}', 4), 0);
  });

  test('never throws, and the spans name exactly the columns compileTemplate finds (text without escapes)', () => {
    const piece = fc.constantFrom('{', '}', '{{', '}}', '"', ' ', 'a', 'b', ':', ',', '{{a}}', '{{ b }}', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(40), (parts, at) => {
        const text = parts.join('');
        const spans = placeholderSpans(text);
        const columns = [...new Set(spans.map((s) => s.column))];
        assert.deepEqual(columns, compileTemplate(text).columns);
        openPlaceholder(text, Math.min(at, text.length));
        closingAfter(text, Math.min(at, text.length));
        for (const s of spans) {
          assert.equal(placeholderAt(text, s.start + 1)?.start, s.start);
        }
      }),
    );
  });
});
