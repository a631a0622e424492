import type { ErrorObject } from 'ajv';
import { serviceErrors } from './serviceIgnored';
import type { BatchKind } from '../batchKind';
import { bareRequestIssues, isBareRequest } from './bareRequest';
import { batchShape } from './batchDetection';
import { compiledSchema, type CompiledSchema } from '../schema/validators';
import { IssueCode, type IssueParams } from './issueCodes';
import { countedSchemaIssues } from './issueCount';
import { contentRange, keyRange } from './keyRange';
import { guardIssue, rawIssues, syntaxIssue, tooDeepIssue } from './jsonSyntax';
import { guardLine } from './lineGuard';
import { PROVIDER_LIMITS } from './limits';
import { lineShape, type LineShape } from './lineShape';
import { lenientIssues } from './lenientIssues';
import { isOpenAIBatchEndpoint } from '../openaiEndpoints';
import type { Issue, IssueOf } from './types';

/** What one line contributes to the file: its own issues and the facts the checks across lines need. */
export interface LineResult {
  /** The line parsed as a JSON object (so it counts toward kind detection). */
  parsed: boolean;
  /** The kind the line's shape suggests, if any. */
  shape: LineShape | undefined;
  /** The shape when the line also counts as evidence of a batch file (what votes in kind detection). */
  vote: LineShape | undefined;
  /** Issues of this line alone (positions on `lineIndex`). */
  issues: Issue[];
  /** `key` (Gemini) or `custom_id` (OpenAI) when it is a string. */
  id: string | undefined;
  /** OpenAI: `url` when it is an endpoint the batch API accepts, and `body.model` when it is a string. */
  url: string | undefined;
  model: string | undefined;
}

const NO_ISSUES: Issue[] = [];
Object.freeze(NO_ISSUES);

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function issue<C extends IssueCode>(
  code: C,
  severity: Issue['severity'],
  line: number,
  startCol: number,
  endCol: number,
  params: IssueParams[C],
): IssueOf<C> {
  return { code, severity, line, startCol, endLine: line, endCol, params };
}

/**
 * Past this many JSON values in a failing line, only its first schema error is reported: ajv's every-error mode
 * concatenates error arrays, so its cost grows with the square of the errors (a million bad items would hang).
 */
const MAX_VALUES_FOR_ALL_ERRORS = 5000;

/** An upper bound on the values in a line: separators and openers (runs only on lines that failed). */
function valueCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 91 || c === 123) {
      n++;
    }
  }
  return n;
}

/**
 * The schema issues of a line that failed `isValid` (`checkedText`/`data`: what was checked, the line itself or a bare
 * request wrapped). Every error when the line is small enough, else the first one (of the last `isValid` call, on the
 * same value).
 */
function failedLineIssues(
  kind: BatchKind,
  schema: CompiledSchema,
  text: string,
  checkedText: string,
  data: Obj,
  lineIndex: number,
  detail = true,
): Issue[] {
  const all = valueCount(text) <= MAX_VALUES_FOR_ALL_ERRORS;
  const errors = serviceErrors(all ? schema.allErrors(data) : schema.firstErrors());
  if (errors.length === 0) {
    return [];
  }
  if (!detail) {
    return countedSchemaIssues(schema.annotations, data, errors, lineIndex, contentRange(text));
  }
  // Severity follows what the service does: lenientIssues.ts re-checks the line as the service reads it.
  const recheck = (value: unknown): ErrorObject[] => {
    if (all) {
      return serviceErrors(schema.allErrors(value));
    }
    return schema.isValid(value) ? [] : serviceErrors(schema.firstErrors());
  };
  return lenientIssues(kind, schema, checkedText, data, errors, lineIndex, { errors: recheck, rounds: all ? 6 : 32 });
}

/** What a line holds instead of an object, as the not-an-object message names it. */
function nonObjectType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'array' : typeof value;
}

/** The smallest per-line byte limit of any kind. */
const SMALLEST_LINE_LIMIT = Math.min(
  ...Object.values(PROVIDER_LIMITS).map((l) => l.maxLineBytes ?? Number.POSITIVE_INFINITY),
);

const DISTINGUISHING: Readonly<Record<LineShape, readonly string[]>> = {
  openai: ['custom_id', 'url', 'method', 'body'],
  anthropic: ['params'],
  'gemini-generate': ['request', 'contents'],
  'gemini-embed': ['request', 'content'],
};

