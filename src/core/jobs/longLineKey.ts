import { parseObjectLine, type FileLine } from './lineReader';
import { lineKey } from '../results/requestIds';

/** A key's value as JSON writes it: a string (escapes included) or a number. */
const VALUE = String.raw`("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)`;
/** The key as the object's first member: `{"key": …` at the very start of the line. */
const FIRST = new RegExp(String.raw`^\s*\{\s*"(?:key|custom_id)"\s*:\s*${VALUE}`);
/**
 * The key as the object's last member: `, "key": …}` at the very end. The line's last `}` closes the line's object,
 * so the member right before it is one of that object's own, never one nested in the request.
 */
const LAST = new RegExp(String.raw`[,{]\s*"(?:key|custom_id)"\s*:\s*${VALUE}\s*\}\s*$`);

function valueOf(json: string | undefined): string | undefined {
  if (json === undefined) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key (`key`, or OpenAI `custom_id`) of a line too long to parse (over 64 MB: lineReader.ts keeps its head and
 * tail only), when it is the object's first or last member, as writers put it (`{"key": …, "request": …}`, or a
 * dict whose key was added last). A key anywhere else is not looked for: a nested `"key"` inside the request must
 * never be taken for the line's own. Undefined when neither end shows one.
 */
export function longLineKey(head: Buffer, tail: Buffer | undefined): string | undefined {
  const first = FIRST.exec(head.subarray(0, 4096).toString('utf8'))?.[1];
  return valueOf(first) ?? valueOf(tail && LAST.exec(tail.toString('utf8'))?.[1]);
}

/** An input line as requests are indexed: its parsed object when it parses, and its key. */
export interface InputLine {
  /** Undefined for a line that is not a JSON object, or too long to parse. */
  parsed?: Record<string, unknown>;
  key?: string;
}

/**
 * An input line read once for its key: parsed, or, for a line too long to parse (readLines gave its tail), its key
 * read from its ends: a 600 MB request answered with an error must still find its error.
 */
export function readInputLine(line: FileLine): InputLine {
  if (line.tail) {
    return { key: longLineKey(line.bytes, line.tail) };
  }
  const parsed = parseObjectLine(line.bytes);
  return { parsed, key: lineKey(parsed) };
}

/** An input line's key, as result lines are matched by it (readInputLine). */
export function inputLineKey(line: FileLine): string | undefined {
  return readInputLine(line).key;
}
