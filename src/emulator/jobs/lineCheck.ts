import { isServiceParseFailure, messageFor, validateLine, IssueCode, type Issue } from '../../core/validation';

/**
 * The create-time parse check of Gemini batch lines (reference §5 item 12): a line the service's proto-JSON
 * parser rejects (broken JSON, unknown field, wrong JSON type) fails the whole batch with
 * `Error on line N: invalid JSON, near column C: …`. The decision is the editor's own validator
 * (`isServiceParseFailure`), so the emulator refuses exactly what the editor marks as fatal. What the service
 * accepts by leniency (enum values in another case, a single value for a repeated field, fields beside `request`)
 * is a warning there, never a failure: the emulator accepts those batches too.
 */
export type GeminiLineKind = 'gemini-generate' | 'gemini-embed';

const EXPECTED_CHAR: Readonly<Record<string, string>> = { object: "'{'", array: "'['", string: "'\"'" };

/** The service's wording for the issues it has words for; the editor's words otherwise. */
function serviceWords(issue: Issue, text: string): string {
  const found = text.slice(issue.startCol, issue.startCol + 1) || 'end of line';
  switch (issue.code) {
    case IssueCode.UnknownField:
      return `no such field: '${issue.params.field}'`;
    case IssueCode.TypeMismatch: {
      const expected = issue.params.expected;
      return `unexpected character: '${found}'; expected ${EXPECTED_CHAR[expected] ?? `a value of type ${expected}`}`;
    }
    case IssueCode.NotAnObject:
      return `unexpected character: '${found}'; expected '{'`;
    default:
      return messageFor(issue).replace(/^Invalid JSON: /, '');
  }
}

/** Checks one non-blank line; returns the text after `Error on line N: `, or undefined when the service would parse it. */
export function checkLine(kind: GeminiLineKind, text: string): string | undefined {
  const fatal = validateLine(kind, text, 0).find(isServiceParseFailure);
  if (fatal === undefined) {
    return undefined;
  }
  return `invalid JSON, near column ${fatal.startCol + 1}: ${serviceWords(fatal, text)}`;
}
