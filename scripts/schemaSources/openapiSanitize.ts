/**
 * Turns OpenAPI 3.1 schema objects into draft-07 schemas that ajv compiles in strict mode: OpenAPI-only keywords
 * dropped (`x-*`, `discriminator`, `example`, `nullable`, `format`…), `deprecated` kept as `deprecationMessage`,
 * `$ref`s pointed at `#/definitions`, types made explicit where strict mode wants them, `oneOf` relaxed to `anyOf`
 * (the spec's unions are not always disjoint, and "must match exactly one" would reject valid bodies).
 */
import { COMPONENT_PREFIX, JsonSchema } from './jsonSchema';
import { discriminatedUnion } from './openapiDiscriminator';

/** Keywords kept as they are; everything else is dropped. */
const KEEP = new Set([
  'type',
  'enum',
  'const',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'anyOf',
  'allOf',
  'not',
  '$ref',
  'description',
  'title',
  'default',
  'minProperties',
  'maxProperties',
  'propertyNames',
  'properties',
  'patternProperties',
]);
const SCHEMA_VALUED = new Set(['additionalProperties', 'items', 'not', 'propertyNames']);
const SCHEMA_LISTS = new Set(['anyOf', 'allOf']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);

const TYPE_OF_KEYWORD: Record<string, string> = {
  properties: 'object',
  required: 'object',
  additionalProperties: 'object',
  patternProperties: 'object',
  propertyNames: 'object',
  minProperties: 'object',
  maxProperties: 'object',
  items: 'array',
  minItems: 'array',
  maxItems: 'array',
  uniqueItems: 'array',
  minLength: 'string',
  maxLength: 'string',
  pattern: 'string',
  minimum: 'number',
  maximum: 'number',
  exclusiveMinimum: 'number',
  exclusiveMaximum: 'number',
  multipleOf: 'number',
};

function isObject(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The type strict mode needs for the keywords present, when the schema has no `type` of its own. */
function impliedType(out: JsonSchema): string | undefined {
  for (const key of Object.keys(out)) {
    if (key in TYPE_OF_KEYWORD) {
      return TYPE_OF_KEYWORD[key];
    }
  }
  return undefined;
}

export interface SanitizeContext {
  /** Told every component name referenced, so the caller can collect it. */
  onRef: (name: string) => void;
  /** Looks a component up (for discriminated unions). */
  resolve: (name: string) => JsonSchema | undefined;
}

/** Sanitizes one schema (recursively). */
export function sanitize(input: unknown, ctx: SanitizeContext): JsonSchema | boolean {
  if (typeof input === 'boolean') {
    return input;
  }
  if (!isObject(input)) {
    return {};
  }
  if (input.discriminator) {
    const union = discriminatedUnion(input, ctx.resolve, (s) => sanitize(s, ctx));
    if (union) {
      return union;
    }
  }
  const onRef = ctx.onRef;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'oneOf' && Array.isArray(value)) {
      out.anyOf = value.map((v) => sanitize(v, ctx));
    } else if (key === '$ref' && typeof value === 'string') {
      const name = value.startsWith(COMPONENT_PREFIX) ? value.slice(COMPONENT_PREFIX.length) : value;
      onRef(name);
      out.$ref = `#/definitions/${name}`;
    } else if (key === 'deprecated' && value === true) {
      out.deprecationMessage = 'Deprecated.';
    } else if (!KEEP.has(key)) {
      continue;
    } else if (SCHEMA_VALUED.has(key) && (isObject(value) || typeof value === 'boolean')) {
      out[key] = sanitize(value, ctx);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((v) => sanitize(v, ctx));
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v, ctx)]));
    } else {
      out[key] = value;
    }
  }
  if (input.nullable === true && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
  }
  if (typeof out.description === 'string' && typeof out.deprecationMessage === 'string') {
    // Prefer the spec's own words ("… is deprecated in favor of `max_completion_tokens`").
    const sentence = out.description
      .replace(/\s*\n\s*/g, ' ')
      .match(/[^.]*\bdeprecated\b[^.]*\./i)?.[0]
      .trim();
    out.deprecationMessage = sentence ?? 'Deprecated.';
  }
  if (out.type === undefined && out.$ref === undefined) {
    const implied = impliedType(out);
    if (implied) {
      out.type = implied;
    }
  }
  declareRequired(out);
  return out;
}

/** Strict mode wants every `required` name declared in `properties` of the same schema. */
function declareRequired(out: JsonSchema): void {
  if (!Array.isArray(out.required)) {
    return;
  }
  const props = (out.properties ?? {}) as Record<string, unknown>;
  for (const name of out.required as string[]) {
    if (!(name in props)) {
      props[name] = {};
    }
  }
  out.properties = props;
}
