import { findNodeAtOffset, parseTree, type Node } from 'jsonc-parser';

/**
 * One spelling per field in completion. The batch schemas accept both spellings of most Gemini fields
 * (`generationConfig` and `generation_config`, linked by `x-alias`), so a plain schema completion offered each field
 * twice, and offered `generation_config` in an object that already has `generationConfig`.
 */

export type KeyStyle = 'camel' | 'snake';

const KEY = /"((?:[^"\\]|\\.)*)"\s*:/g;
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
const CAMEL = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/;

/** `generation_config` ⇄ `generationConfig`; a one-word name is its own other spelling. */
export function otherSpelling(name: string): string {
  if (SNAKE.test(name)) {
    return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  }
  if (CAMEL.test(name)) {
    return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  }
  return name;
}

/**
 * The spelling the file already uses: the majority of its many-word keys (in `lines`, a sample the caller picks),
 * camelCase (the REST spelling) when there are none or as many of each.
 */
export function keyStyle(lines: Iterable<string>): KeyStyle {
  let snake = 0;
  let camel = 0;
  for (const line of lines) {
    for (const match of line.matchAll(KEY)) {
      if (SNAKE.test(match[1])) {
        snake++;
      } else if (CAMEL.test(match[1])) {
        camel++;
      }
    }
  }
  return snake > camel ? 'snake' : 'camel';
}

/**
 * Which offered property names to keep. A name is dropped when the object already has it or its other spelling
 * (`existing`, without the key being typed), and when both spellings are offered the one not in `style` goes.
 * Names with no other spelling among the offers (OpenAI's `custom_id`, one-word names) always stay.
 */
export function keepSpellings(offered: readonly string[], existing: ReadonlySet<string>, style: KeyStyle): Set<string> {
  const all = new Set(offered);
  const kept = new Set<string>();
  for (const name of offered) {
    const other = otherSpelling(name);
    if (existing.has(name) || (other !== name && existing.has(other))) {
      continue;
    }
    if (other !== name && all.has(other) && styleOf(name) !== style) {
      continue;
    }
    kept.add(name);
  }
  return kept;
}

function styleOf(name: string): KeyStyle {
  return SNAKE.test(name) ? 'snake' : 'camel';
}

/**
 * The keys of the object that encloses `offset` in one line of JSON (parsed leniently: the line is being typed),
 * leaving out the key the cursor is in, which is the one being completed.
 */
export function objectKeysAt(lineText: string, offset: number): Set<string> {
  const root = parseTree(lineText);
  let node: Node | undefined = root ? findNodeAtOffset(root, offset, true) : undefined;
  let typing: Node | undefined;
  while (node && node.type !== 'object') {
    if (node.type === 'property') {
      typing = node;
    }
    node = node.parent;
  }
  const keys = new Set<string>();
  for (const property of node?.children ?? []) {
    const key = property.children?.[0];
    if (property !== typing && key?.type === 'string' && typeof key.value === 'string') {
      keys.add(key.value);
    }
  }
  return keys;
}
