/** The byte-order mark as it appears in a decoded string. */
const BOM = '\uFEFF';

/**
 * Splits editor or file text into lines: LF or CRLF breaks, a leading BOM dropped (it is not content).
 * A final line break does not start another line: `"a\n"` is one line.
 */
export function splitLines(text: string): string[] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const lines = body.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  if (lines.length === 1 && lines[0] === '') {
    return [];
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) {
      lines[i] = line.slice(0, -1);
    }
  }
  return lines;
}

/** Drops one trailing CR (the CR of a CRLF break). */
export function stripCr(line: string): string {
  return line.length > 0 && line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}
