import { applyEdits, findNodeAtLocation, modify, type Node, parseTree } from 'jsonc-parser';
import { fixMethod, fixUrl } from './openaiEnvelopeFixes';
import type { Issue, IssueOf } from './types';
import { diff, keysOf, type LineFix, normalize, propertyAt, replaceNode, segmentsOf, textOf } from './lineFix';

/**
 * Quick fixes computed on the text of ONE batch line (no editor API, so they are easy to test); the pieces every fix
 * is made of are in lineFix.ts.
 */
/** `unknown-field` with a suggested name: rename in place, or move the value to where it belongs. */
function fixUnknownField(
  text: string,
  root: Node,
  issue: IssueOf<'unknown-field'>,
  segments: (string | number)[],
): LineFix | undefined {
  const field = String(issue.params.field ?? '');
  const suggestion = issue.params.suggestion;
  const property = propertyAt(root, segments);
  if (typeof suggestion !== 'string' || !property || !property.children?.[1]) {
    return undefined;
  }
  const target = suggestion.split('.');
  const last = target[target.length - 1];
  // Offer only what keeps the value meaningful: the same name spelled or placed wrongly, the SDK's `config` for
  // `generationConfig`, or a plain number/boolean (max_tokens → maxOutputTokens). messages → contents is not a rename.
  const sameName = normalize(last) === normalize(field);
  const sdkConfig = issue.params.hint === 'sdk-config' && /config$/i.test(last);
  const scalar = ['number', 'boolean'].includes(property.children[1].type) && issue.params.hint !== undefined;
  const nearMiss = issue.params.hint === undefined && target.length === 1;
  if (!sameName && !sdkConfig && !scalar && !nearMiss) {
    return undefined;
  }
  const base = issue.params.scope === 'line' ? [] : segments.slice(0, -1);
  const parent = findNodeAtLocation(root, base);
  if (target.length === 1) {
    if (keysOf(parent).includes(last)) {
      return undefined;
    }
    const key = property.children[0];
    return replaceNode(`Rename "${field}" to "${last}"`, key, JSON.stringify(last));
  }
  // Follow the spelling the line already uses for the objects on the way (generation_config or generationConfig).
  const path: (string | number)[] = [...base];
  for (const segment of target.slice(0, -1)) {
    const existing = keysOf(findNodeAtLocation(root, path)).find((k) => normalize(k) === normalize(segment));
    path.push(existing ?? segment);
  }
  return moveProperty(
    text,
    root,
    property.children[1],
    segments,
    [...path, last],
    `Move "${field}" to "${[...path, last].join('.')}"`,
  );
}

/**
 * Moves the property at `from` (its value node `valueNode`) to `to`, unless the object there is not an object or
 * already holds the same name in either spelling.
 */
function moveProperty(
  text: string,
  root: Node,
  valueNode: Node,
  from: (string | number)[],
  to: (string | number)[],
  title: string,
): LineFix | undefined {
  const holder = findNodeAtLocation(root, to.slice(0, -1));
  if (holder !== undefined && holder.type !== 'object') {
    return undefined;
  }
  if (keysOf(holder).some((k) => normalize(k) === normalize(String(to[to.length - 1])))) {
    return undefined;
  }
  // Insert a marker and swap in the value's own text, so the value keeps its spelling and spacing.
  const marker = `\u0000moved:${valueNode.offset}`;
  const removed = applyEdits(text, modify(text, from, undefined, {}));
  const inserted = applyEdits(removed, modify(removed, to, marker, {}));
  const moved = inserted.replace(JSON.stringify(marker), () => textOf(text, valueNode));
  return diff(title, text, moved);
}

/** `enum-case`: the API's spelling of the enum value. */
function fixEnumCase(node: Node, issue: IssueOf<'enum-case'>): LineFix | undefined {
  const canonical = issue.params.canonical;
  if (
    node.type !== 'string' ||
    typeof canonical !== 'string' ||
    String(node.value).toUpperCase() !== canonical.toUpperCase()
  ) {
    return undefined;
  }
  return replaceNode(`Change "${String(node.value)}" to "${canonical}"`, node, JSON.stringify(canonical));
}

/** `single-value`: the value as a list of one. */
function fixSingleValue(text: string, node: Node, field: string): LineFix | undefined {
  if (node.type === 'array') {
    return undefined;
  }
  return replaceNode(`Write "${field}" as a list: [ … ]`, node, `[${textOf(text, node)}]`);
}

/** `ignored-field`: the field moved into `request`, keeping its spelling (the request takes both). */
function fixIgnoredField(
  text: string,
  root: Node,
  issue: IssueOf<'ignored-field'>,
  segments: (string | number)[],
): LineFix | undefined {
  const field = String(issue.params.field ?? '');
  const suggestion = String(issue.params.suggestion ?? '');
  const property = propertyAt(root, segments);
  const request = findNodeAtLocation(root, ['request']);
  if (!property?.children?.[1] || request?.type !== 'object' || segments.length !== 1) {
    return undefined;
  }
  // The request's own field under another spelling keeps the author's spelling; another name (`config`) takes the API's.
  const target = suggestion.replace(/^request\./, '');
  const name = normalize(target) === normalize(field) ? field : target;
  if (name === '' || name.includes('.')) {
    return undefined;
  }
  const title = name === field ? `Move "${field}" into "request"` : `Move "${field}" to "request.${name}"`;
  return moveProperty(text, root, property.children[1], segments, ['request', name], title);
}

