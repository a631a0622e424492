/**
 * Proto3 JSON, which the Gemini API parses request lines with, accepts a 64- or 32-bit integer field written as a
 * string of digits (`"maxOutputTokens": "100"`; int64 values such as `tokenCount` are even written that way by the
 * service) and a float field written as a numeric string (`"temperature": "0.5"`, `"NaN"`, `"Infinity"`). The
 * generated Gemini schemas type such fields `["integer", "string"]` / `["number", "string"]` with one of these
 * patterns, which JSON Schema applies to strings only. The validator recognises the patterns to word its messages.
 */
export const INTEGER_STRING_PATTERN = '^-?[0-9]+$';

export const NUMBER_STRING_PATTERN = '^(?:-?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|NaN|-?Infinity)$';

/** 'integer' or 'number' when `pattern` is one of the numeric-string patterns above. */
export function numericStringKind(pattern: unknown): 'integer' | 'number' | undefined {
  if (pattern === INTEGER_STRING_PATTERN) {
    return 'integer';
  }
  if (pattern === NUMBER_STRING_PATTERN) {
    return 'number';
  }
  return undefined;
}
