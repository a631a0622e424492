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

/**
 * Where an id was first seen, as the session's id index keeps it: one small number per id when the value is a plain
 * string right at the start of its line (`{"key":"…"` or `{"key": "…"`, the common case), since its columns then
 * follow from the id itself; a {@link FirstSeen} otherwise. Both a record per line and a scan for the value's place
 * on every line cost too much on a file of a million requests, so the columns are only worked out for a duplicate.
 */
export type PackedFirstSeen = number | FirstSeen;

/** Columns of a packed position: the low bits hold the start column, which is at most a few characters in. */
const COLUMN_BITS = 64;

/**
 * The position of `id` (the string value of `field`) on `line`, packed. Cheap: looks at the start of `text` and calls
 * one native search (character loops cost many times more on the sliced strings that lines are, and this runs on
 * every line); falls back to {@link firstSeen} when the value is elsewhere or written with escapes.
 */
export function packFirstSeen(line: number, text: string, field: string, id: string): PackedFirstSeen {
  // `{"` + field + `"`, optional blanks, `:`, optional blanks, `"`: the value is the line's first string.
  if (
    text.charCodeAt(0) === 123 &&
    text.charCodeAt(1) === 34 &&
    text.charCodeAt(2 + field.length) === 34 &&
    text.startsWith(field, 2)
  ) {
    let at = 3 + field.length;
    while (text.charCodeAt(at) === 32) {
      at++;
    }
    if (text.charCodeAt(at) === 58) {
      at++;
      while (text.charCodeAt(at) === 32) {
        at++;
      }
      if (at < COLUMN_BITS && text.charCodeAt(at) === 34) {
        // The first quote after the opening one, not escaped: the value's closing quote (where firstSeen ends it). Its
        // raw text as long as the id means no escape in it, so the columns follow from the id when they are needed.
        const close = text.indexOf('"', at + 1);
        if (close === at + 1 + id.length && text.charCodeAt(close - 1) !== 92) {
          return line * COLUMN_BITS + at;
        }
      }
    }
  }
  return firstSeen(line, text, field);
}

/** The {@link FirstSeen} of a packed position of `id`. */
export function unpackFirstSeen(packed: PackedFirstSeen, id: string): FirstSeen {
  if (typeof packed !== 'number') {
    return packed;
  }
  const startCol = packed % COLUMN_BITS;
  return { line: (packed - startCol) / COLUMN_BITS, startCol, endCol: startCol + id.length + 2 };
}

function firstOccurrence(first: FirstSeen): RelatedSpan[] {
  return [
    { role: 'firstOccurrence', line: first.line, startCol: first.startCol, endLine: first.line, endCol: first.endCol },
  ];
}

/** A key / custom_id already used on an earlier line; `related` points at that line's value. */
export function duplicateIssue(kind: BatchKind, text: string, line: number, value: string, first: FirstSeen): Issue {
  const field = idField(kind);
  const [startCol, endCol] = keyRange(text, [field]);
  return {
    code: IssueCode.DuplicateKey,
    severity: 'error',
    line,
    startCol,
    endLine: line,
    endCol,
    params: { field, value: value.slice(0, 80), firstLine: first.line + 1 },
    related: firstOccurrence(first),
  };
}

/** An OpenAI line whose url or body.model differs from the first line that has one; `related` points at that value. */
export function mixedIssue(
  which: 'url' | 'model',
  text: string,
  line: number,
  value: string,
  expected: string,
  first: FirstSeen,
): Issue {
  const [startCol, endCol] = keyRange(text, [which]);
  return {
    code: which === 'url' ? IssueCode.MixedUrl : IssueCode.MixedModel,
    severity: 'error',
    line,
    startCol,
    endLine: line,
    endCol,
    params: { value: value.slice(0, 80), expected: expected.slice(0, 80), firstLine: first.line + 1 },
    related: firstOccurrence(first),
  };
}

/** The request line past the provider's line cap (reported once, on the first line over it). */
export function tooManyLinesIssue(kind: BatchKind, line: number, text: string): Issue {
  return {
    code: IssueCode.TooManyLines,
    severity: 'error',
    line,
    startCol: 0,
    endLine: line,
    endCol: text.trimEnd().length,
    params: { limit: PROVIDER_LIMITS[kind].maxLines ?? 0 },
  };
}

/** File-level issues: too large for the provider, or holding no request at all. */
export function fileIssues(kind: BatchKind, bytes: number, requests: number): Issue[] {
  const out: Issue[] = [];
  const limit = PROVIDER_LIMITS[kind].maxFileBytes;
  if (bytes > limit) {
    out.push({
      code: IssueCode.FileTooLarge,
      severity: 'error',
      line: 0,
      startCol: 0,
      endLine: 0,
      endCol: 0,
      params: { bytes, limit },
    });
  }
  if (requests === 0) {
    out.push({
      code: IssueCode.EmptyFile,
      severity: 'warning',
      line: 0,
      startCol: 0,
      endLine: 0,
      endCol: 0,
      params: {},
    });
  }
  return out;
}

/** Orders issues by position (stable), the order presenters show them in. */
export function compareIssues(a: Issue, b: Issue): number {
  return a.line - b.line || a.startCol - b.startCol;
}
