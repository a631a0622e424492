/** The line without its leading and trailing white space, as [start, end) columns. */
export function contentRange(text: string): [number, number] {
  return [text.length - text.trimStart().length, text.trimEnd().length];
}

/**
 * The range of the first property key `"name"` in a line (a quoted name followed by `:`, so a string value that
 * happens to read "model" is skipped). A text search, cheap enough for every line; undefined when absent.
 */
export function findKey(text: string, name: string): [number, number] | undefined {
  const quoted = `"${name}"`;
  for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
    let next = at + quoted.length;
    while (next < text.length && (text[next] === ' ' || text[next] === '\t')) {
      next++;
    }
    if (text[next] === ':') {
      return [at, at + quoted.length];
    }
  }
  return undefined;
}

/** The first of `names` found as a key, else the whole line. */
export function keyRange(text: string, names: readonly string[]): [number, number] {
  for (const name of names) {
    const found = findKey(text, name);
    if (found) {
      return found;
    }
  }
  return contentRange(text);
}

/**
 * The range of the value of the first property `"name"` in a line: a string with its quotes, or a number, literal,
 * object or array up to where it ends (a bracket count that skips strings). Undefined when the property is absent.
 */
export function valueRange(text: string, name: string): [number, number] | undefined {
  const key = findKey(text, name);
  if (key === undefined) {
    return undefined;
  }
  let at = text.indexOf(':', key[1]) + 1;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) {
    at++;
  }
  const end = valueEnd(text, at);
  return end > at ? [at, end] : undefined;
}

/** Where the JSON value starting at `from` ends (exclusive). */
function valueEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') {
        i++;
      } else if (c === '"') {
        inString = false;
        if (depth === 0) {
          return i + 1;
        }
      }
      continue;
    }
    if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      if (depth === 0) {
        return i;
      }
      if (--depth === 0) {
        return i + 1;
      }
    } else if (depth === 0 && (c === ',' || c === ' ' || c === '\t')) {
      return i;
    }
  }
  return text.length;
}

/** The value of `name` if the line has it, else its key, else the whole line: where to point at a line's field. */
export function fieldValueRange(text: string, name: string): [number, number] {
  return valueRange(text, name) ?? keyRange(text, [name]);
}