/**
 * Validates one line on its own (no checks across lines): JSON syntax, shape, schema of `kind`, per-line limits.
 * `lineIndex` is 0-based and only used for the positions of the issues. Callers on a hot path pass the compiled
 * schema of `kind` they hold. With `detail` false (the caller only counts further issues: its cap on kept issues is
 * reached) the schema issues are counted but not located or described, which is most of the cost of a failing line.
 */
export function checkLine(
  kind: BatchKind,
  text: string,
  lineIndex: number,
  schema: CompiledSchema = compiledSchema(kind),
  detail = true,
): LineResult {
  const result: LineResult = {
    parsed: false,
    shape: undefined,
    vote: undefined,
    issues: NO_ISSUES,
    id: undefined,
    url: undefined,
    model: undefined,
  };
  const guarded = guardLine(text);
  if (guarded !== undefined) {
    result.issues = [guardIssue(guarded, text, lineIndex)];
    return result;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    result.issues = [error instanceof RangeError ? tooDeepIssue(text, lineIndex) : syntaxIssue(text, lineIndex, error)];
    return result;
  }
  if (!isObject(value)) {
    const [start, end] = contentRange(text);
    result.issues = [
      issue(IssueCode.NotAnObject, 'error', lineIndex, start, end, {
        actual: nonObjectType(value),
      }),
    ];
    return result;
  }
  result.parsed = true;
  // What JSON.parse hid (a name given twice, Infinity, a lone surrogate escape): before the schema's issues.
  const hidden = rawIssues(text, value, lineIndex);
  const shape = lineShape(value);
  result.shape = shape;
  result.vote = batchShape(value, shape);
  if (shape !== undefined && shape !== kind) {
    const [from, to] = keyRange(text, DISTINGUISHING[shape]);
    result.issues = [
      ...hidden,
      issue(IssueCode.WrongKind, 'error', lineIndex, from, to, { lineKind: shape, fileKind: kind }),
    ];
    return result;
  }
  let issues: Issue[] = NO_ISSUES;
  const bare = isBareRequest(kind, value);
  try {
    if (bare) {
      // Only bare lines pay for the closure (a valid line allocates nothing here).
      const issuesOf = (lineText: string, data: Obj): Issue[] =>
        failedLineIssues(kind, schema, text, lineText, data, lineIndex, detail);
      issues = bareRequestIssues(value, text, schema, issuesOf, contentRange(text));
    } else if (!schema.isValid(value)) {
      issues = failedLineIssues(kind, schema, text, text, value, lineIndex, detail);
    }
  } catch (error) {
    if (!(error instanceof RangeError)) {
      throw error;
    }
    issues = [tooDeepIssue(text, lineIndex)];
  }
  if (kind === 'openai') {
    result.id = typeof value.custom_id === 'string' ? value.custom_id : undefined;
    // Only an accepted url takes part in the check across lines: a refused one already has its own error here (with
    // its fix), and as the file's first url it would make every right url below it look mixed.
    result.url = isOpenAIBatchEndpoint(value.url) ? value.url : undefined;
    const body = value.body;
    result.model = isObject(body) && typeof body.model === 'string' ? body.model : undefined;
  } else {
    result.id = typeof value.key === 'string' ? value.key : undefined;
    if (bare) {
      const [from, to] = keyRange(text, ['contents']);
      issues = [...issues, issue(IssueCode.BareRequest, 'warning', lineIndex, from, to, {})];
    } else if (value.key === undefined) {
      const [from, to] = keyRange(text, ['request']);
      issues = [...issues, issue(IssueCode.MissingKey, 'warning', lineIndex, from, to, {})];
    }
  }
  // A UTF-16 unit is at most 3 UTF-8 bytes: most lines are too short to matter, decided without a lookup per line.
  const maxLineBytes = text.length * 3 > SMALLEST_LINE_LIMIT ? PROVIDER_LIMITS[kind].maxLineBytes : undefined;
  if (maxLineBytes !== undefined && text.length * 3 > maxLineBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxLineBytes) {
      const [start, end] = contentRange(text);
      issues = [
        ...issues,
        issue(IssueCode.LineTooLarge, 'warning', lineIndex, start, end, { bytes, limit: maxLineBytes }),
      ];
    }
  }
  result.issues = hidden.length > 0 ? [...hidden, ...issues] : issues;
  return result;
}
