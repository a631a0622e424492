/**
 * What `JSON.parse` hides about a line that parsed: a property name given twice in one object (the last one wins),
 * a number too large for a double (it becomes Infinity), and a `\uD800`-style escape that is half of a surrogate
 * pair (no Unicode character; not valid UTF-8 once encoded). One pass over the line's structure that jumps over the
 * contents of strings with `indexOf`, so its cost follows the number of strings and numbers rather than the length
 * of the text; it only says where to look, and {@link rawFindings} confirms.
 */

/** A finding of the raw scan: what, and the [start, end) columns of the offending token. */
export interface RawFinding {
  kind: 'duplicate-name' | 'non-finite-number' | 'lone-surrogate';
  start: number;
  end: number;
  /** The property name (duplicate-name), the number as written (non-finite-number), or the escape (lone-surrogate). */
  text: string;
  /** duplicate-name: the columns of the first occurrence of the name in the same object. */
  first?: [number, number];
}

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

/** Where the string whose opening quote is at `open` ends (the index of its closing quote), or -1. */
export function stringEnd(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at > 0 && text.charCodeAt(at - 1) === BACKSLASH) {
    let slashes = 1;
    while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) {
      slashes++;
    }
    if (slashes % 2 === 0) {
      break;
    }
    at = text.indexOf('"', at + 1);
  }
  return at;
}

/** A cheap fingerprint of a property name's text (equal names always have equal fingerprints). */
function fingerprint(raw: string, rawStart: number, rawEnd: number): number {
  // An escape in the name (`"a\u0062"` is `"ab"`): fingerprint the name it stands for.
  let decoded = false;
  for (let k = rawStart; k < rawEnd && !decoded; k++) {
    decoded = raw.charCodeAt(k) === BACKSLASH;
  }
  const text = decoded ? (JSON.parse(raw.slice(rawStart - 1, rawEnd + 1)) as string) : raw;
  const start = decoded ? 0 : rawStart;
  const end = decoded ? text.length : rawEnd;
  const length = end - start;
  return length === 0
    ? 0
    : (length * 65_599 +
        text.charCodeAt(start) * 31 +
        text.charCodeAt(end - 1) * 7 +
        text.charCodeAt(start + (length >> 1))) |
        0;
}

/** True when a number literal of `text[start, end)` is beyond what a double holds (JSON.parse gives Infinity). */
function numberOverflows(text: string, start: number, end: number): boolean {
  return !Number.isFinite(Number(text.slice(start, end)));
}

/**
 * The first duplicate name or non-finite number of a line that `JSON.parse` accepted, and its first lone surrogate
 * escape. Cheap on ordinary lines: strings are skipped with `indexOf`, names are compared by fingerprint, and only
 * a fingerprint match or a long number is looked at closely.
 */
export function rawFindings(text: string): RawFinding[] {
  let found: RawFinding[] | undefined;
  // The names of the open objects, innermost last: fingerprints, and [start, end) of each, in flat lists cut back
  // (by `top`) when an object closes; `objectStarts` holds where each open object's names begin.
  const objectStarts: number[] = [];
  const prints: number[] = [];
  const names: number[] = [];
  let top = 0;
  let duplicate = false;
  let overflow = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) {
        break;
      }
      let after = end + 1;
      let next = text.charCodeAt(after);
      while (next <= 32 && after < length) {
        next = text.charCodeAt(++after);
      }
      if (next === COLON && !duplicate) {
        const print = fingerprint(text, i + 1, end);
        for (let k = objectStarts.length > 0 ? objectStarts[objectStarts.length - 1] : 0; k < top; k++) {
          if (prints[k] === print && sameName(text, names[2 * k], names[2 * k + 1], i, end + 1)) {
            duplicate = true;
            (found ??= []).push({
              kind: 'duplicate-name',
              start: i,
              end: end + 1,
              text: JSON.parse(text.slice(i, end + 1)) as string,
              first: [names[2 * k], names[2 * k + 1]],
            });
            break;
          }
        }
        prints[top] = print;
        names[2 * top] = i;
        names[2 * top + 1] = end + 1;
        top++;
      }
      i = end;
    } else if (c === OPEN_BRACE) {
      objectStarts.push(top);
    } else if (c === CLOSE_BRACE) {
      top = objectStarts.pop() ?? 0;
    } else if ((c >= 48 && c <= 57) || c === 45) {
      let end = i + 1;
      let exponent = -1;
      while (end < length) {
        const d = text.charCodeAt(end);
        if (d === 44 || d === CLOSE_BRACE || d === CLOSE_BRACKET || d <= 32) {
          break;
        }
        if (d === 101 || d === 69) {
          exponent = end;
        }
        end++;
      }
      // Past a double's range (about 1.8e308) only with an exponent of three digits or more, or a very long literal.
      if (!overflow && ((exponent >= 0 && end - exponent > 3) || end - i > 300) && numberOverflows(text, i, end)) {
        overflow = true;
        (found ??= []).push({ kind: 'non-finite-number', start: i, end, text: text.slice(i, Math.min(end, i + 40)) });
      }
      i = end - 1;
    }
  }
  const lone = loneSurrogateEscape(text);
  if (lone) {
    (found ??= []).push(lone);
  }
  return found ?? NONE;
}

export const NONE: RawFinding[] = [];
Object.freeze(NONE);

/** Two names as written (quotes included) are the same name once their escapes are decoded. */
function sameName(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart === bEnd - bStart && text.startsWith(text.slice(aStart, aEnd), bStart)) {
    return true;
  }
  const a = text.slice(aStart, aEnd);
  const b = text.slice(bStart, bEnd);
  return (a.includes('\\') || b.includes('\\')) && JSON.parse(a) === JSON.parse(b);
}

const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/g;

/**
 * The first `\uD800`–`\uDFFF` escape that is not half of a pair (a high one followed at once by a low one).
 * Runs its regular expression only on lines that hold a `\u` escape at all.
 */
function loneSurrogateEscape(text: string): RawFinding | undefined {
  if (text.indexOf('\\u') < 0) {
    return undefined;
  }
  SURROGATE_ESCAPE.lastIndex = 0;
  for (let m = SURROGATE_ESCAPE.exec(text); m !== null; m = SURROGATE_ESCAPE.exec(text)) {
    // An escaped backslash before it (`\\uD800`) makes it plain text, not an escape.
    let slashes = 0;
    while (text.charCodeAt(m.index - 1 - slashes) === BACKSLASH) {
      slashes++;
    }
    if (slashes % 2 === 1) {
      continue;
    }
    const high = parseInt(m[0].slice(2), 16) < 0xdc00;
    if (high) {
      const next = text.slice(m.index + 6, m.index + 12);
      if (/^\\u[dD][c-fC-F][0-9a-fA-F]{2}$/.test(next)) {
        SURROGATE_ESCAPE.lastIndex = m.index + 12;
        continue;
      }
    }
    return { kind: 'lone-surrogate', start: m.index, end: m.index + 6, text: m[0] };
  }
  return undefined;
}
