import type { TextCounter } from '../tokens/textCounter';
import { type RequestCount, isRecord } from './requestCount';

/**
 * The count of a request nested too deep for the renderings, which recurse through schemas and values: a hostile
 * line (a tool schema of 20,000 nested objects) overflowed the stack and ended the whole estimate of its file. Such
 * a request is counted by its pieces instead, walked with a stack of its own: every key, string, number and boolean,
 * with no structure. That is short of what the service bills for the structure, so the whole count is reported as
 * approximate. Only a `RangeError` (the stack overflow) leads here; anything else is a bug and is thrown on.
 */
export function countGuarded<T extends RequestCount>(
  count: () => T,
  request: unknown,
  counter: TextCounter,
): T | RequestCount {
  try {
    return count();
  } catch (error) {
    if (!(error instanceof RangeError)) {
      throw error;
    }
    const tokens = leafTokens(request, counter);
    return { tokens, unknownMedia: 0, approximateTokens: tokens };
  }
}

/** The tokens of every key and scalar of `value`, iteratively. */
export function leafTokens(value: unknown, counter: TextCounter): number {
  let tokens = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      tokens += counter.count(item);
    } else if (typeof item === 'number' || typeof item === 'boolean') {
      tokens += counter.count(String(item));
    } else if (Array.isArray(item)) {
      stack.push(...item);
    } else if (isRecord(item)) {
      for (const [key, field] of Object.entries(item)) {
        tokens += counter.count(key);
        stack.push(field);
      }
    }
  }
  return tokens;
}
