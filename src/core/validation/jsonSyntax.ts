import { printParseErrorCode, visit } from 'jsonc-parser';
import type { Issue } from './types';
import { IssueCode, type IssueParams } from './issueCodes';
import type { GuardVerdict } from './lineGuard';
import { MAX_VALUES } from './lineGuard';
import { hiddenFindings } from './compactLength';

interface FoundError {
  reason: string;
  offset: number;
  length: number;
}

/**
 * jsonc-parser names one expected token where more could come: after a value inside an array, `,` or `]`; inside an
 * object, `,` or `}`; right after `[`, a value or `]`; right after `{`, a name or `}`. The reason is widened to all
 * of them, so the message says everything that could come next ("expected `,` or `]`"). `container` is the innermost
 * container still open at the error (jsonc-parser ends a container before it reports its missing bracket, so the
 * Close…Expected reasons name their own), `before` the text up to the error.
 */
function widened(reason: string, container: 'object' | 'array' | undefined, before: string): string {
  const last = before.trimEnd().slice(-1);
  const missing = [
    'CommaExpected',
    'CloseBraceExpected',
    'CloseBracketExpected',
    'PropertyNameExpected',
    'ValueExpected',
    'InvalidSymbol',
  ];
  if (missing.includes(reason) && last === '[') {
    return 'ValueOrCloseBracketExpected';
  }
  if (missing.includes(reason) && last === '{') {
    return 'PropertyNameOrCloseBraceExpected';
  }
  if (reason === 'CloseBracketExpected' || (reason === 'CommaExpected' && container === 'array')) {
    return 'CommaOrCloseBracketExpected';
  }
  if (reason === 'CloseBraceExpected' || (reason === 'CommaExpected' && container === 'object')) {
    return 'CommaOrCloseBraceExpected';
  }
  return reason;
}

