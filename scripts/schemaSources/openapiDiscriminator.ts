/**
 * Rewrites an OpenAPI `oneOf` + `discriminator` union as `if`/`then` on the discriminator value, so a body error is
 * reported against the one branch the value selects ("messages/0/content: …") or as a bad discriminator value
 * ("role must be one of developer, system, user…"), never as a wall of failed alternatives.
 * Only done when every branch requires the discriminator and fixes its value; otherwise the union stays `anyOf`.
 */
import { COMPONENT_PREFIX, JsonSchema } from './jsonSchema';

type Resolve = (name: string) => JsonSchema | undefined;

interface Branch {
  schema: unknown;
  values: string[];
}

/** The values a branch fixes for `prop` (via `enum`/`const`, through `$ref` and `allOf`), if it also requires it. */
function branchValues(
  schema: unknown,
  prop: string,
  resolve: Resolve,
  depth = 0,
): { values: string[]; required: boolean } {
  const none = { values: [], required: false };
  if (typeof schema !== 'object' || schema === null || depth > 8) {
    return none;
  }
  const s = schema as JsonSchema;
  const values: string[] = [];
  let required = Array.isArray(s.required) && (s.required as string[]).includes(prop);
  const parts: unknown[] = [...((s.allOf as unknown[] | undefined) ?? [])];
  if (typeof s.$ref === 'string' && s.$ref.startsWith(COMPONENT_PREFIX)) {
    parts.push(resolve(s.$ref.slice(COMPONENT_PREFIX.length)));
  }
  const p = (s.properties as Record<string, JsonSchema> | undefined)?.[prop];
  if (p && Array.isArray(p.enum)) {
    values.push(...(p.enum as string[]));
  } else if (p && typeof p.const === 'string') {
    values.push(p.const);
  }
  for (const part of parts) {
    const sub = branchValues(part, prop, resolve, depth + 1);
    values.push(...sub.values);
    required ||= sub.required;
  }
  return { values, required };
}

/**
 * Returns the `if`/`then` form of `schema` (already known to carry `discriminator` and `oneOf`), or undefined when
 * the union does not qualify. `convert` sanitizes each branch.
 */
export function discriminatedUnion(
  schema: JsonSchema,
  resolve: Resolve,
  convert: (s: unknown) => unknown,
): JsonSchema | undefined {
  const prop = (schema.discriminator as { propertyName?: unknown } | undefined)?.propertyName;
  const branchesIn = schema.oneOf ?? schema.anyOf;
  if (typeof prop !== 'string' || !Array.isArray(branchesIn)) {
    return undefined;
  }
  const branches: Branch[] = [];
  for (const b of branchesIn) {
    const { values, required } = branchValues(b, prop, resolve);
    if (!required || values.length === 0) {
      return undefined;
    }
    branches.push({ schema: b, values: [...new Set(values)] });
  }
  const all = [...new Set(branches.flatMap((b) => b.values))];
  if (all.length !== branches.reduce((n, b) => n + b.values.length, 0)) {
    return undefined; // two branches share a value: the discriminator does not select one branch
  }
  const out: JsonSchema = {
    type: 'object',
    properties: {
      [prop]: {
        type: 'string',
        enum: all,
        description: `Selects the kind of object: ${all.map((v) => `\`${v}\``).join(', ')}.`,
      },
    },
    required: [prop],
    allOf: branches.map((b) => ({
      if: { properties: { [prop]: { enum: b.values } }, required: [prop] },
      then: convert(b.schema),
    })),
  };
  if (typeof schema.description === 'string') {
    out.description = schema.description;
  }
  if (typeof schema.title === 'string') {
    out.title = schema.title;
  }
  return out;
}
