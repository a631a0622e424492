import { isDocumentFragment } from './jsonSyntax';

/**
 * What a file given as a batch file is when it is not JSON Lines at all: one JSON array (`[ {…}, {…} ]`), JSON
 * pretty-printed over several lines (`{` / `"key": …` / `}`), or text that is not JSON (Markdown, CSV, prose).
 */
export type NotJsonLines = 'json-array' | 'json-document' | 'text';

/** Lines past this length are not parsed here (a line of a JSON Lines file is judged by how it starts). */
const MAX_PARSED_CHARS = 64 * 1024;

/** Whether the line alone is one complete JSON value. */
function parses(text: string): boolean {
  if (text.length > MAX_PARSED_CHARS) {
    return false;
  }
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** How a JSON Lines line may start: an object (a request, even a broken one) or an array. */
const OPENS_VALUE = /^[{[]/;
/** A line that is a JSON scalar (`"text"`, `12`, `true`): JSON Lines too, if an odd batch file. */
const SCALAR_START = /^["\-\d]|^(?:true|false|null)\b/;

/**
 * Whether the window's lines are JSON Lines, and if not, what the file is instead. `lines` are the file's first
 * non-blank lines (the kind vote's window, DETECTION_LINES), in order: of a line too long to read, its first bytes
 * (which never parse, as a cut line would not); `undefined` stands for a line with invalid UTF-8, which tells
 * nothing. Undefined when the lines are JSON Lines, broken ones included: a batch file whose lines are cut short or
 * misspelled starts each line with `{` and is validated line by line as before. Only the first lines are read, so a
 * file of any size is judged in constant memory.
 *
 * - a JSON array: the first line opens an array that it does not close, or is the file's only line;
 * - pretty-printed JSON: the first line opens an object it does not close, and more lines are pieces of a document
 *   (the same test as the line's `pretty-printed` syntax hint), `"name": value` lines among them, than lines that
 *   start an object;
 * - text: fewer than half the lines are JSON or pieces of it.
 */
export function notJsonLinesForm(lines: readonly (string | undefined)[]): NotJsonLines | undefined {
  const texts = lines.filter((l): l is string => l !== undefined).map((l) => l.replace(/^\uFEFF/, '').trim());
  if (texts.length === 0) {
    return undefined;
  }
  const first = texts[0];
  if (first.startsWith('[') && (texts.length === 1 || !parses(first))) {
    return 'json-array';
  }
  let fragments = 0;
  let objects = 0;
  let json = 0;
  for (const text of texts) {
    if (isDocumentFragment(text)) {
      fragments++;
    } else if (OPENS_VALUE.test(text)) {
      objects++;
    } else if (SCALAR_START.test(text) && parses(text)) {
      json++;
    }
  }
  // A `"name": value` line (the one piece that starts with a quote) must be among them: stray `{` lines in a batch
  // file being typed are broken lines of it, not a document.
  if (first.startsWith('{') && fragments > objects && texts.some((t) => t.startsWith('"')) && !parses(first)) {
    return 'json-document';
  }
  return (fragments + objects + json) * 2 < texts.length ? 'text' : undefined;
}
