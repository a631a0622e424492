import { HttpError } from './httpUtil';

type Obj = Record<string, unknown>;

/**
 * Typed reads of request-body fields: a value of the wrong JSON type is the client's mistake (400), never a crash
 * (500) later when the value is used (`String({toString: 'x'})` throws). Gemini words it as its proto-JSON parser
 * does: `Invalid value at 'contents[0].parts[0]' (text), Starting an object on a scalar field` (reference
 * batch-api.md §5 item 12, fishjar/kiss-translator#256).
 */
function typeError(path: string, protoType: string, value: unknown): HttpError {
  return new HttpError(
    400,
    `Invalid JSON payload received. Invalid value at '${path}' (${protoType}), ${foundText(value)}`,
    {},
    { code: 'invalid_type', param: path },
  );
}

/** How the parser words the value it found: a container it cannot start, or a scalar as JSON. */
function foundText(value: unknown): string {
  if (Array.isArray(value)) {
    return 'Starting an array on a scalar field';
  }
  return isObj(value) ? 'Starting an object on a scalar field' : JSON.stringify(value);
}

/** A plain JSON object (not an array, not null). */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first of `names` present on `obj` (proto JSON takes both camelCase and snake_case). */
function pick(obj: Obj, names: readonly string[]): { name: string; value: unknown } | undefined {
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(obj, name) && obj[name] !== undefined && obj[name] !== null) {
      return { name, value: obj[name] };
    }
  }
  return undefined;
}

/** An optional string field; `where` is the dotted path of `obj` for the message. */
export function optString(obj: Obj, names: readonly string[], where: string): string | undefined {
  const f = pick(obj, names);
  if (f === undefined) {
    return undefined;
  }
  if (typeof f.value !== 'string') {
    throw typeError(`${where}${f.name}`, 'TYPE_STRING', f.value);
  }
  return f.value;
}

/** An optional message (object) field. */
export function optObject(obj: Obj, names: readonly string[], where: string): Obj | undefined {
  const f = pick(obj, names);
  if (f === undefined) {
    return undefined;
  }
  if (!isObj(f.value)) {
    throw new HttpError(
      400,
      `Invalid JSON payload received. Invalid value at '${where}${f.name}': expected an object, got ${JSON.stringify(f.value)?.slice(0, 40)}.`,
      {},
      { code: 'invalid_type', param: `${where}${f.name}` },
    );
  }
  return f.value;
}

/** An int64 value's text: a number's, or a string trimmed; undefined for any other type. */
function int64Text(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return String(value);
  }
  return typeof value === 'string' ? value.trim() : undefined;
}

/**
 * An optional int64 field: proto JSON takes a number or a decimal string. Returns its decimal text (`undefined` when
 * absent); `min` bounds it.
 */
export function optInt64(
  obj: Obj,
  names: readonly string[],
  where: string,
  min = Number.MIN_SAFE_INTEGER,
): string | undefined {
  const f = pick(obj, names);
  if (f === undefined) {
    return undefined;
  }
  const text = int64Text(f.value);
  if (text === undefined || !/^-?\d{1,19}$/.test(text)) {
    throw typeError(`${where}${f.name}`, 'TYPE_INT64', f.value);
  }
  if (Number(text) < min) {
    throw new HttpError(
      400,
      `Invalid value at '${where}${f.name}': ${text} is below the minimum ${min}.`,
      {},
      { code: 'invalid_value', param: `${where}${f.name}` },
    );
  }
  return text.replace(/^(-?)0+(?=\d)/, '$1');
}

/**
 * OpenAI `metadata`: up to 16 pairs, keys of at most 64 characters, string values of at most 512
 * (openai-openapi.yaml, `components.schemas.Metadata`). Absent or null is `undefined`.
 */
export function openaiMetadata(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const bad = (why: string): HttpError =>
    new HttpError(400, `Invalid 'metadata': ${why}`, {}, { code: 'invalid_value', param: 'metadata' });
  if (!isObj(value)) {
    throw bad('expected an object of string values.');
  }
  const entries = Object.entries(value);
  if (entries.length > 16) {
    throw bad(`at most 16 key-value pairs, got ${entries.length}.`);
  }
  for (const [k, v] of entries) {
    if (k.length > 64) {
      throw bad(`key ${JSON.stringify(k.slice(0, 70))}… is longer than 64 characters.`);
    }
    if (typeof v !== 'string' || v.length > 512) {
      throw bad(`the value of ${JSON.stringify(k)} must be a string of at most 512 characters.`);
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}