function firstError(text: string): FoundError | undefined {
  let found: FoundError | undefined;
  const open: ('object' | 'array')[] = [];
  const push = (kind: 'object' | 'array') => (): void => {
    open.push(kind);
  };
  const pop = (): void => {
    open.pop();
  };
  visit(
    text,
    {
      onObjectBegin: push('object'),
      onArrayBegin: push('array'),
      onObjectEnd: pop,
      onArrayEnd: pop,
      onError: (error, offset, length) => {
        if (found === undefined) {
          found = {
            reason: widened(printParseErrorCode(error), open[open.length - 1], text.slice(0, offset)),
            offset,
            length,
          };
        }
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return found;
}

/** A short, printable excerpt of what stands at the error. */
function foundText(text: string, offset: number, length: number): string {
  if (offset >= text.length) {
    return 'end of line';
  }
  const piece = text.slice(offset, offset + Math.max(1, Math.min(length, 20)));
  return piece;
}

/**
 * Whether a line is a piece of a JSON document spread over lines (pretty-printed), not a JSON Lines line: a lone
 * bracket, a `"name": value` line, a closing bracket. The one test for it: the syntax hint on a line and the file's
 * form (jsonLinesForm.ts) both use it.
 */
export function isDocumentFragment(text: string): boolean {
  return /^\s*[[{]?\s*$/.test(text) || /^\s*"[^"]*"\s*:/.test(text) || /^\s*[}\]],?\s*$/.test(text);
}

/**
 * The issue for a line that `JSON.parse` rejected: jsonc-parser finds the exact position and what was expected.
 * Runs only on lines that failed, so its cost never touches valid lines.
 */
export function syntaxIssue(text: string, line: number, parseError: unknown): Issue {
  let error: FoundError | undefined;
  try {
    error = firstError(text);
  } catch (e) {
    if (e instanceof RangeError) {
      return tooDeepIssue(text, line);
    }
    throw e;
  }
  if (error === undefined) {
    // jsonc-parser is laxer than JSON.parse in rare corners (e.g. lone surrogates are fine for both, but some
    // number forms differ): fall back to V8's own position when it gives one.
    const message = parseError instanceof Error ? parseError.message : '';
    const match = /position (\d+)/.exec(message);
    const offset = match ? Math.min(Number(match[1]), text.length) : 0;
    error = { reason: 'InvalidSymbol', offset, length: 1 };
  }
  let { offset, length } = error;
  const params: IssueParams['json-syntax'] = { reason: error.reason };
  const before = text.slice(0, offset).trimEnd();
  const next = text[offset];
  if (
    (error.reason === 'PropertyNameExpected' || error.reason === 'ValueExpected') &&
    (next === '}' || next === ']') &&
    before.endsWith(',')
  ) {
    params.hint = 'trailing-comma';
    offset = before.length - 1;
    length = 1;
  } else if (next === "'") {
    params.hint = 'single-quotes';
  } else if (hasBareCr(text)) {
    // JSON counts a CR as white space, so `{…}\r{…}` fails only at the second object: say what really happened.
    params.hint = 'cr-line-breaks';
  } else if (isDocumentFragment(text)) {
    params.hint = 'pretty-printed';
  }
  params.found = params.hint === 'trailing-comma' ? ',' : foundText(text, offset, length);
  const end = Math.min(text.length, offset + Math.max(length, 1));
  return {
    code: IssueCode.JsonSyntax,
    severity: 'error',
    params,
    line,
    startCol: Math.min(offset, text.length),
    endLine: line,
    endCol: Math.max(end, Math.min(offset, text.length)),
  };
}

/** Nesting so deep that a recursive step ran out of stack. */
export function tooDeepIssue(text: string, line: number): Issue {
  const start = text.length - text.trimStart().length;
  return {
    code: IssueCode.TooDeep,
    severity: 'error',
    params: {},
    line,
    startCol: start,
    endLine: line,
    endCol: Math.min(text.length, start + 1),
  };
}

/** A CR not followed by LF inside the line (a trailing CR of a CRLF break is stripped before lines get here). */
function hasBareCr(text: string): boolean {
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 10 && at < text.length - 1) {
      return true;
    }
  }
  return false;
}

/** The issue for a line refused before parsing (see lineGuard.ts). */
export function guardIssue(verdict: Exclude<GuardVerdict, undefined>, text: string, line: number): Issue {
  if (verdict.kind === 'too-deep') {
    return tooDeepIssue(text, line);
  }
  const at = Math.min(verdict.at, text.length - 1);
  return {
    code: IssueCode.TooManyValues,
    severity: 'error',
    params: { limit: MAX_VALUES },
    line,
    startCol: at,
    endLine: line,
    endCol: at + 1,
  };
}

/**
 * Issues for what `JSON.parse` accepted but hid (rawScan.ts), each an error because the service's proto-JSON parser
 * refuses it (protocolbuffers/protobuf src/google/protobuf/json/internal/, commit e712d276):
 * - a name given twice: parser.cc ParseField, "'%s' has already been set" (conformance test
 *   Recommended.*.JsonInput.FieldNameDuplicate: "Should have failed to parse");
 * - a number past a double: lexer.cc JsonLexer::ParseNumber, `!std::isfinite(d)` → "invalid number";
 * - a lone surrogate escape: lexer.cc ParseUnicodeEscape, "invalid low surrogate" / "unpaired low surrogate", and a
 *   high surrogate must be followed by `\u`.
 */
export function rawIssues(text: string, value: unknown, line: number): Issue[] {
  const findings = hiddenFindings(text, value);
  if (findings.length === 0) {
    return NONE;
  }
  return findings.map((f): Issue => {
    const base = { severity: 'error' as const, line, startCol: f.start, endLine: line, endCol: f.end };
    if (f.kind === 'duplicate-name') {
      const related = f.first
        ? [{ role: 'firstOccurrence', line, startCol: f.first[0], endLine: line, endCol: f.first[1] }]
        : undefined;
      return { ...base, code: IssueCode.DuplicateName, params: { name: f.text }, ...(related ? { related } : {}) };
    }
    if (f.kind === 'non-finite-number') {
      return { ...base, code: IssueCode.NonFiniteNumber, params: { value: f.text } };
    }
    return { ...base, code: IssueCode.LoneSurrogate, params: { escape: f.text } };
  });
}

const NONE: Issue[] = [];
Object.freeze(NONE);
