import { findNodeAtLocation, parseTree } from 'jsonc-parser';

/**
 * The quick fix for a `key` (or OpenAI `custom_id`) that an earlier line already uses: the later line's id is
 * renamed to one no line uses, `dup` → `dup-2` (or `dup-3`, …). Results are matched to requests by this id, so two
 * lines with one id cannot both be told apart; renaming the later one keeps the first line's results where they were.
 */
export interface IdRename {
  /** The columns of the id's string value (with its quotes) on its line, and the JSON text that replaces it. */
  startCol: number;
  endCol: number;
  newText: string;
  newId: string;
}

/**
 * Every string value given to `field` anywhere in `text` (the whole file). A text scan, one pass and no parse, so
 * it stays cheap on a large file; it also picks up a nested field of that name, which only makes the chosen id more
 * careful, never a clash.
 */
export function usedIds(text: string, field: string): Set<string> {
  const used = new Set<string>();
  const pattern = new RegExp(
    `"${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:\\s*("(?:[^"\\\\\\n]|\\\\.)*")`,
    'g',
  );
  for (const match of text.matchAll(pattern)) {
    try {
      used.add(JSON.parse(match[1]) as string);
    } catch {
      // A broken escape: not an id any line can be matched on.
    }
  }
  return used;
}

/** `value-2`, `value-3`, …: the first that `used` does not hold. */
export function freeId(value: string, used: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${value}-${n}`;
    if (!used.has(candidate)) {
      return candidate;
    }
  }
}

/** The rename of `field`'s string value on one line, or undefined when the line has no such string (or no JSON). */
export function renameDuplicateId(lineText: string, field: string, used: ReadonlySet<string>): IdRename | undefined {
  const root = parseTree(lineText);
  const node = root?.type === 'object' ? findNodeAtLocation(root, [field]) : undefined;
  if (node?.type !== 'string' || typeof node.value !== 'string') {
    return undefined;
  }
  const newId = freeId(node.value, used);
  return { startCol: node.offset, endCol: node.offset + node.length, newText: JSON.stringify(newId), newId };
}
