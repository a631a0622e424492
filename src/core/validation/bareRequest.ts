import type { BatchKind } from '../batchKind';
import type { CompiledSchema } from '../schema/validators';
import type { Issue } from './types';
import { IssueCode, type FieldPlace } from './issueCodes';

type Obj = Record<string, unknown>;

/**
 * A generateContent line written as a bare GenerateContentRequest (`{"contents":[…],"generationConfig":{…}}`, no
 * `key`, no `request`): the form of an older REST example in Google's guide, which the service accepts (reference
 * §1.3). Results can then only be matched by position.
 */
export function isBareRequest(kind: BatchKind, value: Obj): boolean {
  return (
    kind === 'gemini-generate' && value.request === undefined && value.key === undefined && value.contents !== undefined
  );
}

/** What the bare line is checked as: the same request inside the line schema's `request`. */
const PREFIX = '{"request":';
const SEGMENT = 'request';

/** `request.x` → `x`, `request` → `` (the bare line is the request itself). */
function unwrapDotted(path: string): string {
  if (path === SEGMENT) {
    return '';
  }
  return path.startsWith(`${SEGMENT}.`) || path.startsWith(`${SEGMENT}[`)
    ? path.slice(SEGMENT.length).replace(/^\./, '')
    : path;
}

function unwrapPointer(pointer: string): string {
  if (pointer === `/${SEGMENT}`) {
    return '/';
  }
  return pointer.startsWith(`/${SEGMENT}/`) ? pointer.slice(SEGMENT.length + 1) : pointer;
}

/** Dotted params that name places in the line (not `suggestion` relative to an object, which stays as is). */
const PATH_PARAMS = ['where', 'path'] as const;

/** A copy of a schema issue's places with the wrapper taken off (`request.contents` → `contents`). */
function unwrapPlace<P extends FieldPlace>(params: P): P {
  const out = { ...params };
  for (const name of PATH_PARAMS) {
    const value = out[name];
    if (typeof value === 'string') {
      out[name] = unwrapDotted(value);
    }
  }
  return out;
}

/**
 * The schema issues of a bare request: the line is checked as `{"request": <line>}`, then each issue is moved back
 * onto the line (columns, JSON pointer, the dotted names in its params). `schemaIssues` is passed in so this module
 * stays a thin adapter around the one way schema errors become issues.
 */
export function bareRequestIssues(
  value: Obj,
  text: string,
  schema: CompiledSchema,
  issuesOf: (wrappedText: string, wrappedValue: Obj) => Issue[],
  contentRange: [number, number],
): Issue[] {
  const wrappedValue: Obj = { request: value };
  if (schema.isValid(wrappedValue)) {
    return [];
  }
  const shift = PREFIX.length;
  return issuesOf(`${PREFIX}${text}}`, wrappedValue).map((issue) => {
    const inside = issue.startCol >= shift && issue.endCol <= shift + text.length;
    const [startCol, endCol] = inside ? [issue.startCol - shift, issue.endCol - shift] : contentRange;
    const moved: Issue = { ...issue, startCol, endCol };
    if (moved.code === IssueCode.UnknownField) {
      const params = unwrapPlace(moved.params);
      if (params.scope === 'line' && typeof params.suggestion === 'string') {
        params.suggestion = unwrapDotted(params.suggestion);
        if (typeof params.suggestionLabel === 'string') {
          params.suggestionLabel = unwrapDotted(params.suggestionLabel);
        }
      }
      moved.params = params;
    } else if (
      moved.code === IssueCode.MissingField ||
      moved.code === IssueCode.TypeMismatch ||
      moved.code === IssueCode.InvalidValue
    ) {
      moved.params = unwrapPlace(moved.params);
    }
    if (issue.path !== undefined) {
      moved.path = unwrapPointer(issue.path);
    }
    return moved;
  });
}
