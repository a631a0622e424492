import type { ErrorObject } from 'ajv';
import type { SchemaNode } from '../schema/validators';
import { IssueCode } from './issueCodes';
import type { Issue } from './types';
import { pruneUnionErrors } from './unionErrors';

/** At most this many schema issues per line: the same cap as `schemaIssues` (MAX_PER_LINE there). */
const MAX_PER_LINE = 6;

/** A stand-in of the nearest code for an ajv keyword: only counted, never shown, so its parameters are empty words. */
function standIn(keyword: string, place: Pick<Issue, 'severity' | 'line' | 'startCol' | 'endLine' | 'endCol'>): Issue {
  switch (keyword) {
    case 'additionalProperties':
      return { ...place, code: IssueCode.UnknownField, params: { field: '' } };
    case 'required':
      return { ...place, code: IssueCode.MissingField, params: { field: '' } };
    case 'type':
      return { ...place, code: IssueCode.TypeMismatch, params: { field: '', expected: '', actual: '' } };
    default:
      return { ...place, code: IssueCode.InvalidValue, params: { field: '', keyword } };
  }
}

/** One issue's place, as `schemaIssues` groups errors: the data path, key or value, and the field of a `required`. */
function placeOf(error: ErrorObject): string {
  const segments =
    error.instancePath === ''
      ? []
      : error.instancePath
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') {
    return `${[...segments, String((error.params as { additionalProperty: string }).additionalProperty)].join('/')}|k|`;
  }
  if (error.keyword === 'required') {
    return `${segments.join('/')}|k|${String((error.params as { missingProperty: string }).missingProperty)}`;
  }
  return `${segments.join('/')}|v|`;
}

/**
 * Stand-ins for the schema issues of a line that will only be counted (the file's cap on kept issues is reached):
 * as many as `schemaIssues` would report, found without locating them in the text or describing them (no parse
 * tree, no field suggestions), which is most of the cost of a failing line. Their code is the nearest one; the
 * range is the whole line. `schemaIssues` and this count must agree: a test compares them.
 */
export function countedSchemaIssues(
  root: SchemaNode,
  data: unknown,
  errors: readonly ErrorObject[],
  line: number,
  range: [number, number],
): Issue[] {
  const relevant = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'then' && e.keyword !== 'else');
  const { errors: pruned } = pruneUnionErrors(root, data, relevant);
  const places = new Map<string, ErrorObject>();
  for (const error of pruned) {
    if (!places.has(placeOf(error))) {
      places.set(placeOf(error), error);
    }
  }
  return [...places.values()].slice(0, MAX_PER_LINE).map((error) =>
    standIn(error.keyword, {
      severity: 'error',
      line,
      startCol: range[0],
      endLine: line,
      endCol: range[1],
    }),
  );
}
