import { messageFor, type Issue } from '../validation';

/**
 * Why one data row gave no batch line. Typed codes: the CLI and the editor choose the words. A row with a problem is
 * listed by its number and left out; the rows around it are still written.
 */
export type RowProblem =
  /** A CSV/TSV row whose quoted field is never closed (the file ends inside it). */
  | { code: 'unterminated-quote' }
  /** A CSV/TSV row with another number of fields than the header. */
  | { code: 'field-count'; expected: number; actual: number }
  /** A JSONL line that is not JSON. */
  | { code: 'invalid-json' }
  /** A JSONL line or JSON array item that is not an object. */
  | { code: 'not-an-object' }
  /** The row has no value for a column the template uses. */
  | { code: 'missing-value'; column: string }
  /** The template filled with this row's values is not JSON (e.g. a bare placeholder given a word). */
  | { code: 'not-json' }
  /** The key column is empty on this row, or (JSONL, JSON) absent from it. */
  | { code: 'missing-key'; column: string }
  /** Another row already gave this key; `firstRow` is that row's number. */
  | { code: 'duplicate-key'; key: string; firstRow: number }
  /** A file of a data folder whose type Gemini does not read (see mediaTypes.ts). */
  | { code: 'unsupported-file'; file: string }
  /** A file of a data folder too large to go inline, wanted as a part where nothing can upload it (the CLI). */
  | { code: 'too-large-inline'; file: string }
  /** The rendered line fails validation: the first error the validator found. */
  | { code: 'invalid-line'; issue: Issue };

export type RowProblemCode = RowProblem['code'];

/**
 * Whether a row's problem is the template's (its rendering is not a valid line), rather than the data's (a short CSV
 * row, a missing key, a duplicate…). The build leaves out and lists a row either way; only a template problem is
 * one the template editor asks to fix before the build: the data's rows are left out whatever the template says.
 */
export function isTemplateProblem(problem: RowProblem): boolean {
  return problem.code === 'not-json' || problem.code === 'invalid-line';
}

/** A row left out, by its 1-based number among the data rows. */
export interface RejectedRow {
  row: number;
  problem: RowProblem;
}

/** Where keys come from: a column's values, or the row numbers (`row-1`, `row-2`…). */
export type KeySource = { column: string } | 'row-number';

/** The words for a row left out of a build, shared by the CLI and the editor (as messages.ts is for issues). */
export function describeRowProblem(problem: RowProblem): string {
  switch (problem.code) {
    case 'unterminated-quote':
      return 'a quoted field is never closed';
    case 'field-count':
      return `${problem.actual} field${problem.actual === 1 ? '' : 's'} where the header has ${problem.expected}`;
    case 'invalid-json':
      return 'the line is not JSON';
    case 'not-an-object':
      return 'the row is not a JSON object';
    case 'missing-value':
      return `no value for column "${problem.column}"`;
    case 'not-json':
      return 'the template filled with this row is not JSON (a placeholder outside quotes given text?)';
    case 'missing-key':
      return `the key column "${problem.column}" is empty or absent on this row`;
    case 'duplicate-key':
      return `key "${problem.key.slice(0, 80)}" was already used by row ${problem.firstRow}`;
    case 'unsupported-file':
      return `${problem.file} is not a type Gemini reads (text, image, audio, video or PDF)`;
    case 'too-large-inline':
      return `${problem.file} is too large to go inline: build in the editor, which uploads it through the Files API`;
    case 'invalid-line':
      return messageFor(problem.issue);
  }
}
