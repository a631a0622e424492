import type { ErrorObject } from 'ajv';
import { parseTree, type Node } from 'jsonc-parser';
import type { BatchKind } from '../batchKind';
import type { SchemaNode } from '../schema/validators';
import { displayPath } from './dataPath';
import { describe, locate, type Described, type Located } from './describeSchemaError';
import type { FieldPlace } from './issueCodes';
import type { Issue } from './types';
import { pruneUnionErrors } from './unionErrors';
import { locateInText } from './locateInText';

/** Past this length a failing line is not parsed into a tree (its memory grows with the values it holds). */
const MAX_TREE_CHARS = 512 * 1024;
/** At most this many schema issues per line: past a few, more of them only bury the first. */
const MAX_PER_LINE = 6;
/** Which error wins when several concern the same place. */
const PRIORITY: Readonly<Record<string, number>> = {
  additionalProperties: 0,
  required: 1,
  type: 2,
  enum: 3,
  const: 3,
  anyOf: 4,
  oneOf: 4,
};

/** The tree node for a data path (the value), or for the key of its property when `key` is set. */
function treeNode(root: Node | undefined, segments: readonly string[], key: boolean): Node | undefined {
  let node = root;
  let property: Node | undefined;
  for (const segment of segments) {
    if (node === undefined) {
      return undefined;
    }
    if (node.type === 'object') {
      // The last occurrence wins, as in JSON.parse.
      property = node.children?.filter((p) => p.children?.[0]?.value === segment).pop();
      node = property?.children?.[1];
    } else if (node.type === 'array') {
      property = undefined;
      node = node.children?.[Number(segment)];
    } else {
      return undefined;
    }
  }
  return key ? (property?.children?.[0] ?? node) : node;
}

/** Finds the [start, end) range of a data path in one line's text (a value, or with `key` its property name). */
export type RangeLocator = (segments: readonly string[], key: boolean) => [number, number] | undefined;

/**
 * A locator over one line's text: a parse tree for a short line, a scan along the path for a long one (a tree's
 * memory grows with the values the line holds). The tree is built on the first lookup only.
 */
export function rangeLocator(text: string): RangeLocator {
  if (text.length > MAX_TREE_CHARS) {
    return (segments, key) => locateInText(text, segments, key);
  }
  let tree: Node | undefined;
  let parsed = false;
  return (segments, key) => {
    if (!parsed) {
      parsed = true;
      try {
        tree = parseTree(text, undefined, { disallowComments: true });
      } catch {
        tree = undefined;
      }
    }
    const node = treeNode(tree, segments, key);
    return node ? [node.offset, node.offset + node.length] : undefined;
  };
}

/**
 * Where the errors were found when they are not the text's own: the errors of a canonical copy of the line
 * (canonicalForm.ts) are reported on the line as written, at the place `path` maps each copy path to.
 */
export interface ErrorOrigin {
  /** The line's value as written. */
  data: unknown;
  /** A data path in the checked copy → the same place in the line as written. */
  path: (segments: readonly string[]) => string[];
  /** The locator over the line's text, when the caller already holds one. */
  locate?: RangeLocator;
}

/**
 * Turns ajv's errors for one line into issues, one per place, each on the range of the offending property name
 * or value. Parses the line into a tree only here, for a line that failed. With `origin`, `data` and `errors` are a
 * canonical copy's and each issue is moved back onto the line as written.
 */
export function schemaIssues(
  kind: BatchKind,
  root: SchemaNode,
  text: string,
  data: unknown,
  errors: readonly ErrorObject[],
  line: number,
  origin?: ErrorOrigin,
): Issue[] {
  const relevant = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'then' && e.keyword !== 'else');
  const { errors: pruned, summaries } = pruneUnionErrors(root, data, relevant);
  const byPlace = new Map<string, Located>();
  for (const error of pruned) {
    const located = locate(error);
    const place = `${located.segments.join('/')}|${located.key ? 'k' : 'v'}|${error.keyword === 'required' ? located.field : ''}`;
    const current = byPlace.get(place);
    if (current === undefined || (PRIORITY[error.keyword] ?? 5) < (PRIORITY[current.error.keyword] ?? 5)) {
      byPlace.set(place, located);
    }
  }
  const kept = [...byPlace.values()];
  const rangeOf = origin?.locate ?? rangeLocator(text);
  const lineStart = text.length - text.trimStart().length;
  const lineEnd = text.trimEnd().length;
  return kept.slice(0, MAX_PER_LINE).map((l) => {
    const segments = origin ? origin.path(l.segments) : l.segments;
    const [startCol, endCol] = missingRange(text, rangeOf(segments, l.key) ?? [lineStart, lineEnd], l);
    const base = { severity: 'error' as const, line, startCol, endLine: line, endCol, path: `/${segments.join('/')}` };
    const described = describe(kind, root, data, l, summaries.get(l.error.instancePath));
    return { ...base, ...(origin ? writtenPlaces(described, l, segments, origin.data) : described) };
  });
}

/**
 * A missing field is reported on the name of the property holding the object (`"request"`), or on an array item as
 * a whole (short, as a rule); one missing from the line itself (`custom_id`, `request`) on its opening brace alone,
 * as VS Code's own JSON validation marks an object with no name (node_modules/vscode-json-languageservice/lib/umd/
 * parser/jsonParser.js, "Missing property": the key node, else `{ offset: node.offset, length: 1 }`): a squiggle
 * under the whole line would hide the issues inside it.
 */
function missingRange(text: string, range: [number, number], l: Located): [number, number] {
  return l.error.keyword === 'required' && l.segments.length === 0 && text[range[0]] === '{'
    ? [range[0], range[0] + 1]
    : range;
}

/** The dotted places in an issue's words, named as the line is written (`contents.parts`, not `contents[0].parts[0]`). */
function writtenPlaces(described: Described, l: Located, segments: readonly string[], data: unknown): Described {
  const out: FieldPlace = { ...described.params };
  const own = l.error.keyword === 'additionalProperties' ? segments.slice(0, -1) : segments;
  if (typeof out.where === 'string') {
    out.where = displayPath(own, data);
  }
  if (typeof out.path === 'string') {
    out.path = displayPath(segments, data);
  }
  if (/^\d+$/.test(out.field) && segments.length > 0) {
    out.field = segments[segments.length - 1];
  }
  return { ...described, params: { ...described.params, ...out } } as Described;
}
