/**
 * Makes one deterministic instance of a response schema, for JSON-mode answers of the local model.
 * Accepts Gemini's `Schema` (type `OBJECT`, `STRING`…, `nullable`, `propertyOrdering`) and JSON Schema
 * (lowercase types, type arrays, `$ref` into `$defs`/`definitions`, `const`, `anyOf`/`oneOf`/`allOf`).
 * Rules: every property is filled, arrays get 1–2 items, enums and unions take their first member.
 */
type Schema = Record<string, unknown>;

const MAX_DEPTH = 12;

function firstType(schema: Schema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) {
    const nonNull = t.find((x) => typeof x === 'string' && x.toLowerCase() !== 'null');
    return typeof nonNull === 'string' ? nonNull.toLowerCase() : 'null';
  }
  if (typeof t === 'string') {
    return t.toLowerCase();
  }
  if (schema.properties !== undefined) {
    return 'object';
  }
  if (schema.items !== undefined) {
    return 'array';
  }
  return undefined;
}

function resolveRef(root: Schema, ref: string): Schema | undefined {
  const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  if (!m) {
    return undefined;
  }
  const defs = root[m[1]] as Record<string, Schema> | undefined;
  return defs?.[decodeURIComponent(m[2]).replace(/~1/g, '/').replace(/~0/g, '~')];
}

function stringFor(schema: Schema, label: string, seed: number): string {
  switch (schema.format) {
    case 'date-time':
      return '2025-01-01T00:00:00Z';
    case 'date':
      return '2025-01-01';
    case 'email':
      return 'emulated@example.com';
    case 'uri':
      return 'https://example.com/emulated';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
  }
  const text = `emulated ${label} ${seed % 1000}`;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  return text.padEnd(min, 'x').slice(0, max);
}

/** A number bound: the inclusive one, else the exclusive one moved `step` inward, else `fallback`. */
function bound(inclusive: unknown, exclusive: unknown, step: number, fallback: number): number {
  if (typeof inclusive === 'number') {
    return inclusive;
  }
  return typeof exclusive === 'number' ? exclusive + step : fallback;
}

function numberFor(schema: Schema, integer: boolean, seed: number): number {
  const min = bound(schema.minimum, schema.exclusiveMinimum, 1, 0);
  const max = bound(schema.maximum, schema.exclusiveMaximum, -1, min + 100);
  const span = Math.max(0, max - min);
  const v = min + ((seed % 97) / 96) * span;
  return integer ? Math.round(v) : Math.round(v * 100) / 100;
}

function build(schema: unknown, root: Schema, label: string, seed: number, depth: number): unknown {
  if (typeof schema !== 'object' || schema === null || depth > MAX_DEPTH) {
    return null;
  }
  let s = schema as Schema;
  if (typeof s.$ref === 'string') {
    return build(resolveRef(root, s.$ref), root, label, seed, depth + 1);
  }
  if ('const' in s) {
    return s.const;
  }
  if (Array.isArray(s.enum) && s.enum.length > 0) {
    return s.enum[0];
  }
  for (const union of ['anyOf', 'oneOf'] as const) {
    const members = s[union];
    if (Array.isArray(members) && members.length > 0) {
      const pick = members.find((m) => firstType(m as Schema) !== 'null') ?? members[0];
      return build({ ...s, [union]: undefined, ...(pick as Schema) }, root, label, seed, depth + 1);
    }
  }
  if (Array.isArray(s.allOf) && s.allOf.length > 0) {
    s = Object.assign({}, s, ...s.allOf.map((m) => m as Schema), { allOf: undefined });
  }
  switch (firstType(s)) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      const order = Array.isArray(s.propertyOrdering) ? (s.propertyOrdering as string[]) : [];
      const names = [...order.filter((n) => n in props), ...Object.keys(props).filter((n) => !order.includes(n))];
      const out: Record<string, unknown> = {};
      names.forEach((name, i) => {
        out[name] = build(props[name], root, name, seed + i + 1, depth + 1);
      });
      return out;
    }
    case 'array': {
      const min = typeof s.minItems === 'number' ? s.minItems : 1;
      const max = typeof s.maxItems === 'number' ? s.maxItems : 2;
      const count = Math.max(0, Math.min(max, Math.max(min, 1 + (seed % 2))));
      return Array.from({ length: count }, (_, i) => build(s.items, root, label, seed + i * 7 + 1, depth + 1));
    }
    case 'string':
      return stringFor(s, label, seed);
    case 'integer':
      return numberFor(s, true, seed);
    case 'number':
      return numberFor(s, false, seed);
    case 'boolean':
      return seed % 2 === 0;
    case 'null':
      return null;
    default:
      return stringFor(s, label, seed);
  }
}

/** One instance of `schema`; `seed` varies the strings and numbers deterministically. */
export function schemaInstance(schema: unknown, seed = 0): unknown {
  const root = typeof schema === 'object' && schema !== null ? (schema as Schema) : {};
  return build(schema, root, 'value', Math.abs(Math.floor(seed)), 0);
}
