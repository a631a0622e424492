import type { SchemaNode } from '../schema/validators';

/** A schema node reached by following the data, with the name of the definition it came from. */
export interface ResolvedSchema {
  node: SchemaNode;
  /** e.g. 'Content' for `#/definitions/Content`. */
  definition?: string;
  /** The `x-example` closest to this location (the property's own, else its definition's). */
  example?: string;
}

function asNode(value: unknown): SchemaNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SchemaNode) : undefined;
}

function isObj(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The own member `name` of an object (a schema's `properties`, a line's data): names come from the user's line, and
 * a plain lookup of `constructor`, `toString` or `__proto__` would find an inherited member.
 */
function own(value: unknown, name: string): unknown {
  return (isObj(value) || Array.isArray(value)) && Object.hasOwn(value, name)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/** Follows `$ref: #/definitions/X` (and `#/$defs/X`) chains, keeping the nearest x-example. */
export function deref(root: SchemaNode, node: SchemaNode): ResolvedSchema {
  let current = node;
  let definition: string | undefined;
  let example = typeof node['x-example'] === 'string' ? (node['x-example'] as string) : undefined;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 16; hops++) {
    const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(current.$ref as string);
    const target = match ? asNode(own(root[match[1]], decodeURIComponent(match[2]))) : undefined;
    if (!match || !target) {
      break;
    }
    definition = match[2];
    current = target;
    if (example === undefined && typeof current['x-example'] === 'string') {
      example = current['x-example'] as string;
    }
  }
  return { node: current, definition, example };
}

/** A tiny evaluator for the `if` conditions batch schemas use: properties with const/enum/type, and required. */
function matchesCondition(condition: SchemaNode, data: unknown): boolean {
  if (!isObj(data)) {
    return false;
  }
  const required = Array.isArray(condition.required) ? (condition.required as string[]) : [];
  if (required.some((name) => !Object.hasOwn(data, name))) {
    return false;
  }
  const properties = asNode(condition.properties) ?? {};
  for (const [name, sub] of Object.entries(properties)) {
    const s = asNode(sub);
    if (!s || !Object.hasOwn(data, name)) {
      continue;
    }
    if ('const' in s && data[name] !== s.const) {
      return false;
    }
    if (Array.isArray(s.enum) && !s.enum.includes(data[name])) {
      return false;
    }
  }
  return true;
}

/**
 * The subschemas that apply to `data` at `node`: the node itself plus, recursively, allOf members, the matching
 * if/then (or else) branches, and the anyOf/oneOf members (all of them: callers look for a property in any).
 */
export function applicableNodes(root: SchemaNode, node: SchemaNode, data: unknown): ResolvedSchema[] {
  const out: ResolvedSchema[] = [];
  const visit = (n: SchemaNode, depth: number, inherited?: ResolvedSchema): void => {
    const resolved = deref(root, n);
    const r: ResolvedSchema = {
      node: resolved.node,
      definition: resolved.definition ?? inherited?.definition,
      example: resolved.example ?? inherited?.example,
    };
    out.push(r);
    if (depth > 8) {
      return;
    }
    const m = r.node;
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(m[key])) {
        for (const sub of m[key] as unknown[]) {
          const s = asNode(sub);
          if (s) {
            visit(s, depth + 1);
          }
        }
      }
    }
    const condition = asNode(m.if);
    if (condition) {
      const branch = asNode(matchesCondition(condition, data) ? m.then : m.else);
      if (branch) {
        visit(branch, depth + 1);
      }
    }
  };
  visit(node, 0);
  return out;
}

/** The schema for one child (property name or array index) of `data`, given the schema of `data`. */
export function childSchema(
  root: SchemaNode,
  node: SchemaNode,
  data: unknown,
  segment: string,
): ResolvedSchema | undefined {
  const candidates = applicableNodes(root, node, data);
  // Prefer the most specific (last found) branch that defines the child: an if/then body beats `body: {type: object}`.
  for (let i = candidates.length - 1; i >= 0; i--) {
    const n = candidates[i].node;
    if (Array.isArray(data)) {
      const items = asNode(n.items);
      if (items) {
        return deref(root, items);
      }
      continue;
    }
    const property = asNode(own(n.properties, segment));
    if (property) {
      return deref(root, property);
    }
  }
  for (let i = candidates.length - 1; i >= 0; i--) {
    const extra = asNode(candidates[i].node.additionalProperties);
    if (extra && !Array.isArray(data)) {
      return deref(root, extra);
    }
  }
  return undefined;
}

/** Follows a data path from the root; returns the schema at the end (or undefined where the schema stops). */
export function schemaAtPath(root: SchemaNode, data: unknown, segments: readonly string[]): ResolvedSchema | undefined {
  let current: ResolvedSchema | undefined = {
    node: root,
    example: typeof root['x-example'] === 'string' ? (root['x-example'] as string) : undefined,
  };
  let value = data;
  for (const segment of segments) {
    if (current === undefined) {
      return undefined;
    }
    current = childSchema(root, current.node, value, segment);
    value = own(value, segment);
  }
  return current;
}

/**
 * Property names an object schema accepts at this place. Both spellings of a field carry `x-alias` naming the other;
 * `canonical` is the camelCase one (the REST name), which suggestions use.
 */
export function propertyNames(
  root: SchemaNode,
  node: SchemaNode,
  data: unknown,
): { name: string; canonical: string; schema: SchemaNode }[] {
  const seen = new Set<string>();
  const out: { name: string; canonical: string; schema: SchemaNode }[] = [];
  for (const candidate of applicableNodes(root, node, data)) {
    const properties = asNode(candidate.node.properties);
    if (!properties) {
      continue;
    }
    for (const [name, sub] of Object.entries(properties)) {
      const s = asNode(sub);
      if (!s || seen.has(name)) {
        continue;
      }
      seen.add(name);
      const alias = typeof s['x-alias'] === 'string' ? (s['x-alias'] as string) : undefined;
      const canonical = alias !== undefined && name.includes('_') && !alias.includes('_') ? alias : name;
      out.push({ name, canonical, schema: s });
    }
  }
  return out;
}
