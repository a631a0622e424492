import { splitLines } from '../jsonl/textLines';
import type { ValidationSummary } from './types';
import { ValidationSession, type ValidationOptions } from './validationSession';

/**
 * Validates a whole text in one pass (JSON syntax, schema, checks across lines, limits). A leading BOM is ignored;
 * LF and CRLF breaks are both fine. The summary's `bytes` is counted when first read (counting UTF-8 bytes costs a
 * tenth of the validation), so until then the summary keeps a reference to `text`.
 */
export function validateText(text: string, options: ValidationOptions = {}): ValidationSummary {
  const lines = splitLines(text);
  const session = new ValidationSession(options, (line) => lines[line]);
  for (let i = 0; i < lines.length; i++) {
    session.addLine(lines[i], i);
  }
  return session.finish({ units: text.length, count: () => Buffer.byteLength(text, 'utf8') }, lines.length);
}
