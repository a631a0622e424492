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
  IssueCode.JsonSyntax, IssueCode.NotAnObject, IssueCode.TooDeep, IssueCode.UnknownField, IssueCode.TypeMismatch,
  IssueCode.InvalidUtf8, IssueCode.BinaryFile,
  // The proto-JSON parser refuses these too (see rawIssues in jsonSyntax.ts for the source).
  IssueCode.DuplicateName, IssueCode.NonFiniteNumber, IssueCode.LoneSurrogate,
]);

/**
 * True for issues that make the Gemini service reject the whole file at batch creation (HTTP 400 "Error on line N:
 * invalid JSON…"): broken JSON, unknown field names, a wrong JSON type, an unknown enum value (proto enums are
 * parsed by name), a line of another format (its fields are unknown). False for issues that parse but fail when
 * the request runs (a missing `contents`, a `role` of `assistant`: role is a plain string to the parser), that are
 * only advice (missing key, duplicates), or that say this tool did not read a line (`line-too-long`).
 */
export function isServiceParseFailure(issue: Issue): boolean {
  if (PARSE_FAILURES.has(issue.code)) { return true; }
  if (issue.code === IssueCode.WrongKind) { return true; }
  if (issue.code === IssueCode.InvalidValue) { return issue.params.keyword === 'enum' && issue.params.field !== 'role'; }
  return false;
}
