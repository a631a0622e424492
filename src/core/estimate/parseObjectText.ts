/**
 * A line's text as a JSON object, as parseObjectLine (lineReader.ts) takes it: anything else (blank, broken, an array)
 * is undefined. A line that is one object, `{` to `}`, skips the trim (a no-op then) and the type checks.
 */
export function parseObjectText(text: string): Record<string, unknown> | undefined {
  if (text.charCodeAt(0) === 0x7b && text.charCodeAt(text.length - 1) === 0x7d) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  const trimmed = text.trim();
  if (!trimmed) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
