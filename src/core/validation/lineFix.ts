import { findNodeAtLocation, type Node } from 'jsonc-parser';

/**
 * Quick fixes computed on the text of ONE batch line (no editor API, so they are easy to test). Each fix is a single
 * replacement inside the line, as small as the change allows, that keeps the line one line of JSON.
 */
export interface LineFix {
  title: string;
  startCol: number;
  endCol: number;
  newText: string;
}

export const normalize = (name: string): string => name.replace(/[_-]/g, '').toLowerCase();

export function segmentsOf(pointer: string | undefined): (string | number)[] | undefined {
  if (pointer === undefined) {
    return undefined;
  }
  return pointer === '' || pointer === '/'
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/** The JSON text of `node` within its line. */
export function textOf(text: string, node: Node): string {
  return text.slice(node.offset, node.offset + node.length);
}

/** The fix that replaces all of `node` with `newText`. */
export function replaceNode(title: string, node: Node, newText: string): LineFix {
  return { title, startCol: node.offset, endCol: node.offset + node.length, newText };
}

/** The single replacement that turns `before` into `after` (common prefix and suffix left alone). */
export function diff(title: string, before: string, after: string): LineFix {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) {
    start++;
  }
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  return { title, startCol: start, endCol: before.length - end, newText: after.slice(start, after.length - end) };
}

/** The property node (key + value) at `segments`, from its parent object. */
export function propertyAt(root: Node, segments: (string | number)[]): Node | undefined {
  const value = findNodeAtLocation(root, segments);
  return value?.parent?.type === 'property' ? value.parent : undefined;
}

/** Names of an object node's properties. */
export function keysOf(node: Node | undefined): string[] {
  return node?.type === 'object' ? (node.children ?? []).map((p) => String(p.children?.[0]?.value)) : [];
}
