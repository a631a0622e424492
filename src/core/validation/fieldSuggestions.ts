import type { BatchKind } from '../batchKind';
import type { SchemaNode } from '../schema/validators';
import { deref, propertyNames } from './schemaNavigator';

/** A suggestion for an unknown field. `path` is dotted; `scope` says whether it is relative to the object or the line. */
export interface FieldSuggestion {
  /** Dotted property names (what a quick fix follows; an array on the way is not marked). */
  path: string;
  /** The path as shown to people when it crosses an array: `parts[0].text`. */
  label?: string;
  scope: 'here' | 'line';
  /** Why the name is wrong, when it is a known mix-up: 'sdk-config' | 'openai-name' | 'gemini-name' | 'gemini-config' | 'anthropic-name'. */
  hint?: string;
}

/** Names people carry over from the SDKs or another provider's format, per kind of file. */
const KNOWN_MIXUPS: Readonly<Record<BatchKind, Readonly<Record<string, FieldSuggestion>>>> = {
  'gemini-generate': {
    config: { path: 'generationConfig', scope: 'here', hint: 'sdk-config' },
    messages: { path: 'contents', scope: 'here', hint: 'openai-name' },
    max_tokens: { path: 'generationConfig.maxOutputTokens', scope: 'here', hint: 'openai-name' },
    max_completion_tokens: { path: 'generationConfig.maxOutputTokens', scope: 'here', hint: 'openai-name' },
    response_format: { path: 'generationConfig.responseMimeType', scope: 'here', hint: 'openai-name' },
    system: { path: 'systemInstruction', scope: 'here', hint: 'anthropic-name' },
    content: { path: 'parts', scope: 'here', hint: 'openai-name' },
  },
  'gemini-embed': {
    config: { path: 'taskType', scope: 'here', hint: 'sdk-config' },
    contents: { path: 'content', scope: 'here' },
    input: { path: 'content', scope: 'here', hint: 'openai-name' },
  },
  openai: {
    contents: { path: 'messages', scope: 'here', hint: 'gemini-name' },
    generationConfig: { path: 'temperature', scope: 'here', hint: 'gemini-config' },
    generation_config: { path: 'temperature', scope: 'here', hint: 'gemini-config' },
    params: { path: 'body', scope: 'here', hint: 'anthropic-name' },
  },
};

const normalize = (name: string): string => name.replace(/[_-]/g, '').toLowerCase();

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) { return 3; }
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Breadth-first search for a property with the same normalized name, up to `maxDepth` objects down. */
function findBelow(root: SchemaNode, start: SchemaNode, data: unknown, wanted: string, maxDepth: number): { path: string; label: string } | undefined {
  let frontier: { node: SchemaNode; data: unknown; path: string[]; label: string[] }[] = [{ node: start, data, path: [], label: [] }];
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { node, data: value, path, label } of frontier) {
      for (const property of propertyNames(root, node, value)) {
        if (property.canonical !== property.name) { continue; }
        if (depth > 0 && normalize(property.name) === wanted) {
          return { path: [...path, property.name].join('.'), label: [...label, property.name].join('.') };
        }
        const child = deref(root, property.schema).node;
        const childData = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[property.name] : undefined;
        const items = child.type === 'array' && typeof child.items === 'object' ? deref(root, child.items as SchemaNode).node : undefined;
        // Through an array, the suggestion names its first item: `parts[0].text`.
        next.push({ node: items ?? child, data: items ? undefined : childData, path: [...path, property.name], label: [...label, items ? `${property.name}[0]` : property.name] });
      }
    }
    frontier = next;
  }
  return undefined;
}

/**
 * What the user probably meant by an unknown field `field` in an object whose schema is `node`:
 * a known mix-up, the same name deeper down (`thinking_config` → `generationConfig.thinkingConfig`),
 * the same name elsewhere in the line, or a near-miss spelling at the same level.
 */
export function suggestField(kind: BatchKind, root: SchemaNode, node: SchemaNode, data: unknown, field: string): FieldSuggestion | undefined {
  const known = KNOWN_MIXUPS[kind][field];
  if (known && (known.scope === 'line' || propertyNames(root, node, data).some((p) => p.name === known.path.split('.')[0]))) {
    return known;
  }
  const wanted = normalize(field);
  const here = propertyNames(root, node, data);
  const sameName = here.find((p) => normalize(p.name) === wanted && p.canonical === p.name);
  if (sameName && sameName.name !== field) { return { path: sameName.name, scope: 'here' }; }
  const withLabel = (found: { path: string; label: string }, scope: 'here' | 'line'): FieldSuggestion =>
    (found.label === found.path ? { path: found.path, scope } : { path: found.path, label: found.label, scope });
  const below = findBelow(root, node, data, wanted, 3);
  if (below) { return withLabel(below, 'here'); }
  const fromRoot = root === node ? undefined : findBelow(root, root, undefined, wanted, 4);
  if (fromRoot) { return withLabel(fromRoot, 'line'); }
  if (wanted.length >= 3) {
    let best: { name: string; distance: number } | undefined;
    for (const property of here) {
      const distance = editDistance(wanted, normalize(property.name));
      const limit = wanted.length <= 4 ? 1 : 2;
      if (distance <= limit && (best === undefined || distance < best.distance)) { best = { name: property.canonical, distance }; }
    }
    if (best) { return { path: best.name, scope: 'here' }; }
  }
  return undefined;
}
