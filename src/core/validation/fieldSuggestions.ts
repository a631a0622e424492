import type { BatchKind } from '../batchKind';
import type { SchemaNode } from '../schema/validators';
import { normalizeName, SuggestionIndex, type IndexedProperty } from './suggestionIndex';

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

/** OpenAI's chat-completion names (CreateChatCompletionRequest, the OpenAI OpenAPI spec) and Gemini's for them. */
const openaiInGenerationConfig = (gemini: string, openai = true): FieldSuggestion[] => [
  { path: `generationConfig.${gemini}`, scope: 'here', ...(openai && { hint: 'openai-name' }) },
  // Written inside generationConfig already (`"generationConfig": {"max_tokens": 100}`): the name alone is wrong.
  { path: gemini, scope: 'here', ...(openai && { hint: 'openai-name' }) },
];

/**
 * Names people carry over from the SDKs or another provider's format, per kind of file. A name may have several
 * suggestions, one per place it is written: the first whose object has the suggestion's first field applies.
 */
const MIXUP_TABLE: Readonly<Record<BatchKind, Readonly<Record<string, FieldSuggestion | FieldSuggestion[]>>>> = {
  'gemini-generate': {
    config: { path: 'generationConfig', scope: 'here', hint: 'sdk-config' },
    messages: { path: 'contents', scope: 'here', hint: 'openai-name' },
    max_tokens: openaiInGenerationConfig('maxOutputTokens'),
    max_completion_tokens: openaiInGenerationConfig('maxOutputTokens'),
    // Vercel AI SDK's and LangChain's name: no provider's, so no "is OpenAI's" hint.
    maxTokens: openaiInGenerationConfig('maxOutputTokens', false),
    stop: openaiInGenerationConfig('stopSequences'),
    n: openaiInGenerationConfig('candidateCount'),
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

/**
 * The same as Maps: the name looked up comes from the user's line, and a plain object would answer `constructor`,
 * `toString` or `__proto__` with an inherited member.
 */
const KNOWN_MIXUPS: ReadonlyMap<BatchKind, ReadonlyMap<string, FieldSuggestion[]>> = new Map(
  Object.entries(MIXUP_TABLE).map(([kind, table]) => [
    kind as BatchKind,
    new Map(Object.entries(table).map(([name, suggestion]) => [name, [suggestion].flat()])),
  ]),
);

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) {
    return 3;
  }
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

/**
 * What the user probably meant by an unknown field `field` in an object whose schema is `node`:
 * a known mix-up, the same name deeper down (`thinking_config` → `generationConfig.thinkingConfig`),
 * the same name elsewhere in the line, or a near-miss spelling at the same level.
 */
export function suggestField(
  kind: BatchKind,
  root: SchemaNode,
  node: SchemaNode,
  data: unknown,
  field: string,
): FieldSuggestion | undefined {
  const index = SuggestionIndex.of(root);
  const here = index.propertiesOf(node, data);
  const answer = index.remember(node, data, `${kind}\u0000${field}`, () =>
    computeSuggestion(kind, index, root, node, data, field, here),
  );
  // A copy: callers own what they get.
  return answer === undefined ? undefined : { ...answer };
}

function computeSuggestion(
  kind: BatchKind,
  index: SuggestionIndex,
  root: SchemaNode,
  node: SchemaNode,
  data: unknown,
  field: string,
  here: readonly IndexedProperty[],
): FieldSuggestion | undefined {
  const known = KNOWN_MIXUPS.get(kind)
    ?.get(field)
    ?.find((s) => s.scope === 'line' || here.some((p) => p.name === s.path.split('.')[0]));
  if (known) {
    return known;
  }
  const wanted = normalizeName(field);
  const sameName = here.find((p) => p.normalized === wanted && p.canonical === p.name);
  if (sameName && sameName.name !== field) {
    return { path: sameName.name, scope: 'here' };
  }
  const withLabel = (found: { path: string; label: string }, scope: 'here' | 'line'): FieldSuggestion =>
    found.label === found.path ? { path: found.path, scope } : { path: found.path, label: found.label, scope };
  const below = index.findBelow(node, data, wanted, 3);
  if (below) {
    return withLabel(below, 'here');
  }
  const fromRoot = root === node ? undefined : index.findBelow(root, undefined, wanted, 4);
  if (fromRoot) {
    return withLabel(fromRoot, 'line');
  }
  if (wanted.length >= 3) {
    let best: { name: string; distance: number } | undefined;
    for (const property of here) {
      const distance = editDistance(wanted, property.normalized);
      const limit = wanted.length <= 4 ? 1 : 2;
      if (distance <= limit && (best === undefined || distance < best.distance)) {
        best = { name: property.canonical, distance };
      }
    }
    if (best) {
      return { path: best.name, scope: 'here' };
    }
  }
  return undefined;
}