/** A system instruction given as a string or an array of parts/strings: wrap it as a Content `{"parts": [...]}`. */
function fixSystemInstruction(text: string, node: Node): LineFix | undefined {
  const part = (n: Node) => (n.type === 'string' ? `{"text": ${textOf(text, n)}}` : textOf(text, n));
  let parts: string;
  if (node.type === 'string') {
    parts = part(node);
  } else if (node.type === 'array') {
    parts = (node.children ?? []).map(part).join(', ');
  } else {
    return undefined;
  }
  return replaceNode('Wrap the system instruction as {"parts": [...]}', node, `{"parts": [${parts}]}`);
}

/** `contents` given as a plain string: one user turn holding that text. */
function fixContentsString(text: string, node: Node): LineFix | undefined {
  if (node.type !== 'string') {
    return undefined;
  }
  return replaceNode(
    'Make contents one user turn: [{"role": "user", "parts": [{"text": …}]}]',
    node,
    `[{"role": "user", "parts": [{"text": ${textOf(text, node)}}]}]`,
  );
}

/** A role from the other provider's vocabulary. */
function fixRole(node: Node, kind: 'gemini' | 'openai'): LineFix | undefined {
  const replacement: Record<string, string> = kind === 'gemini' ? { assistant: 'model' } : { model: 'assistant' };
  const to = replacement[String(node.value)];
  if (node.type !== 'string' || to === undefined) {
    return undefined;
  }
  return replaceNode(`Change role "${String(node.value)}" to "${to}"`, node, JSON.stringify(to));
}

/**
 * A bare GenerateContentRequest line: wrap it as `{"key", "request"}` so its result can be matched by key. The key
 * is `request-<line number>` (1-based, as people count lines); the request keeps its own text.
 */
function fixBareRequest(text: string, root: Node, line: number): LineFix | undefined {
  if (root.type !== 'object') {
    return undefined;
  }
  return replaceNode(
    'Wrap as {"key", "request"}',
    root,
    `{"key": ${JSON.stringify(`request-${line + 1}`)}, "request": ${textOf(text, root)}}`,
  );
}

/** A comma before `}` or `]` (json-syntax with its trailing-comma hint, whose range is the comma): removed. */
function fixTrailingComma(text: string, issue: IssueOf<'json-syntax'>): LineFix | undefined {
  if (issue.params.hint !== 'trailing-comma' || text[issue.startCol] !== ',' || issue.endCol !== issue.startCol + 1) {
    return undefined;
  }
  return { title: 'Remove trailing comma', startCol: issue.startCol, endCol: issue.endCol, newText: '' };
}

/** The quick fix for one issue on a line, if there is a safe one. */
export function quickFixFor(text: string, issue: Issue): LineFix | undefined {
  if (issue.code === 'json-syntax') {
    return fixTrailingComma(text, issue);
  }
  const segments = segmentsOf(issue.path);
  const root = parseTree(text, undefined, { disallowComments: true });
  if (root && issue.code === 'bare-request') {
    return fixBareRequest(text, root, issue.line);
  }
  if (!root || !segments) {
    return undefined;
  }
  if (issue.code === 'unknown-field') {
    return fixUnknownField(text, root, issue, segments);
  }
  if (issue.code === 'ignored-field') {
    return fixIgnoredField(text, root, issue, segments);
  }
  if (issue.code === 'echoed-field') {
    // Only a field written for `key` has a fix (the rename); other fields are the author's metadata.
    const property =
      issue.params.suggestion === 'key' && segments.length === 1 ? propertyAt(root, segments) : undefined;
    const name = property?.children?.[0];
    return name && !keysOf(root).includes('key')
      ? replaceNode(`Rename "${String(issue.params.field)}" to "key"`, name, '"key"')
      : undefined;
  }
  const node = findNodeAtLocation(root, segments);
  const last = segments[segments.length - 1];
  if (!node || issue.code === 'missing-field') {
    return undefined;
  }
  if (issue.code === 'enum-case') {
    return fixEnumCase(node, issue);
  }
  if (issue.code === 'single-value') {
    return fixSingleValue(text, node, String(last ?? ''));
  }
  if (last === 'systemInstruction' || last === 'system_instruction') {
    return fixSystemInstruction(text, node);
  }
  if (last === 'contents' && segments.length <= 2) {
    return fixContentsString(text, node);
  }
  if (issue.code === 'invalid-value' && issue.params.keyword === 'enum' && segments.length === 1) {
    // Only OpenAI lines have these at the top (Gemini reports them as unknown fields).
    if (last === 'url') {
      return fixUrl(node, issue.params.suggestion);
    }
    if (last === 'method') {
      return fixMethod(node);
    }
  }
  if (last === 'role' && issue.code === 'invalid-value') {
    return fixRole(node, issue.params.hint === 'gemini-role' ? 'openai' : 'gemini');
  }
  return undefined;
}
