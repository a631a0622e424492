import { messageFor } from '../validation';
import type { RowProblem } from './buildTypes';

/** The words for a row left out of a build, shared by the CLI and the editor (as messages.ts is for issues). */
export function describeRowProblem(problem: RowProblem): string {
  switch (problem.code) {
    case 'unterminated-quote': return 'a quoted field is never closed';
    case 'field-count': return `${problem.actual} fields where the header has ${problem.expected}`;
    case 'invalid-json': return 'the line is not JSON';
    case 'not-an-object': return 'the row is not a JSON object';
    case 'missing-value': return `no value for column "${problem.column}"`;
    case 'not-json': return 'the template filled with this row is not JSON (a placeholder outside quotes given text?)';
    case 'missing-key': return `the key column "${problem.column}" is empty`;
    case 'duplicate-key': return `key "${problem.key.slice(0, 80)}" was already used by row ${problem.firstRow}`;
    case 'invalid-line': return messageFor(problem.issue);
  }
}
