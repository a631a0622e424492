import type { NotJsonLines } from './jsonLinesForm';
import type { BatchKind } from '../batchKind';
import type { IssueCode, IssueParams } from './issueCodes';

/**
 * The contract between the validation core and its presenters (the editor's diagnostics, the CLI).
 * Core returns data only; `messages.ts` turns an Issue into words.
 */
export type Severity = 'error' | 'warning' | 'info';

/** A span inside the document: 0-based lines, 0-based UTF-16 columns (what VS Code's Position uses). */
export interface Span {
  line: number;
  startCol: number;
  endLine: number;
  endCol: number;
}

export interface RelatedSpan extends Span {
  /** What the related place is, e.g. 'firstOccurrence'. */
  role: string;
}

interface IssueBase extends Span {
  severity: Severity;
  /** JSON pointer-like path of the offending value inside the line, when there is one. */
  path?: string;
  related?: RelatedSpan[];
}

/** An issue of one code, with that code's parameters (issueCodes.ts `IssueParams`). */
export type IssueOf<C extends IssueCode> = IssueBase & {
  /** Stable machine code, e.g. 'json-syntax', 'unknown-field', 'duplicate-key' (see issueCodes.ts). */
  code: C;
  /** Values the message is built from (field names, expected types, limits...). */
  params: IssueParams[C];
};

/** Any issue: a union over the codes, so checking `code` narrows `params`. */
export type Issue = { [C in IssueCode]: IssueOf<C> }[IssueCode];

/** Result of validating a whole file or document. */
export interface ValidationSummary {
  kind: BatchKind;
  /** Physical line count (blank lines included). */
  lines: number;
  /** Lines that hold a request (non-blank). */
  requests: number;
  bytes: number;
  issues: Issue[];
  /**
   * True when the kind was detected ('auto') and no line of the detection window looked like a batch request: the
   * file holds other JSON Lines data and was not validated; its only issue is one `not-a-batch-file` warning.
   */
  notBatch?: boolean;
  /**
   * True when the kind was detected ('auto') and the file holds the results of a job (Gemini or OpenAI output lines,
   * the joined files): not validated, its only issue is one `results-file` note. `notBatch` is true too, since it
   * holds no batch request (nothing to submit).
   */
  results?: boolean;
  /**
   * Set (with `notBatch`) when the kind was detected and the file's first lines are not JSON Lines at all: what it is
   * instead (jsonLinesForm.ts). Its only issue is then one `not-a-batch-file` that says so and how to fix it.
   */
  notJsonLines?: NotJsonLines;
  /** Issues found but not kept, past the cap on issues per file (absent when none were dropped). */
  issuesDropped?: number;
}
