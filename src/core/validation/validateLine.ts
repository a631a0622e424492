import type { BatchKind } from '../batchKind';
import { IssueCode } from './issueCodes';
import { checkLine } from './lineCheck';
import { isBlank } from './validationSession';
import type { Issue } from './types';

/**
 * Validates a single line against the schema of `kind` (syntax, shape, schema, per-line limits), with no check
 * across lines. A blank line has no issues. `lineIndex` (0-based) positions the issues.
 */
export function validateLine(kind: BatchKind, text: string, lineIndex: number): Issue[] {
  return isBlank(text) ? [] : checkLine(kind, text, lineIndex).issues.slice();
}

/** Codes the service's proto-JSON parser rejects when the batch is created (the whole file fails at once). */
const PARSE_FAILURES: ReadonlySet<string> = new Set<string>([
  IssueCode.JsonSyntax,
  IssueCode.NotAnObject,
  IssueCode.TooDeep,
  IssueCode.UnknownField,
  IssueCode.TypeMismatch,
  IssueCode.InvalidUtf8,
  IssueCode.BinaryFile,
  // The proto-JSON parser refuses these too (see rawIssues in jsonSyntax.ts for the source).
  IssueCode.DuplicateName,
  IssueCode.NonFiniteNumber,
  IssueCode.LoneSurrogate,
]);

/**
 * In the Gemini schemas every numeric bound comes from a proto integer type (scripts/schemaSources/integerRanges.ts), and
 * a proto3 JSON parser refuses an out-of-range integer (protobuf's conformance suite, "Int32FieldTooLarge"): the whole
 * file fails to parse, like an unknown field.
 */
const PROTO_RANGE_KEYWORDS: ReadonlySet<string> = new Set([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);

/**
 * True for issues that make the Gemini service reject the whole file at batch creation (HTTP 400 "Error on line N:
 * invalid JSON…", reference §5 item 12: UKGovernmentBEIS/inspect_ai#3257 and #5100): broken JSON, unknown field names
 * inside `request`, a wrong JSON type, an unknown enum value (proto enums are parsed by name), a line of another
 * format (its fields are unknown). False for issues that parse but fail when the request runs (a missing `contents`,
 * a `role` of `assistant`: role is a plain string to the parser), that are only advice (missing key, duplicates), that
 * the service accepts by leniency (`enum-case`, `single-value`, fields beside `request`: warnings and information,
 * see lenientIssues.ts), or that say this tool did not read a line (`line-too-long`). Only errors can be failures.
 */
export function isServiceParseFailure(issue: Issue): boolean {
  if (issue.severity !== 'error') {
    return false;
  }
  if (PARSE_FAILURES.has(issue.code)) {
    return true;
  }
  if (issue.code === IssueCode.WrongKind) {
    return true;
  }
  if (issue.code === IssueCode.InvalidValue) {
    return (
      (issue.params.keyword === 'enum' && issue.params.field !== 'role') ||
      PROTO_RANGE_KEYWORDS.has(String(issue.params.keyword))
    );
  }
  return false;
}
