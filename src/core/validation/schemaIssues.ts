import type { ErrorObject } from 'ajv';
import { parseTree, type Node } from 'jsonc-parser';
import type { BatchKind } from '../batchKind';
import type { SchemaNode } from '../schema/validators';
import { numericStringKind } from '../schema/numericStrings';
import { IssueCode, type FieldPlace, type IssueParams } from './issueCodes';
import type { Issue } from './types';
import { suggestField } from './fieldSuggestions';
import { schemaAtPath } from './schemaNavigator';
import { pruneUnionErrors, type UnionSummary } from './unionErrors';
import { locateInText } from './locateInText';

/** Past this length a failing line is not parsed into a tree (its memory grows with the values it holds). */
const MAX_TREE_CHARS = 512 * 1024;
/** At most this many schema issues per line: past a few, more of them only bury the first. */
const MAX_PER_LINE = 6;
/** Which error wins when several concern the same place. */
const PRIORITY: Readonly<Record<string, number>> = { additionalProperties: 0, required: 1, type: 2, enum: 3, const: 3, anyOf: 4, oneOf: 4 };

export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `request.contents[0].role` for ['request','contents','0','role'] (indices of arrays shown in brackets). */
export function displayPath(segments: readonly string[], data: unknown): string {
  let out = '';
  let value = data;
  for (const segment of segments) {
    out += Array.isArray(value) ? `[${segment}]` : out === '' ? segment : `.${segment}`;
    value = ownMember(value, segment);
  }
  return out;
}

/** A member of the line's data by a name from the line: its own members only (`constructor` is not Object's). */
function ownMember(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const segment of segments) { value = ownMember(value, segment); }
  return value;
}

export function jsonType(value: unknown): string {
  if (value === null) { return 'null'; }
  if (Array.isArray(value)) { return 'array'; }
  if (typeof value === 'number') { return Number.isInteger(value) ? 'integer' : 'number'; }
  return typeof value;
}

