import type { ErrorObject } from 'ajv';
import type { BatchKind } from '../batchKind';
import type { SchemaNode } from '../schema/validators';
import { numericStringKind } from '../schema/numericStrings';
import { displayPath, jsonType, pointerSegments, valueAt } from './dataPath';
import { IssueCode, type FieldPlace, type IssueParams } from './issueCodes';
import { suggestField } from './fieldSuggestions';
import { endpointFor } from './openaiEnvelopeFixes';
import { schemaAtPath } from './schemaNavigator';
import type { UnionSummary } from './unionErrors';

/** Hints for values that are right in the other provider's format. */
function valueHint(kind: BatchKind, field: string, value: unknown): string | undefined {
  if (field !== 'role' || typeof value !== 'string') {
    return undefined;
  }
  if (kind === 'openai' && value === 'model') {
    return 'gemini-role';
  }
  if (kind !== 'openai' && ['assistant', 'system', 'developer', 'tool'].includes(value)) {
    return 'openai-role';
  }
  return undefined;
}

/** One ajv error and the place it names: the data path, whether the issue sits on the key or the value, the field. */
export interface Located {
  error: ErrorObject;
  segments: string[];
  key: boolean;
  field: string;
}

/** The place of an error: an unknown or missing property is reported on its name, anything else on the value. */
export function locate(error: ErrorObject): Located {
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

/** The issue body of one schema error: one of the four schema codes with its parameters. */
export type Described = { [C in SchemaCode]: { code: C; params: IssueParams[C] } }[SchemaCode];
type SchemaCode =
  | typeof IssueCode.UnknownField
  | typeof IssueCode.MissingField
  | typeof IssueCode.TypeMismatch
  | typeof IssueCode.InvalidValue;

/** What one ajv error says, as an issue code and its parameters (schemaIssues.ts places it on the line). */
export function describe(
  kind: BatchKind,
  root: SchemaNode,
  data: unknown,
  l: Located,
  summary: UnionSummary | undefined,
): Described {
  const { error, segments, field } = l;
  const where = displayPath(error.keyword === 'additionalProperties' ? segments.slice(0, -1) : segments, data);
  if (error.keyword === 'additionalProperties') {
    const parentSegments = segments.slice(0, -1);
    const parentSchema = schemaAtPath(root, data, parentSegments);
    const params: IssueParams['unknown-field'] = { field, where };
    const suggestion = parentSchema
      ? suggestField(kind, root, parentSchema.node, valueAt(data, parentSegments), field)
      : undefined;
    if (suggestion) {
      params.suggestion = suggestion.path;
      if (suggestion.label) {
        params.suggestionLabel = suggestion.label;
      }
      params.scope = suggestion.scope;
      if (suggestion.hint) {
        params.hint = suggestion.hint;
      }
    }
    return { code: IssueCode.UnknownField, params };
  }
  if (error.keyword === 'required') {
    const params: IssueParams['missing-field'] = { field, where };
    const missing = schemaAtPath(root, data, [...segments, field]);
    if (missing?.example) {
      params.example = missing.example;
    }
    return { code: IssueCode.MissingField, params };
  }
  const value = valueAt(data, segments);
  const here = schemaAtPath(root, data, segments);
  const place: FieldPlace = { field, path: displayPath(segments, data) };
  if (here?.example) {
    place.example = here.example;
  }
  if (here?.definition) {
    place.definition = here.definition;
  }
  const numeric = numericStringKind(here?.node.pattern); // A Gemini number field also takes a numeric string.
  if (numeric !== undefined && (error.keyword === 'type' || error.keyword === 'pattern')) {
    const written = typeof value === 'string' ? { value: value.slice(0, 80) } : {};
    return {
      code: IssueCode.TypeMismatch,
      params: { ...place, ...written, expected: numeric, actual: jsonType(value), keyword: error.keyword },
    };
  }
  if (error.keyword === 'type' || error.keyword === 'anyOf' || error.keyword === 'oneOf') {
    const allowed =
      error.keyword === 'type' ? (error.params as { type: string | string[] }).type : unionTypes(here?.node);
    const shape = {
      ...place,
      expected: Array.isArray(allowed) ? allowed.join(' or ') : String(allowed),
      actual: jsonType(value),
      keyword: error.keyword,
    };
    // A union whose branches all want another JSON type is a type mismatch; otherwise the value's shape is wrong.
    return error.keyword === 'type' || summary === 'type'
      ? { code: IssueCode.TypeMismatch, params: shape }
      : { code: IssueCode.InvalidValue, params: shape };
  }
  const params: IssueParams['invalid-value'] = {
    ...place,
    keyword: error.keyword,
    value: typeof value === 'string' ? value.slice(0, 80) : (JSON.stringify(value)?.slice(0, 80) ?? ''),
  };
  if (error.keyword === 'enum') {
    params.allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? [])
      .slice(0, 12)
      .map(String)
      .join(', ');
    // An OpenAI url that names one endpoint all the same (`/chat/completions`): the message and quick fix offer it.
    const endpoint =
      kind === 'openai' && segments.length === 1 && segments[0] === 'url' && typeof value === 'string'
        ? endpointFor(value)
        : undefined;
    if (endpoint !== undefined) {
      params.suggestion = endpoint;
    }
  } else if (error.keyword === 'const') {
    params.allowed = String((error.params as { allowedValue: unknown }).allowedValue);
  } else {
    // The bound itself (limit, comparison, pattern, format); messages.ts words it.
    for (const [name, v] of Object.entries(error.params as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
        params[name] = String(v);
      }
    }
    params.detail = error.message ?? error.keyword;
  }
  const hint = valueHint(kind, field, value);
  if (hint) {
    params.hint = hint;
  }
  return { code: IssueCode.InvalidValue, params };
}

/** The types a union allows, for the summary of a value that matched none of its branches. */
function unionTypes(node: SchemaNode | undefined): string {
  const members = (node?.anyOf ?? node?.oneOf) as SchemaNode[] | undefined;
  const types = new Set<string>();
  for (const member of members ?? []) {
    if (typeof member.type === 'string') {
      types.add(member.type);
    } else if (typeof member.$ref === 'string') {
      types.add(member.$ref.split('/').pop() ?? 'object');
    }
  }
  return types.size > 0 ? [...types].join(' or ') : 'an allowed form';
}
