import * as assert from 'node:assert/strict';
import { splitLines } from '../../../../src/core/jsonl/textLines';

suite('jsonl/splitLines', () => {
  test('splits LF and CRLF, dropping the CR', () => {
    assert.deepEqual(splitLines('a\r\nb\nc'), ['a', 'b', 'c']);
  });
  test('a final line break does not start another line; blank lines stay', () => {
    assert.deepEqual(splitLines('a\n\nb\n'), ['a', '', 'b']);
  });
  test('drops a leading BOM', () => {
    assert.deepEqual(splitLines('\uFEFF{"a":1}\n'), ['{"a":1}']);
  });
  test('empty text has no lines', () => {
    assert.deepEqual(splitLines(''), []);
    assert.deepEqual(splitLines('\uFEFF'), []);
  });
});
