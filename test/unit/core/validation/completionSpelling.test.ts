import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  keepSpellings,
  keyStyle,
  objectKeysAt,
  otherSpelling,
} from '../../../../src/core/validation/completionSpelling';

suite('completion: one spelling per field, never a key the object has', () => {
  test('the other spelling of a field', () => {
    assert.equal(otherSpelling('generation_config'), 'generationConfig');
    assert.equal(otherSpelling('generationConfig'), 'generation_config');
    assert.equal(otherSpelling('mime_type'), 'mimeType');
    assert.equal(otherSpelling('key'), 'key');
    assert.equal(otherSpelling('HARM_CATEGORY_HATE_SPEECH'), 'HARM_CATEGORY_HATE_SPEECH');
  });

  test("the file's spelling: the majority of its many-word keys, camelCase by default and on a tie", () => {
    assert.equal(keyStyle([]), 'camel');
    assert.equal(keyStyle(['{"key":"a","request":{"contents":[]}}']), 'camel');
    assert.equal(
      keyStyle(['{"request":{"generation_config":{"max_output_tokens":5},"system_instruction":{}}}']),
      'snake',
    );
    assert.equal(keyStyle(['{"request":{"generation_config":{},"systemInstruction":{}}}']), 'camel');
    assert.equal(keyStyle(['{"a_b":1}', '{"cD":1,"eF":2}']), 'camel');
  });

  test('both spellings offered: the file style wins; one already in the object: neither is offered', () => {
    const offered = [
      'contents',
      'generationConfig',
      'generation_config',
      'systemInstruction',
      'system_instruction',
      'store',
    ];
    assert.deepEqual(
      [...keepSpellings(offered, new Set(), 'camel')],
      ['contents', 'generationConfig', 'systemInstruction', 'store'],
    );
    assert.deepEqual(
      [...keepSpellings(offered, new Set(), 'snake')],
      ['contents', 'generation_config', 'system_instruction', 'store'],
    );
    assert.deepEqual(
      [...keepSpellings(offered, new Set(['generationConfig', 'contents']), 'snake')],
      ['system_instruction', 'store'],
    );
    // A name whose other spelling is not offered (OpenAI's snake_case fields) stays whatever the style.
    assert.deepEqual([...keepSpellings(['custom_id', 'method'], new Set(), 'camel')], ['custom_id', 'method']);
  });

  test('the keys of the object at the cursor, without the one being typed', () => {
    const line = '{"key":"a","request":{"generationConfig":{}, "gen"}}';
    assert.deepEqual([...objectKeysAt(line, line.indexOf('"gen"') + 3)], ['generationConfig']);
    const open = '{"key":"a","request":{"generationConfig":{}, ';
    assert.deepEqual([...objectKeysAt(open, open.length)], ['generationConfig']);
    const top = '{"key":"a", }';
    assert.deepEqual([...objectKeysAt(top, top.indexOf(' }'))], ['key']);
    assert.deepEqual([...objectKeysAt('', 0)], []);
  });

  test('any text and offset: no crash, and nothing kept is already a key or its other spelling', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.nat(70),
        fc.array(fc.constantFrom('aB', 'a_b', 'c', 'dE', 'd_e')),
        (text, at, offered) => {
          const keys = objectKeysAt(text, Math.min(at, text.length));
          for (const name of keepSpellings(offered, keys, keyStyle([text]))) {
            assert.ok(!keys.has(name) && !keys.has(otherSpelling(name)));
          }
        },
      ),
    );
  });
});
