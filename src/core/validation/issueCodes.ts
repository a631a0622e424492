import type { NotJsonLines } from './jsonLinesForm';
/**
 * Stable issue codes. Presenters, tests and the emulator match on these, never on message text;
 * `messages.ts` holds the words. Renaming a code is a breaking change.
 */
export const IssueCode = {
  /**
   * The line is not valid JSON. params: reason (jsonc-parser ParseErrorCode name), found, hint? (trailing-comma,
   * single-quotes, pretty-printed, cr-line-breaks: the line holds bare CR characters, i.e. the file uses CR-only line
   * breaks and was read as one line)
   */
  JsonSyntax: 'json-syntax',
  /** Valid JSON but not an object. params: actual */
  NotAnObject: 'not-an-object',
  /** Nesting too deep to process. */
  TooDeep: 'too-deep',
  /**
   * A property the schema does not know. params: field, where, suggestion? (dotted names, relative to the object or,
   * with scope 'line', to the line), suggestionLabel? (as shown, when it crosses an array: `parts[0].text`), scope?, hint?
   */
  UnknownField: 'unknown-field',
  /** A value of the wrong JSON type. params: field, expected, actual, example? */
  TypeMismatch: 'type-mismatch',
  /** A required property is absent. params: field, where, example? */
  MissingField: 'missing-field',
  /**
   * A value outside what the schema allows (enum, const, range, pattern). params: field, value?, allowed?, hint?,
   * suggestion? (the allowed value meant, when the value names one: an OpenAI `url` without its `/v1` prefix)
   */
  InvalidValue: 'invalid-value',
  /** The line is of another kind than the file. params: lineKind, fileKind */
  WrongKind: 'wrong-kind',
  /** A key / custom_id already used by an earlier line. params: field, value, firstLine (1-based) */
  DuplicateKey: 'duplicate-key',
  /** A Gemini line without `key`: results can only be matched by order. */
  MissingKey: 'missing-key',
  /**
   * A generateContent line that is a bare GenerateContentRequest (no `key`, no `request`): the service accepts it,
   * but results can only be matched by position.
   */
  BareRequest: 'bare-request',
  /** An OpenAI line whose url differs from the file's first. params: value, expected */
  MixedUrl: 'mixed-url',
  /** An OpenAI line whose body.model differs from the file's first. params: value, expected */
  MixedModel: 'mixed-model',
  /** More lines than the provider accepts. params: limit */
  TooManyLines: 'too-many-lines',
  /** The file is larger than the provider accepts. params: bytes, limit */
  FileTooLarge: 'file-too-large',
  /** One line is larger than the provider's per-request cap. params: bytes, limit */
  LineTooLarge: 'line-too-large',
  /** One line is too long for this tool to read; it was skipped. params: bytes */
  LineTooLong: 'line-too-long',
  /** Bytes that are not UTF-8. params: byte (hex) */
  InvalidUtf8: 'invalid-utf8',
  /** NUL bytes: not UTF-8 text. Validation stopped. params: encoding? ('utf16' when a UTF-16 BOM starts the file) */
  BinaryFile: 'binary-file',
  /**
   * With kind detection, no line among the file's first ones looks like a batch request (an HTTP log, other JSON
   * Lines data): the file was not validated. One per file, on its first line.
   */
  NotABatchFile: 'not-a-batch-file',
  /**
   * With kind detection, the file's first lines are results of a batch job (output or error lines, a joined file),
   * not requests: the file was not validated. One per file, on its first line; severity info.
   */
  ResultsFile: 'results-file',
  /** No request in the file. */
  EmptyFile: 'empty-file',
  /**
   * A Gemini enum value written in another letter case (`"thinkingLevel": "High"`): the service runs it, but the API
   * names the values in one case. Warning. params: field, path (dotted), value (as written), canonical
   */
  EnumCase: 'enum-case',
  /**
   * A single value where a Gemini field is repeated (`"contents": {…}`, `"parts": {"text": …}`): the service reads it as
   * a list of one, but the API declares a list. Warning; what is inside the value is still checked. params: field,
   * path (dotted), actual (JSON type of the value)
   */
  SingleValue: 'single-value',
  /**
   * A request field written beside `key`/`request` (`generation_config`, `contents`, …): the Batch API ignores it, so
   * the request runs without it. Warning. params: field, suggestion (dotted, from the line: `request.generationConfig`)
   */
  IgnoredField: 'ignored-field',
  /**
   * Another field beside `key`/`request` (`id`, `product_id`, …): not part of the request; the service copies it into
   * the result line. Information; a warning when it is an array (reported to come back empty) or when it looks like a
   * misspelled `key` on a line without one. params: field, array, suggestion? ('key')
   */
  EchoedField: 'echoed-field',
  /**
   * A property name given twice in one object (JSON.parse keeps the last; the service's proto-JSON parser refuses it
   * or merges the two). On the second name; `related` points at the first. params: name
   */
  DuplicateName: 'duplicate-name',
  /** A number too large for a double (`1e400`): JSON.parse makes it Infinity; the service refuses it. params: value */
  NonFiniteNumber: 'non-finite-number',
  /** A `\uD800`–`\uDFFF` escape that is not half of a surrogate pair: no character; the service refuses it. params: escape */
  LoneSurrogate: 'lone-surrogate',
  /** A line holding more JSON values than this tool reads (it was not validated). params: limit */
  TooManyValues: 'too-many-values',
} as const;

