import { BATCH_KINDS, isBatchKind } from '../batchKind';
import { kindName, kindWithArticle } from '../batchKindWords';
import type { IssueCode, IssueParams, ParamValue } from './issueCodes';
import type { Issue } from './types';

/** Reads one parameter of a code as text ('' when absent): only the names the code's parameters have. */
type Reader<C extends IssueCode> = (name: keyof IssueParams[C] & string) => string;
/** The words for one code. */
type Renderer<C extends IssueCode> = (s: Reader<C>, p: IssueParams[C]) => string;

function render<C extends IssueCode>(code: C, params: IssueParams[C]): string {
  const values = params as Readonly<Record<string, ParamValue | undefined>>;
  // Issues can cross a process boundary as JSON (the CLI's output): a code this build has no words for is still shown.
  if (!Object.hasOwn(RENDER, code)) {
    return `${code}${Object.keys(values).length ? ` ${JSON.stringify(values)}` : ''}`;
  }
  const read = (name: string): string => (Object.hasOwn(values, name) ? String(values[name] ?? '') : '');
  return (RENDER[code] as Renderer<C>)(read, params);
}

/**
 * The words for an issue, shared by the editor's diagnostics and the CLI. Core code never builds messages;
 * it returns codes and params, and this is the one place that turns them into sentences.
 */
export function messageFor(issue: Issue): string {
  return render(issue.code, issue.params);
}

/**
 * A file that is not JSON Lines at all, said once, with the fix for the JSON forms (`jq -c` writes each value of its
 * input, or with `.[]` each item of an array, compact on one line: https://jqlang.org/manual/#invoking-jq).
 */
const NOT_JSON_LINES: Readonly<Record<string, string>> = {
  'json-array':
    'Not JSON Lines: this file is one JSON array. A batch file has one request per line: each request a JSON object on a line of its own, without the enclosing `[ ]` and the commas between them (`jq -c ".[]" FILE > FILE.jsonl` does it)',
  'json-document':
    'Not JSON Lines: this file is JSON pretty-printed over several lines. A batch file has one request per line: each request a JSON object on a single line (`jq -c . FILE > FILE.jsonl` does it)',
  text: 'Not JSON Lines: most of its first lines are not JSON (Markdown, CSV or other text?), so it was not validated. A batch file has one request per line, each a JSON object',
};

/** A line's kind as `wrong-kind` names it: a batch kind, or a shape the product knows but does not run. */
const LINE_KIND_NAMES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(BATCH_KINDS.map((kind) => [kind, kindWithArticle(kind)])),
  anthropic: 'an Anthropic Message Batches',
};

const TYPE_PHRASES: Readonly<Record<string, string>> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

function typePhrase(type: string, definition?: string): string {
  if (type === 'object' && definition) {
    return `${/^[AEIOU]/.test(definition) ? 'an' : 'a'} ${definition} object`;
  }
  return type
    .split(' or ')
    .map((t) => TYPE_PHRASES[t] ?? t)
    .join(' or ');
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) {
    return `${(bytes / 1024 ** 3).toFixed(bytes % 1024 ** 3 === 0 ? 0 : 1)} GB`;
  }
  if (bytes >= 1024 ** 2) {
    return `${(bytes / 1024 ** 2).toFixed(bytes % 1024 ** 2 === 0 ? 0 : 1)} MB`;
  }
  if (bytes >= 1024) {
    return `${(bytes / 1024).toFixed(1)} KB`;
  }
  return `${bytes} bytes`;
}

/** A field's label: its name, or its whole path when the name is an array index. */
const label = (s: (name: 'field' | 'path') => string): string =>
  /^\d*$/.test(s('field')) ? s('path') || 'the line' : s('field');
const like = (s: (name: 'example') => string): string => (s('example') ? ` like ${s('example')}` : '');

