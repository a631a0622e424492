import { stringEnd } from './rawScan';

/**
 * Limits on the structure of one line, checked before `JSON.parse` so that a hostile line within the size cap cannot
 * take gigabytes: V8's JSON.parse keeps about 65 bytes per open bracket (a 20 MB line of `[` peaked at 1.4 GB before
 * failing) and about 70 bytes per value it builds (a 20 MB line of `[],` took 540 MB). Only lines longer than
 * {@link GUARDED_CHARS} are scanned: a shorter one cannot pass either limit, so ordinary lines pay nothing.
 */

/** Deepest nesting read. A line shorter than this cannot be deeper; the service's own parser stops at 100 levels. */
export const MAX_DEPTH = 64 * 1024;
/**
 * Most JSON values (upper bound: separators and openers) read in one line, about 140 MB once parsed; a request with
 * more is not plausible.
 */
export const MAX_VALUES = 2_000_000;
/** Lines up to this length are not scanned (they cannot exceed MAX_DEPTH, and hold at most a few MB of values). */
export const GUARDED_CHARS = MAX_DEPTH;

export type GuardVerdict = { kind: 'too-deep'; at: number } | { kind: 'too-many-values'; at: number } | undefined;

const QUOTE = 34;

/**
 * Whether a long line passes the limits: one pass that jumps over strings with `indexOf` and counts brackets and
 * separators outside them. Undefined when the line may be parsed.
 */
export function guardLine(text: string): GuardVerdict {
  if (text.length <= GUARDED_CHARS) {
    return undefined;
  }
  let depth = 0;
  let values = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) {
        return undefined;
      } // An unterminated string: JSON.parse fails on it at once.
      i = end;
    } else if (c === 91 || c === 123) {
      if (++values > MAX_VALUES) {
        return { kind: 'too-many-values', at: i };
      }
      if (++depth > MAX_DEPTH) {
        return { kind: 'too-deep', at: i };
      }
    } else if (c === 93 || c === 125) {
      depth--;
    } else if (c === 44) {
      if (++values > MAX_VALUES) {
        return { kind: 'too-many-values', at: i };
      }
    }
  }
  return undefined;
}
