import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { freeId, renameDuplicateId, usedIds } from '../../../../src/core/validation/duplicateKeyRename';

suite('duplicate keys: the later line is renamed to a free id', () => {
  const file = [
    '{"key": "dup", "request": {"contents": []}}',
    '{"key":"dup-2","request":{"contents": []}}',
    '{"key": "dup", "request": {"contents": [], "labels": {"key": "q\\"z"}}}',
  ].join('\n');

  test('the ids in use: every string value of the field, escapes decoded', () => {
    assert.deepEqual([...usedIds(file, 'key')].sort(), ['dup', 'dup-2', 'q"z']);
    assert.deepEqual([...usedIds('{"custom_id": "a"}\n{"custom_id":"b"}', 'custom_id')].sort(), ['a', 'b']);
  });

  test('the next free id skips the taken ones; the edit replaces only the value, keeping the line valid JSON', () => {
    const line = file.split('\n')[2];
    const rename = renameDuplicateId(line, 'key', usedIds(file, 'key'));
    assert.equal(rename?.newId, 'dup-3');
    const fixed = line.slice(0, rename!.startCol) + rename!.newText + line.slice(rename!.endCol);
    assert.equal(fixed, line.replace('"dup"', '"dup-3"'));
    assert.equal(JSON.parse(fixed).key, 'dup-3');
  });

  test('a line whose id is not a string, or that is not JSON, gets no rename', () => {
    assert.equal(renameDuplicateId('{"key": 7}', 'key', new Set()), undefined);
    assert.equal(renameDuplicateId('not json', 'key', new Set()), undefined);
    assert.equal(renameDuplicateId('["key"]', 'key', new Set()), undefined);
  });

  test('any id and any set in use: the new id is free and the edited line parses back to it', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.array(fc.string({ maxLength: 24 }), { maxLength: 10 }),
        (id, others) => {
          const line = JSON.stringify({ key: id, request: {} });
          const used = new Set([id, `${id}-2`, ...others]);
          const rename = renameDuplicateId(line, 'key', used);
          assert.ok(rename);
          assert.ok(!used.has(rename.newId));
          assert.equal(rename.newId, freeId(id, used));
          const fixed = line.slice(0, rename.startCol) + rename.newText + line.slice(rename.endCol);
          assert.equal(JSON.parse(fixed).key, rename.newId);
        },
      ),
    );
  });
});
