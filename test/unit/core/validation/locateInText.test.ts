import * as assert from 'node:assert/strict';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { locateInText } from '../../../../src/core/validation/locateInText';
import { validateLine } from '../../../../src/core/validation';

/** The reference: a full parse tree. */
function viaTree(text: string, segments: string[], key: boolean): [number, number] | undefined {
  const root = parseTree(text);
  if (!root) {
    return undefined;
  }
  const path: (string | number)[] = [];
  for (const s of segments) {
    path.push(findNodeAtLocation(root, path)?.type === 'array' ? Number(s) : s);
  }
  const node = findNodeAtLocation(root, path);
  if (!node) {
    return undefined;
  }
  const target = key && node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
  return [target.offset, target.offset + target.length];
}

suite('validation: locating a path in a line without a parse tree', () => {
  const line =
    '{"key":"a","request":{"contents":[{"role":"user","parts":[{"text":"Hi"},{"text":"there","x":[1,{"y":2}]}]}],"generationConfig":{"temperature":"hot"}},"tail":[[],{}]}';
  const paths: string[][] = [
    [],
    ['key'],
    ['request'],
    ['request', 'contents'],
    ['request', 'contents', '0'],
    ['request', 'contents', '0', 'role'],
    ['request', 'contents', '0', 'parts', '1', 'x', '1', 'y'],
    ['request', 'contents', '0', 'parts', '1', 'x'],
    ['request', 'generationConfig', 'temperature'],
    ['tail', '0'],
    ['tail', '1'],
    ['request', 'missing'],
    ['request', 'contents', '5'],
  ];

  test('agrees with the parse tree, for values and for keys', () => {
    for (const segments of paths) {
      for (const key of [false, true]) {
        assert.deepEqual(
          locateInText(line, segments, key),
          viaTree(line, segments, key),
          `${segments.join('/')} key=${key}`,
        );
      }
    }
  });

  test('a schema error in a line over the tree limit still gets its exact range', () => {
    const filler = JSON.stringify(Array.from({ length: 60_000 }, (_, i) => i));
    const big = `{"key":"a","request":{"contents":[{"parts":[{"text":"Hi"}]}],"labels":{"n":"${'x'.repeat(10)}"},"generationConfig":{"stopSequences":${filler},"temperature":"hot"}}}`;
    const padded = big.replace('"Hi"', `"${'h'.repeat(600_000)}"`);
    assert.ok(padded.length > 512 * 1024, 'the line must be past the tree limit');
    const [issue] = validateLine('gemini-generate', padded, 0);
    assert.equal(issue.code, 'type-mismatch');
    assert.equal(padded.slice(issue.startCol, issue.endCol), '"hot"');
  });
});
