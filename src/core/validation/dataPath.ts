/** Paths into a line's parsed data, as ajv reports them (JSON pointers) and as messages name them (dotted). */

export function pointerSegments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `request.contents[0].role` for ['request','contents','0','role'] (indices of arrays shown in brackets). */
export function displayPath(segments: readonly string[], data: unknown): string {
  let out = '';
  let value = data;
  for (const segment of segments) {
    const dot = out === '' ? '' : '.';
    out += Array.isArray(value) ? `[${segment}]` : `${dot}${segment}`;
    value = ownMember(value, segment);
  }
  return out;
}

/** A member of the line's data by a name from the line: its own members only (`constructor` is not Object's). */
function ownMember(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, name)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

export function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const segment of segments) {
    value = ownMember(value, segment);
  }
  return value;
}

export function jsonType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}
