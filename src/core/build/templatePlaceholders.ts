// Where a template's `{{column}}` placeholders are, for the template editor's completion, hover and diagnostics.
// The rules follow compileTemplate (template.ts): a name is anything but braces, blanks around it ignored.

/** A placeholder's place in the template text: offsets of `{{` and just after `}}`, and the column it names. */
export interface PlaceholderSpan {
  column: string;
  start: number;
  end: number;
}

/** An unfinished placeholder before the cursor: where its `{{` starts, and the part of the name typed so far. */
export interface OpenPlaceholder {
  start: number;
  typed: string;
}

/** The longest placeholder compileTemplate reads (it looks 256 characters ahead). */
const MAX_PLACEHOLDER = 256;

/** Every complete placeholder of `text`, in order (a `{{}}` with no name is not one, as in compileTemplate). */
export function placeholderSpans(text: string): PlaceholderSpan[] {
  const spans: PlaceholderSpan[] = [];
  const pattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[1] !== '' && match[0].length <= MAX_PLACEHOLDER) {
      spans.push({ column: match[1], start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

/** The placeholder whose text holds `offset` (its braces included), if any. */
export function placeholderAt(text: string, offset: number): PlaceholderSpan | undefined {
  return placeholderSpans(text).find((s) => offset >= s.start && offset <= s.end);
}

/**
 * The placeholder being typed at `offset` on `line`: the nearest `{{` before the cursor with no brace between it and
 * the cursor. Completion replaces from its `{{` to the cursor (and a `}}` right after, so picking a name in
 * `{{|}}` does not leave braces twice).
 */
export function openPlaceholder(line: string, offset: number): OpenPlaceholder | undefined {
  const before = line.slice(0, offset);
  const start = before.lastIndexOf('{{');
  if (start < 0 || offset - start > MAX_PLACEHOLDER) {
    return undefined;
  }
  const typed = before.slice(start + 2);
  if (/[{}]/.test(typed)) {
    return undefined;
  }
  return { start, typed: typed.trimStart() };
}

/** How many characters after the cursor complete the placeholder being typed: a `}}` there (blanks allowed) is replaced too. */
export function closingAfter(line: string, offset: number): number {
  const match = /^[^{}]*?\}\}/.exec(line.slice(offset, offset + MAX_PLACEHOLDER));
  return match ? match[0].length : 0;
}
