import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { longLineKey, readInputLine } from '../../../../src/core/jobs/longLineKey';

const b = (text: string): Buffer => Buffer.from(text, 'utf8');
/** The head and tail a reader keeps of `line` (lineReader.ts keeps far more; a few bytes show the rule). */
const ends = (line: string): [Buffer, Buffer] => [b(line.slice(0, 40)), b(line.slice(-40))];
const filler = 'x'.repeat(200);

suite('longLineKey: the key of a line too long to parse, from its ends', () => {
  test('the first member (Gemini `key`, OpenAI `custom_id`), whatever follows', () => {
    assert.equal(longLineKey(...ends(`{"key":"q-17","request":{"contents":"${filler}"}}`)), 'q-17');
    assert.equal(longLineKey(...ends(` { "custom_id" : "req 2", "body": "${filler}"}`)), 'req 2');
    assert.equal(longLineKey(...ends(`{"key":42,"request":"${filler}"}`)), '42');
    assert.equal(longLineKey(...ends(`{"key":"a\\"b\\u00e9","request":"${filler}"}`)), 'a"bé');
  });

  test('the last member, when the writer put the key last', () => {
    assert.equal(longLineKey(...ends(`{"request":{"contents":"${filler}"},"key":"last"}\r`)), 'last');
    assert.equal(longLineKey(...ends(`{"body":"${filler}", "custom_id": "c-9" } `)), 'c-9');
  });

  test('never a key nested in the request, nor one inside a string', () => {
    for (const line of [
      `{"request":{"key":"inner","contents":"${filler}"}}`,
      `{"request":{"contents":"${filler}","key":"inner"}}`,
      `{"request":{"contents":"${filler}"},"meta":{"key":"inner"}}`,
      `{"request":"${filler},\\"key\\":\\"inner\\"}"}`,
      `["key","x","${filler}"]`,
      `{"key":{"nested":1},"request":"${filler}"}`,
    ]) {
      assert.equal(longLineKey(...ends(line)), undefined, line);
    }
    assert.equal(longLineKey(b('{"key":"a"'), undefined), 'a');
    assert.equal(longLineKey(b('{"request":'), undefined), undefined);
  });

  test('property: any bytes at either end give a string key or none, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (head, tail) => {
        const key = longLineKey(Buffer.from(head), Buffer.from(tail));
        assert.ok(key === undefined || typeof key === 'string');
      }),
    );
  });

  test('property: a key written first or last is the one read back', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), fc.boolean(), (key, first) => {
        const member = `"key":${JSON.stringify(key)}`;
        const line = first ? `{${member},"request":"${filler}"}` : `{"request":"${filler}",${member}}`;
        assert.equal(longLineKey(b(line.slice(0, 4096)), b(line.slice(-4096))), String(key));
      }),
    );
  });

  test('readInputLine: a line that parses gives its object and key; a long line only the key from its ends', () => {
    const line = (text: string, tail?: string) => ({
      bytes: b(text),
      tail: tail === undefined ? undefined : b(tail),
      offset: 0,
      length: text.length,
      lineNo: 1,
    });
    assert.deepEqual(readInputLine(line('{"key":"k","request":{}}')), { parsed: { key: 'k', request: {} }, key: 'k' });
    assert.deepEqual(readInputLine(line('{"request":{}}')), { parsed: { request: {} }, key: undefined });
    assert.deepEqual(readInputLine(line('not json')), { parsed: undefined, key: undefined });
    assert.deepEqual(readInputLine(line('{"key":"long","request":{"contents":"', `${filler}"}}`)), { key: 'long' });
  });
});
