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
    while (next < text.length && (text[next] === ' ' || text[next] === '\t')) { next++; }
    if (text[next] === ':') { return [at, at + quoted.length]; }
  }
  return undefined;
}

/** The first of `names` found as a key, else the whole line. */
export function keyRange(text: string, names: readonly string[]): [number, number] {
  for (const name of names) {
    const found = findKey(text, name);
    if (found) { return found; }
  }
  return contentRange(text);
}