/** What the parser expected, keyed by jsonc-parser's ParseErrorCode name. */
const EXPECTED: Readonly<Record<string, string>> = {
  PropertyNameExpected: 'a property name in double quotes',
  ValueExpected: 'a value',
  ColonExpected: '`:`',
  CommaExpected: '`,`',
  CloseBraceExpected: '`}`',
  CloseBracketExpected: '`]`',
  CommaOrCloseBraceExpected: '`,` or `}`',
  CommaOrCloseBracketExpected: '`,` or `]`',
  PropertyNameOrCloseBraceExpected: 'a property name in double quotes or `}`',
  ValueOrCloseBracketExpected: 'a value or `]`',
  EndOfFileExpected: 'the end of the line (one JSON object per line)',
  InvalidNumberFormat: 'a number',
  UnexpectedEndOfString: 'a closing `"`',
  UnexpectedEndOfNumber: 'a digit',
  InvalidUnicode: 'a \\uXXXX escape',
  InvalidEscapeCharacter: 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  InvalidCharacter: 'no control characters inside a string (escape them, e.g. \\n)',
  InvalidSymbol: 'a JSON value',
  InvalidCommentToken: 'no comments (JSON has none)',
  UnexpectedEndOfComment: 'no comments (JSON has none)',
};

const COMPARISONS: Readonly<Record<string, string>> = {
  '<=': 'at most',
  '>=': 'at least',
  '<': 'less than',
  '>': 'more than',
};
const plural = (n: string, word: string): string => `${n} ${word}${n === '1' ? '' : 's'}`;

/** Words for the schema keywords that bound a value (ajv's own message when the keyword is not one of these). */
function boundPhrase(s: Reader<'invalid-value'>): string {
  switch (s('keyword')) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${COMPARISONS[s('comparison')] ?? s('comparison')} ${s('limit')}`;
    case 'minItems':
      return `must have at least ${plural(s('limit'), 'item')}`;
    case 'maxItems':
      return `must have at most ${plural(s('limit'), 'item')}`;
    case 'minLength':
      return `must be at least ${plural(s('limit'), 'character')} long`;
    case 'maxLength':
      return `must be at most ${plural(s('limit'), 'character')} long`;
    case 'minProperties':
      return `must have at least ${plural(s('limit'), 'field')}`;
    case 'maxProperties':
      return `must have at most ${plural(s('limit'), 'field')}`;
    case 'pattern':
      return `must match the pattern ${s('pattern')}`;
    case 'format':
      return `must be a valid ${s('format')}`;
    case 'uniqueItems':
      return 'must not repeat items';
    default:
      return s('detail') || 'is not allowed here';
  }
}

const UNKNOWN_FIELD_HINTS: ReadonlyMap<string, Renderer<'unknown-field'>> = new Map(
  Object.entries({
    'sdk-config': (s) => `\`${s('field')}\` is the SDK's name; in a batch line use \`${s('suggestion')}\``,
    'openai-name': (s) => `\`${s('field')}\` is OpenAI's name; Gemini uses \`${s('suggestion')}\``,
    'gemini-name': (s) => `\`${s('field')}\` is Gemini's name; OpenAI bodies use \`${s('suggestion')}\``,
    'gemini-config': (s) =>
      `\`${s('field')}\` is Gemini's; in an OpenAI body its settings are top-level fields (\`temperature\`, \`max_completion_tokens\`, …)`,
    'anthropic-name': (s) => `\`${s('field')}\` is Anthropic's name; here use \`${s('suggestion')}\``,
  } satisfies Record<string, Renderer<'unknown-field'>>),
);

const ROLE_HINTS: ReadonlyMap<string, Renderer<'invalid-value'>> = new Map(
  Object.entries({
    'openai-role': (s) =>
      `role \`${s('value')}\` is OpenAI's; Gemini contents use \`user\` or \`model\` (put instructions in \`systemInstruction\`)`,
    'gemini-role': (s) =>
      `role \`${s('value')}\` is Gemini's; OpenAI messages use \`system\`, \`developer\`, \`user\`, \`assistant\` or \`tool\``,
  } satisfies Record<string, Renderer<'invalid-value'>>),
);

