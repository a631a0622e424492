import { NONE, rawFindings, type RawFinding } from './rawScan';

/*
 * The cheap gate in front of the raw scan (rawScan.ts): a line whose length is exactly that of its parsed value
 * written compactly cannot hide a duplicate name, an overflowing number or an escape, so it needs no scan.
 */

/** {@link compactLength} of a value that needs the full scan anyway (a non-finite number, a number JSON can shorten). */
const SCAN = -1;

/**
 * The length of `value` written as compact JSON with no optional escape, or a lower bound of any text that parses to
 * it, or SCAN. A walk over the parsed values (no look at the characters of strings), so it costs a fraction of the
 * raw scan. Escapes and white space only lengthen a text, and a name given twice adds at least five characters
 * (`,"":0`) that the parsed value does not hold: a line exactly this long has no duplicate name and no number that
 * became Infinity.
 */
export function compactLength(value: unknown): number {
  if (typeof value === 'string') {
    return value.length + 2;
  }
  if (typeof value !== 'object' || value === null) {
    return leafLength(value);
  }
  let length = 1;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // Strings inline: most values are, and a call per leaf is most of the walk's cost.
      const size = typeof item === 'string' ? item.length + 2 : compactLength(item);
      if (size === SCAN) {
        return SCAN;
      }
      length += size;
    }
    count = value.length;
  } else {
    const record = value as Record<string, unknown>;
    for (const name in record) {
      const item = record[name];
      const size = typeof item === 'string' ? item.length + 2 : compactLength(item);
      if (size === SCAN) {
        return SCAN;
      }
      length += name.length + 3 + size;
      count++;
    }
  }
  return length + Math.max(count, 1);
}

function leafLength(value: unknown): number {
  if (typeof value === 'number') {
    return numberLength(value);
  }
  if (typeof value === 'boolean') {
    return value ? 4 : 5;
  }
  return value === null ? 4 : SCAN;
}

/** The length of a number as JSON usually writes it, or SCAN when a text may write it shorter (`1e3`, `1e-3`). */
export function numberLength(value: number): number {
  const sign = value < 0 ? 1 : 0;
  const size = Math.abs(value);
  if (Number.isInteger(size)) {
    // `1000` may be written `1e3`; past 1e21 String() itself uses an exponent.
    if (size >= 1e21 || (size >= 1000 && size % 1000 === 0)) {
      return SCAN;
    }
    return sign + digitCount(size);
  }
  // Below 0.01 a text may write it shorter (`1e-3`); NaN and Infinity fail both tests.
  if (!(size >= 0.01 && size < 1e15)) {
    return SCAN;
  }
  // The fewest decimals that give the number back: what String() writes, without building the string.
  let scale = 10;
  for (let decimals = 1; decimals <= 6; decimals++, scale *= 10) {
    if (Math.round(size * scale) / scale === size) {
      return sign + digitCount(Math.floor(size)) + 1 + decimals;
    }
  }
  return String(value).length;
}

function digitCount(integer: number): number {
  let digits = 1;
  for (let rest = integer; rest >= 10; rest = Math.floor(rest / 10)) {
    digits++;
  }
  return digits;
}

/**
 * The findings of a line JSON.parse read as `value`. The full scan runs only when the line is not exactly as long as
 * its compact form: white space, an escape (a `\uD800` one included: every escape is longer than what it stands
 * for), a number written in an unusual way, or what the scan looks for. Lines written by JSON.stringify or
 * `json.dumps(separators=(',', ':'), ensure_ascii=False)` pay only for the walk over their values.
 */
export function hiddenFindings(text: string, value: unknown): RawFinding[] {
  let compact: number;
  try {
    compact = compactLength(value);
  } catch (error) {
    // Nesting deeper than the stack: the raw scan, a loop, has no such limit.
    if (!(error instanceof RangeError)) {
      throw error;
    }
    compact = SCAN;
  }
  return compact === text.length ? NONE : rawFindings(text);
}