/** The tree node for a data path (the value), or for the key of its property when `key` is set. */
function treeNode(root: Node | undefined, segments: readonly string[], key: boolean): Node | undefined {
  let node = root;
  let property: Node | undefined;
  for (const segment of segments) {
    if (node === undefined) { return undefined; }
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
  return key ? property?.children?.[0] ?? node : node;
}

/** Hints for values that are right in the other provider's format. */
function valueHint(kind: BatchKind, field: string, value: unknown): string | undefined {
  if (field !== 'role' || typeof value !== 'string') { return undefined; }
  if (kind === 'openai' && value === 'model') { return 'gemini-role'; }
  if (kind !== 'openai' && ['assistant', 'system', 'developer', 'tool'].includes(value)) { return 'openai-role'; }
  return undefined;
}

interface Located { error: ErrorObject; segments: string[]; key: boolean; field: string }

function locate(error: ErrorObject): Located {
  const segments = pointerSegments(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const field = String((error.params as { additionalProperty: string }).additionalProperty);
    return { error, segments: [...segments, field], key: true, field };
  }
  if (error.keyword === 'required') {
    const field = String((error.params as { missingProperty: string }).missingProperty);
    return { error, segments, key: true, field };
  }
  return { error, segments, key: false, field: segments[segments.length - 1] ?? '' };
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
export function schemaIssues(kind: BatchKind, root: SchemaNode, text: string, data: unknown, errors: readonly ErrorObject[], line: number, origin?: ErrorOrigin): Issue[] {
  const relevant = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'then' && e.keyword !== 'else');
  const { errors: pruned, summaries } = pruneUnionErrors(root, data, relevant);
  const byPlace = new Map<string, Located>();
  for (const error of pruned) {
    const located = locate(error);
    const place = `${located.segments.join('/')}|${located.key ? 'k' : 'v'}|${error.keyword === 'required' ? located.field : ''}`;
    const current = byPlace.get(place);
    if (current === undefined || (PRIORITY[error.keyword] ?? 5) < (PRIORITY[current.error.keyword] ?? 5)) { byPlace.set(place, located); }
  }
  const kept = [...byPlace.values()];
  const rangeOf = origin?.locate ?? rangeLocator(text);
  const lineStart = text.length - text.trimStart().length;
  const lineEnd = text.trimEnd().length;
  return kept.slice(0, MAX_PER_LINE).map((l) => {
    const segments = origin ? origin.path(l.segments) : l.segments;
    const [startCol, endCol] = rangeOf(segments, l.key) ?? [lineStart, lineEnd];
    const base = { severity: 'error' as const, line, startCol, endLine: line, endCol, path: `/${segments.join('/')}` };
    const described = describe(kind, root, data, l, summaries.get(l.error.instancePath));
    return { ...base, ...(origin ? writtenPlaces(described, l, segments, origin.data) : described) };
  });
}

/** The dotted places in an issue's words, named as the line is written (`contents.parts`, not `contents[0].parts[0]`). */
function writtenPlaces(described: Described, l: Located, segments: readonly string[], data: unknown): Described {
  const out: FieldPlace = { ...described.params };
  const own = l.error.keyword === 'additionalProperties' ? segments.slice(0, -1) : segments;
  if (typeof out.where === 'string') { out.where = displayPath(own, data); }
  if (typeof out.path === 'string') { out.path = displayPath(segments, data); }
  if (/^\d+$/.test(out.field) && segments.length > 0) { out.field = segments[segments.length - 1]; }
  return { ...described, params: { ...described.params, ...out } } as Described;
}

/** The issue body of one schema error: one of the four schema codes with its parameters. */
type Described = { [C in SchemaCode]: { code: C; params: IssueParams[C] } }[SchemaCode];
type SchemaCode = typeof IssueCode.UnknownField | typeof IssueCode.MissingField | typeof IssueCode.TypeMismatch | typeof IssueCode.InvalidValue;

function describe(kind: BatchKind, root: SchemaNode, data: unknown, l: Located, summary: UnionSummary | undefined): Described {
  const { error, segments, field } = l;
  const where = displayPath(error.keyword === 'additionalProperties' ? segments.slice(0, -1) : segments, data);
  if (error.keyword === 'additionalProperties') {
    const parentSegments = segments.slice(0, -1);
    const parentSchema = schemaAtPath(root, data, parentSegments);
    const params: IssueParams['unknown-field'] = { field, where };
    const suggestion = parentSchema ? suggestField(kind, root, parentSchema.node, valueAt(data, parentSegments), field) : undefined;
    if (suggestion) {
      params.suggestion = suggestion.path;
      if (suggestion.label) { params.suggestionLabel = suggestion.label; }
      params.scope = suggestion.scope;
      if (suggestion.hint) { params.hint = suggestion.hint; }
    }
    return { code: IssueCode.UnknownField, params };
  }
  if (error.keyword === 'required') {
    const params: IssueParams['missing-field'] = { field, where };
    const missing = schemaAtPath(root, data, [...segments, field]);
    if (missing?.example) { params.example = missing.example; }
    return { code: IssueCode.MissingField, params };
  }
  const value = valueAt(data, segments);
  const here = schemaAtPath(root, data, segments);
  const place: FieldPlace = { field, path: displayPath(segments, data) };
  if (here?.example) { place.example = here.example; }
  if (here?.definition) { place.definition = here.definition; }
  const numeric = numericStringKind(here?.node.pattern); // A Gemini number field also takes a numeric string.
  if (numeric !== undefined && (error.keyword === 'type' || error.keyword === 'pattern')) {
    const written = typeof value === 'string' ? { value: value.slice(0, 80) } : {};
    return { code: IssueCode.TypeMismatch, params: { ...place, ...written, expected: numeric, actual: jsonType(value), keyword: error.keyword } };
  }
  if (error.keyword === 'type' || error.keyword === 'anyOf' || error.keyword === 'oneOf') {
    const allowed = error.keyword === 'type' ? (error.params as { type: string | string[] }).type : unionTypes(here?.node);
    const shape = { ...place, expected: Array.isArray(allowed) ? allowed.join(' or ') : String(allowed), actual: jsonType(value), keyword: error.keyword };
    // A union whose branches all want another JSON type is a type mismatch; otherwise the value's shape is wrong.
    return error.keyword === 'type' || summary === 'type'
      ? { code: IssueCode.TypeMismatch, params: shape }
      : { code: IssueCode.InvalidValue, params: shape };
  }
  const params: IssueParams['invalid-value'] = {
    ...place, keyword: error.keyword, value: typeof value === 'string' ? value.slice(0, 80) : JSON.stringify(value)?.slice(0, 80) ?? '',
  };
  if (error.keyword === 'enum') {
    params.allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).slice(0, 12).map(String).join(', ');
  } else if (error.keyword === 'const') {
    params.allowed = String((error.params as { allowedValue: unknown }).allowedValue);
  } else {
    // The bound itself (limit, comparison, pattern, format); messages.ts words it.
    for (const [name, v] of Object.entries(error.params as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') { params[name] = String(v); }
    }
    params.detail = error.message ?? error.keyword;
  }
  const hint = valueHint(kind, field, value);
  if (hint) { params.hint = hint; }
  return { code: IssueCode.InvalidValue, params };
}

/** The types a union allows, for the summary of a value that matched none of its branches. */
function unionTypes(node: SchemaNode | undefined): string {
  const members = (node?.anyOf ?? node?.oneOf) as SchemaNode[] | undefined;
  const types = new Set<string>();
  for (const member of members ?? []) {
    if (typeof member.type === 'string') { types.add(member.type); }
    else if (typeof member.$ref === 'string') { types.add(member.$ref.split('/').pop() ?? 'object'); }
  }
  return types.size > 0 ? [...types].join(' or ') : 'an allowed form';
}
