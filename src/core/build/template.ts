/** A placeholder of a template: the column it names, and whether it stands inside a JSON string. */
export interface Placeholder {
  column: string;
  inString: boolean;
}

/** A compiled template: literal text and placeholders, in order. */
export interface Template {
  segments: ReadonlyArray<string | Placeholder>;
  /** The columns the template names, each once, in order of first use. */
  columns: readonly string[];
}

/** `{{ name }}`: a column name is anything but braces, blanks around it ignored. */
const PLACEHOLDER = /^\{\{\s*([^{}]*?)\s*\}\}/;

/**
 * Compiles a template line: JSON text with `{{column}}` placeholders, either inside a string (`"text": "{{q}}"`) or
 * in place of a value (`"temperature": {{t}}`). Line breaks outside strings are dropped, so a pretty-printed
 * template works too. Whether a placeholder is inside a string is found by reading the template as JSON text (a
 * quote opens or closes a string unless escaped), so each value is escaped for where it lands.
 */
export function compileTemplate(text: string): Template {
  const segments: Array<string | Placeholder> = [];
  const columns: string[] = [];
  let literal = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' && text[i + 1] === '{') {
      const match = PLACEHOLDER.exec(text.slice(i, i + 256));
      if (match && match[1] !== '') {
        if (literal !== '') {
          segments.push(literal);
          literal = '';
        }
        segments.push({ column: match[1], inString });
        if (!columns.includes(match[1])) {
          columns.push(match[1]);
        }
        i += match[0].length - 1;
        continue;
      }
    }
    if (inString) {
      if (c === '\\') {
        literal += c + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '"') {
        inString = false;
      }
    } else if (c === '"') {
      inString = true;
    } else if (c === '\n' || c === '\r') {
      continue;
    }
    literal += c;
  }
  if (literal !== '') {
    segments.push(literal);
  }
  return { segments, columns };
}

/** A JSON number, `true`, `false` or `null`, as CSV cells hold them: these go into a value position as they are. */
const JSON_LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;

/** A value's text inside a JSON string: JSON-escaped (quotes, backslashes, control characters, lone surrogates). */
function inStringText(value: unknown): string {
  return JSON.stringify(plainText(value)).slice(1, -1);
}

/** A value as unquoted text: a string as it is, null as nothing, objects and arrays as JSON, the rest by String(). */
function plainText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value === null) {
    return '';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * A value in place of a JSON value. Typed data (JSON, JSONL) keeps its values as they are. A cell of a CSV/TSV is
 * text whatever it holds: one that is a JSON literal (`0.7`, `true`) or a JSON object or array (`{"a":1}`) becomes
 * that value, any other a JSON string. Always one line (a pretty-printed cell is compacted).
 */
function valueText(value: unknown, typed: boolean): string {
  if (typed || typeof value !== 'string') {
    return JSON.stringify(value) ?? 'null';
  }
  const trimmed = value.trim();
  if (JSON_LITERAL.test(trimmed)) {
    return trimmed;
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(JSON.parse(trimmed));
    } catch {
      /* not JSON: a plain string */
    }
  }
  return JSON.stringify(value);
}

/**
 * The template filled with a row's values (`typed` when they come from JSON, see valueText), or the first column the
 * row lacks. Each value is inserted once, as
 * escaped text, and never read again: text in a value that looks like a placeholder stays as it is.
 */
export function renderTemplate(
  template: Template,
  values: Readonly<Record<string, unknown>>,
  typed = false,
): { text: string } | { missing: string } {
  let text = '';
  for (const segment of template.segments) {
    if (typeof segment === 'string') {
      text += segment;
      continue;
    }
    const value = Object.prototype.hasOwnProperty.call(values, segment.column) ? values[segment.column] : undefined;
    if (value === undefined) {
      return { missing: segment.column };
    }
    text += segment.inString ? inStringText(value) : valueText(value, typed);
  }
  return { text };
}
