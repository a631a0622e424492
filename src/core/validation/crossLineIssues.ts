import type { BatchKind } from '../batchKind';
import { IssueCode } from './issueCodes';
import { keyRange } from './keyRange';
import { PROVIDER_LIMITS } from './limits';
import type { Issue } from './types';

/** The name of the id field for a kind. */
export const idField = (kind: BatchKind): string => (kind === 'openai' ? 'custom_id' : 'key');

/** A key / custom_id already used on `firstLine` (0-based). */
export function duplicateIssue(kind: BatchKind, text: string, line: number, value: string, firstLine: number): Issue {
  const field = idField(kind);
  const [startCol, endCol] = keyRange(text, [field]);
  return {
    code: IssueCode.DuplicateKey, severity: 'error', line, startCol, endLine: line, endCol,
    params: { field, value: value.slice(0, 80), firstLine: firstLine + 1 },
    related: [{ role: 'firstOccurrence', line: firstLine, startCol: 0, endLine: firstLine, endCol: 0 }],
  };
}

/** An OpenAI line whose url or body.model differs from the first line that has one. */
export function mixedIssue(which: 'url' | 'model', text: string, line: number, value: string, expected: string, firstLine: number): Issue {
  const [startCol, endCol] = keyRange(text, [which]);
  return {
    code: which === 'url' ? IssueCode.MixedUrl : IssueCode.MixedModel, severity: 'error', line, startCol, endLine: line, endCol,
    params: { value: value.slice(0, 80), expected: expected.slice(0, 80), firstLine: firstLine + 1 },
    related: [{ role: 'firstOccurrence', line: firstLine, startCol: 0, endLine: firstLine, endCol: 0 }],
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
