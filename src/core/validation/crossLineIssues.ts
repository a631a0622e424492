import type { BatchKind } from '../batchKind';
import { IssueCode } from './issueCodes';
import { fieldValueRange, keyRange } from './keyRange';
import { PROVIDER_LIMITS } from './limits';
import type { Issue, RelatedSpan } from './types';

/** The name of the id field for a kind. */
export const idField = (kind: BatchKind): string => (kind === 'openai' ? 'custom_id' : 'key');

/** Where a value was first seen: its line (0-based) and the columns of the value on that line. */
export interface FirstSeen {
  line: number;
  startCol: number;
  endCol: number;
}

/** The place of `field`'s value on `line` (whose text is `text`): where a related span points. */
export function firstSeen(line: number, text: string, field: string): FirstSeen {
  const [startCol, endCol] = fieldValueRange(text, field);
  return { line, startCol, endCol };
}

function firstOccurrence(first: FirstSeen): RelatedSpan[] {
  return [{ role: 'firstOccurrence', line: first.line, startCol: first.startCol, endLine: first.line, endCol: first.endCol }];
}

/** A key / custom_id already used on an earlier line; `related` points at that line's value. */
export function duplicateIssue(kind: BatchKind, text: string, line: number, value: string, first: FirstSeen): Issue {
  const field = idField(kind);
  const [startCol, endCol] = keyRange(text, [field]);
  return {
    code: IssueCode.DuplicateKey, severity: 'error', line, startCol, endLine: line, endCol,
    params: { field, value: value.slice(0, 80), firstLine: first.line + 1 },
    related: firstOccurrence(first),
  };
}

/** An OpenAI line whose url or body.model differs from the first line that has one; `related` points at that value. */
export function mixedIssue(which: 'url' | 'model', text: string, line: number, value: string, expected: string, first: FirstSeen): Issue {
  const [startCol, endCol] = keyRange(text, [which]);
  return {
    code: which === 'url' ? IssueCode.MixedUrl : IssueCode.MixedModel, severity: 'error', line, startCol, endLine: line, endCol,
    params: { value: value.slice(0, 80), expected: expected.slice(0, 80), firstLine: first.line + 1 },
    related: firstOccurrence(first),
  };
}

/** The request line past the provider's line cap (reported once, on the first line over it). */
export function tooManyLinesIssue(kind: BatchKind, line: number, text: string): Issue {
  return {
    code: IssueCode.TooManyLines, severity: 'error', line, startCol: 0, endLine: line, endCol: text.trimEnd().length,
    params: { limit: PROVIDER_LIMITS[kind].maxLines ?? 0 },
  };
}

/** File-level issues: too large for the provider, or holding no request at all. */
export function fileIssues(kind: BatchKind, bytes: number, requests: number): Issue[] {
  const out: Issue[] = [];
  const limit = PROVIDER_LIMITS[kind].maxFileBytes;
  if (bytes > limit) {
    out.push({ code: IssueCode.FileTooLarge, severity: 'error', line: 0, startCol: 0, endLine: 0, endCol: 0, params: { bytes, limit } });
  }
  if (requests === 0) {
    out.push({ code: IssueCode.EmptyFile, severity: 'warning', line: 0, startCol: 0, endLine: 0, endCol: 0, params: {} });
  }
  return out;
}

/** Orders issues by position (stable), the order presenters show them in. */
export function compareIssues(a: Issue, b: Issue): number {
  return a.line - b.line || a.startCol - b.startCol;
}