export type IssueCode = (typeof IssueCode)[keyof typeof IssueCode];

/** A value an issue's message is built from. */
export type ParamValue = string | number | boolean;

/** Where a schema issue sits, in the words of the line (`request.contents[0]`), shared by the schema codes. */
export interface FieldPlace {
  field: string;
  /** The object holding the field, dotted (`request.generationConfig`); '' for the line itself. */
  where?: string;
  /** The value's own place, dotted. */
  path?: string;
  /** An example of a valid value (JSON text). */
  example?: string;
  /** The name of the value's schema definition (`Content`). */
  definition?: string;
}

/**
 * The parameters of each code: what `messages.ts` builds its words from. The message table is keyed by this map, so
 * the compiler proves that every code has words and that a message reads only the parameters its code has.
 */
export interface IssueParams {
  'json-syntax': {
    reason: string;
    found?: string;
    hint?: 'trailing-comma' | 'single-quotes' | 'pretty-printed' | 'cr-line-breaks';
  };
  'not-an-object': { actual: string };
  'too-deep': Record<string, never>;
  'unknown-field': FieldPlace & { suggestion?: string; suggestionLabel?: string; scope?: string; hint?: string };
  'type-mismatch': FieldPlace & { expected: string; actual: string; keyword?: string; value?: string };
  'missing-field': FieldPlace;
  /**
   * A bound of the schema: `keyword` names it (enum, const, minimum, pattern, anyOf…), and ajv's own parameters for it
   * (limit, comparison, pattern, format…) come along as they are.
   */
  'invalid-value': FieldPlace & {
    keyword: string;
    value?: string;
    allowed?: string;
    hint?: string;
    detail?: string;
    suggestion?: string;
    [bound: string]: ParamValue | undefined;
  };
  'wrong-kind': { lineKind: string; fileKind: string };
  'duplicate-key': { field: string; value: string; firstLine: number };
  'missing-key': Record<string, never>;
  'bare-request': Record<string, never>;
  'mixed-url': { value: string; expected: string; firstLine: number };
  'mixed-model': { value: string; expected: string; firstLine: number };
  'too-many-lines': { limit: number };
  'file-too-large': { bytes: number; limit: number };
  'line-too-large': { bytes: number; limit: number };
  'line-too-long': { bytes: number };
  'invalid-utf8': { byte: string };
  'binary-file': { encoding?: 'utf16' };
  'not-a-batch-file': { form?: NotJsonLines };
  'results-file': Record<string, never>;
  'empty-file': Record<string, never>;
  'enum-case': { field: string; path: string; value: string; canonical: string };
  'single-value': { field: string; path: string; actual: string };
  'ignored-field': { field: string; suggestion: string };
  'echoed-field': { field: string; array: boolean; suggestion?: 'key' };
  'duplicate-name': { name: string };
  'non-finite-number': { value: string };
  'lone-surrogate': { escape: string };
  'too-many-values': { limit: number };
}

/** Both ways: every code has parameters, and every parameter entry is a code (checked by the compiler). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const EVERY_CODE_HAS_PARAMS: Same<keyof IssueParams, IssueCode> = true;