/** Keyed by every code: a code without words, or words reading a parameter its code lacks, does not compile. */
const RENDER: { readonly [C in IssueCode]: Renderer<C> } = {
  'json-syntax': (s) => {
    const expected = EXPECTED[s('reason')] ?? 'valid JSON';
    if (s('hint') === 'trailing-comma') {
      return 'Invalid JSON: trailing comma (JSON allows none before `}` or `]`)';
    }
    if (s('hint') === 'pretty-printed') {
      return 'Invalid JSON: this looks like pretty-printed JSON; in JSONL each request is one JSON object on one line';
    }
    if (s('hint') === 'single-quotes') {
      return 'Invalid JSON: names and strings need double quotes, not single quotes';
    }
    if (s('hint') === 'cr-line-breaks') {
      return 'Invalid JSON: this line holds carriage returns (CR) with no line feed; the file seems to use old Mac (CR-only) line breaks, and JSONL needs LF or CRLF: convert its line endings';
    }
    if (s('found') === 'end of line') {
      return `Invalid JSON: the line ends before the JSON does (expected ${expected}); each request must be on one line`;
    }
    return `Invalid JSON: expected ${expected}, found \`${s('found')}\``;
  },
  'not-an-object': (s) => `Each line must be one JSON object \`{…}\`, not ${TYPE_PHRASES[s('actual')] ?? s('actual')}`,
  'too-deep': () => 'Nesting too deep to process: this line cannot be a valid request',
  'unknown-field': (s, p) => {
    const hint = UNKNOWN_FIELD_HINTS.get(s('hint'));
    if (hint) {
      return hint(s, p);
    }
    const base = `Unknown field \`${s('field')}\`${s('where') ? ` in ${s('where')}` : ''}`;
    if (!s('suggestion')) {
      return base;
    }
    const where = s('suggestionLabel') || s('suggestion');
    return s('scope') === 'line' ? `${base}: it belongs at \`${where}\`` : `${base}: did you mean \`${where}\`?`;
  },
  'type-mismatch': (s) => {
    if (s('keyword') === 'pattern') {
      const written = s('expected') === 'integer' ? 'digits only, like "100"' : 'a number, like "0.5"';
      return `\`${label(s)}\` must be ${typePhrase(s('expected'))}, not "${s('value')}" (written as a string it must be ${written})`;
    }
    return `\`${label(s)}\` must be ${typePhrase(s('expected'), s('definition'))}${like(s)}, not ${TYPE_PHRASES[s('actual')] ?? s('actual')}`;
  },
  'missing-field': (s) =>
    `Missing required field \`${s('field')}\`${s('where') ? ` in ${s('where')}` : ''}${s('example') ? ` (e.g. "${s('field')}": ${s('example')})` : ''}`,
  'invalid-value': (s, p) => {
    const hint = ROLE_HINTS.get(s('hint'));
    if (hint) {
      return hint(s, p);
    }
    if (s('keyword') === 'role') {
      return `role \`${s('value')}\` is not a Gemini role; use \`user\` or \`model\``;
    }
    if (s('keyword') === 'enum' && s('hint') === 'legacy-role') {
      return `role \`${s('value')}\` is an older name the service still runs; today's API uses \`user\` for function responses`;
    }
    if (s('keyword') === 'enum' && s('hint') === 'model-dependent') {
      return `\`${label(s)}\` is \`${s('value')}\`, not one the API spec lists (${s('allowed')}); it is accepted only if the model supports it`;
    }
    if (s('keyword') === 'enum' && s('suggestion')) {
      return `\`${label(s)}\` is \`${s('value')}\`; did you mean \`${s('suggestion')}\`?`;
    }
    if (s('keyword') === 'enum') {
      return `\`${label(s)}\` is \`${s('value')}\`; expected one of: ${s('allowed')}`;
    }
    if (s('keyword') === 'const') {
      return `\`${label(s)}\` must be \`${s('allowed')}\`, not \`${s('value')}\``;
    }
    if (s('keyword') === 'anyOf' || s('keyword') === 'oneOf') {
      return `\`${label(s)}\` matches none of the forms allowed here${s('example') ? `, e.g. ${s('example')}` : ''}`;
    }
    const value = s('value') && s('value').length <= 40 ? ` (it is ${s('value')})` : '';
    return `\`${label(s)}\` ${boundPhrase(s)}${value}`;
  },
  'wrong-kind': (s) => {
    if (s('lineKind') === 'anthropic' && s('fileKind') === 'openai') {
      return "This line is in Anthropic's Message Batches format (`custom_id` + `params`); OpenAI batch lines use `method`, `url` and `body`";
    }
    // An unlisted file kind reads as Gemini generateContent, the default kind.
    const fileKind = s('fileKind');
    const holds = kindName(isBatchKind(fileKind) ? fileKind : 'gemini-generate');
    return `This line looks like ${LINE_KIND_NAMES[s('lineKind')] ?? s('lineKind')} line but the file holds ${holds} lines`;
  },
  'duplicate-key': (s) =>
    `Duplicate \`${s('field')}\` "${s('value')}": line ${s('firstLine')} already uses it, so results cannot be matched to requests`,
  'missing-key': () =>
    'No `key`: this result can only be matched by position, and the service does not promise to keep the order',
  'bare-request': () =>
    'A bare request with no `key`: its result can only be matched by position, and the service does not promise to keep the order; write `{"key":"…","request":{…}}`',
  'mixed-url': (s) =>
    `\`url\` is ${s('value')} but line ${s('firstLine')} uses ${s('expected')}: one batch file targets one endpoint`,
  'mixed-model': (s) =>
    `\`body.model\` is ${s('value')} but line ${s('firstLine')} uses ${s('expected')}: one batch file targets one model`,
  'too-many-lines': (s) => `Too many requests: at most ${Number(s('limit')).toLocaleString('en-US')} per batch file`,
  'file-too-large': (s) =>
    `The file is ${formatBytes(Number(s('bytes')))}; the limit is ${formatBytes(Number(s('limit')))}`,
  'line-too-large': (s) =>
    `This request is ${formatBytes(Number(s('bytes')))}, over the ${formatBytes(Number(s('limit')))} per-request limit`,
  'line-too-long': (s) => `Line too long to validate (${formatBytes(Number(s('bytes')))}); it was skipped`,
  'invalid-utf8': (s) => `Invalid UTF-8 (byte ${s('byte')}): batch files must be UTF-8 text`,
  'binary-file': (s) =>
    s('encoding') === 'utf16'
      ? 'This file is UTF-16 text; batch files must be UTF-8 (save it as UTF-8)'
      : 'Not a text file (it contains NUL bytes); validation stopped here',
  'empty-file': () => 'The file holds no request',
  'enum-case': (s) =>
    `\`${label(s)}\` is \`${s('value')}\`; the API's value is \`${s('canonical')}\` (the service accepts another letter case, but does not promise to)`,
  'single-value': (s) =>
    `\`${label(s)}\` is a list: write ${s('actual') === 'object' ? 'the object' : 'the value'} inside \`[…]\` (the service reads a single value as a list of one, but does not promise to)`,
  'ignored-field': (s) =>
    `\`${s('field')}\` beside \`request\` is ignored by the Batch API, so the request runs without it; did you mean \`${s('suggestion')}\`?`,
  'echoed-field': (s) => {
    if (s('suggestion') === 'key') {
      return `\`${s('field')}\` is not part of the request (the Batch API copies it into the result line), and the line has no \`key\`; did you mean \`key\`?`;
    }
    if (s('array') === 'true') {
      return `\`${s('field')}\` is not part of the request: the Batch API copies extra fields into the result line, but arrays have been reported to come back empty`;
    }
    return `\`${s('field')}\` is not part of the request: the Batch API ignores it and copies it into the result line (noted on its first line only)`;
  },
  'duplicate-name': (s) =>
    `\`${s('name')}\` is given twice in this object; JSON parsers keep only the last one and the Batch API refuses it: remove one`,
  'non-finite-number': (s) =>
    `The number ${s('value')} is too large for a double (it would be Infinity); the Batch API refuses it`,
  'lone-surrogate': (s) =>
    `The escape ${s('escape')} is half of a UTF-16 surrogate pair with no other half: not a character, and the Batch API refuses it`,
  'too-many-values': (s) =>
    `This line holds more than ${Number(s('limit')).toLocaleString('en-US')} JSON values; it was not validated`,
  'not-a-batch-file': (s) =>
    NOT_JSON_LINES[s('form')] ??
    'Not a batch file: none of its first lines looks like a batch request (Gemini `{"key", "request"}` or OpenAI `{"custom_id", "method", "url", "body"}`), so it was not validated; choose a kind to validate it anyway',
  'results-file': () =>
    'Results of a batch job (output or error lines, or a joined file), not requests: it was not validated; choose a kind to validate it as a batch file anyway',
};
