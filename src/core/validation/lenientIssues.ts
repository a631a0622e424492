import type { ErrorObject } from 'ajv';
import type { BatchKind } from '../batchKind';
import type { CompiledSchema } from '../schema/validators';
import { canonicalForm, type Normalisation, type Recheck } from './canonicalForm';
import { envelopeFields, withoutFields, type EnvelopeField } from './envelopeFields';
import { IssueCode, type IssueParams } from './issueCodes';
import { displayPath } from './dataPath';
import { rangeLocator, schemaIssues, type RangeLocator } from './schemaIssues';
import type { Issue } from './types';
import { softenUnlisted } from './unlistedValues';

/** Past this many, a line's non-canonical forms are not listed one by one (they are all fixed by "Fix all"). */
const MAX_NOTES_PER_LINE = 50;

type Obj = Record<string, unknown>;

interface Place {
  line: number;
  text: string;
  locate: RangeLocator;
}

function at(
  place: Place,
  segments: readonly string[],
  key: boolean,
): Pick<Issue, 'line' | 'startCol' | 'endLine' | 'endCol' | 'path'> {
  const lineStart = place.text.length - place.text.trimStart().length;
  const [startCol, endCol] = place.locate(segments, key) ?? [lineStart, place.text.trimEnd().length];
  return { line: place.line, startCol, endLine: place.line, endCol, path: `/${segments.join('/')}` };
}

/** A non-canonical form the service accepts: a warning on the value (enum) or on the field's name (single value). */
function noteIssue(note: Normalisation, data: unknown, place: Place): Issue {
  const field = note.segments[note.segments.length - 1] ?? '';
  const path = displayPath(note.segments, data);
  if (note.kind === 'enum-case') {
    return {
      code: IssueCode.EnumCase,
      severity: 'warning',
      ...at(place, note.segments, false),
      params: { field, path, value: note.value.slice(0, 80), canonical: note.canonical },
    };
  }
  return {
    code: IssueCode.SingleValue,
    severity: 'warning',
    ...at(place, note.segments, true),
    params: { field, path, actual: note.actual },
  };
}

function envelopeIssue(field: EnvelopeField, place: Place): Issue {
  const where = at(place, [field.field], true);
  if (field.kind === 'ignored') {
    return {
      code: IssueCode.IgnoredField,
      severity: 'warning',
      ...where,
      params: { field: field.field, suggestion: field.suggestion },
    };
  }
  const params: IssueParams['echoed-field'] = { field: field.field, array: field.array };
  if (field.meantKey) {
    params.suggestion = 'key';
  }
  return {
    code: IssueCode.EchoedField,
    severity: field.array || field.meantKey ? 'warning' : 'info',
    ...where,
    params,
  };
}

/**
 * The issues of a line that failed its schema, with severity following what the service does. For Gemini kinds the
 * line is read as the service reads it: fields beside `key`/`request` set aside (envelopeFields.ts), enum case and
 * single values made canonical (canonicalForm.ts); each of those is a warning or information, and only the canonical
 * copy's own errors are errors, placed on the line as written. OpenAI bodies get no such leniency.
 * `recheck` checks a changed copy (every error or the first, as the caller's budget allows).
 */
export function lenientIssues(
  kind: BatchKind,
  schema: CompiledSchema,
  text: string,
  data: Obj,
  errors: ErrorObject[],
  line: number,
  recheck: Recheck,
): Issue[] {
  if (kind === 'openai') {
    return schemaIssues(kind, schema.annotations, text, data, errors, line).map((i) => softenUnlisted(kind, i));
  }
  const place: Place = { line, text, locate: rangeLocator(text) };
  const envelope = envelopeFields(schema.annotations, data, errors);
  let checked: Obj = data;
  let remaining = errors;
  if (envelope.length > 0) {
    checked = withoutFields(data, envelope);
    remaining = recheck.errors(checked);
  }
  const canonical = canonicalForm(schema, checked, remaining, recheck);
  const errorIssues =
    canonical.errors.length === 0
      ? []
      : schemaIssues(kind, schema.annotations, text, canonical.data, canonical.errors, line, {
          data,
          path: canonical.toWritten,
          locate: place.locate,
        });
  // Capped before they are placed (placing each costs a walk of the line's tree).
  const notes = [
    ...envelope.map((f) => envelopeIssue(f, place)),
    ...canonical.notes.slice(0, MAX_NOTES_PER_LINE).map((n) => noteIssue(n, data, place)),
  ];
  notes.sort((a, b) => a.startCol - b.startCol || a.endCol - b.endCol);
  return [...errorIssues.map((i) => softenUnlisted(kind, i)), ...notes.slice(0, MAX_NOTES_PER_LINE)];
}
