/**
 * The Gemini API discovery document as a cross-check and a supplement to the SDK: integer formats the SDK types as
 * `number`, enum values the SDK types as `string`, and fields a newer service knows before the installed SDK does.
 * A field the discovery document has and the SDK build lacks is added (unless the SDK says Vertex only).
 */
import * as fs from 'node:fs';
import { BuildContext } from './sdkToSchema';
import { clip, JsonSchema, ref, snakeCase, withAliases } from './jsonSchema';

export interface DiscoverySchema {
  type?: string;
  format?: string;
  description?: string;
  $ref?: string;
  enum?: string[];
  enumDescriptions?: string[];
  items?: DiscoverySchema;
  properties?: Record<string, DiscoverySchema>;
  additionalProperties?: DiscoverySchema;
}

export interface DiscoveryDoc {
  revision?: string;
  schemas: Record<string, DiscoverySchema>;
}

/** Reads a discovery document from a path or an http(s) URL; returns undefined (with a warning) when it cannot. */
export async function loadDiscovery(source: string, warn: (msg: string) => void): Promise<DiscoveryDoc | undefined> {
  try {
    const text = /^https?:\/\//.test(source)
      ? await fetch(source, { signal: AbortSignal.timeout(20_000) }).then((r) => {
          if (!r.ok) {
            throw new Error(`HTTP ${r.status}`);
          }
          return r.text();
        })
      : fs.readFileSync(source, 'utf8');
    const doc = JSON.parse(text) as DiscoveryDoc;
    if (!doc.schemas || typeof doc.schemas !== 'object') {
      throw new Error('no "schemas" object');
    }
    return doc;
  } catch (err) {
    warn(`discovery document ${source} not used: ${(err as Error).message}`);
    return undefined;
  }
}

function field(doc: DiscoveryDoc | undefined, def: string, name: string): DiscoverySchema | undefined {
  return doc?.schemas[def]?.properties?.[name];
}

/** true/false when the discovery document knows the field's number format, undefined when it does not. */
export function discoveryIsInteger(doc: DiscoveryDoc | undefined, def: string, name: string): boolean | undefined {
  const f = field(doc, def, name);
  return f && (f.type === 'integer' || f.type === 'number') ? f.type === 'integer' : undefined;
}

/** The enum values and descriptions of a string field, e.g. `EmbedContentRequest.taskType`. */
export function discoveryEnum(doc: DiscoveryDoc | undefined, def: string, name: string): Array<[string, string]> {
  const f = field(doc, def, name);
  return (f?.enum ?? []).map((v, i) => [v, f?.enumDescriptions?.[i] ?? '']);
}

/** Converts a discovery schema to JSON Schema; unknown named types become closed definitions of their own. */
function convert(ctx: BuildContext, doc: DiscoveryDoc, s: DiscoverySchema): JsonSchema {
  if (s.$ref) {
    if (!(s.$ref in ctx.definitions) && doc.schemas[s.$ref]) {
      ctx.definitions[s.$ref] = {};
      ctx.definitions[s.$ref] = convert(ctx, doc, doc.schemas[s.$ref]);
    }
    return s.$ref in ctx.definitions ? ref(s.$ref) : {};
  }
  const description = s.description ? { description: clip(s.description) } : {};
  switch (s.type) {
    case 'array':
      return { type: 'array', items: s.items ? convert(ctx, doc, s.items) : {}, ...description };
    case 'object': {
      if (!s.properties) {
        const extra = s.additionalProperties ? { additionalProperties: convert(ctx, doc, s.additionalProperties) } : {};
        return { type: 'object', ...extra, ...description };
      }
      const properties: Record<string, JsonSchema> = {};
      for (const [name, p] of Object.entries(s.properties)) {
        properties[name] = convert(ctx, doc, p);
      }
      return { type: 'object', properties: withAliases(properties), additionalProperties: false, ...description };
    }
    case 'string':
      return s.enum
        ? { type: 'string', enum: s.enum, enumDescriptions: s.enumDescriptions ?? [], ...description }
        : { type: 'string', ...description };
    case 'integer':
    case 'number':
    case 'boolean':
      return { type: s.type, ...description };
    default:
      return { ...description };
  }
}

/** The definition a property points at (`$ref`, or the `$ref` of its array items), if any. */
function target(schema: { $ref?: unknown; items?: unknown } | undefined): string | undefined {
  const r = schema?.$ref ?? (schema?.items as { $ref?: unknown } | undefined)?.$ref;
  return typeof r === 'string' ? r.replace('#/definitions/', '') : undefined;
}

/**
 * Adds to the built definitions the fields the discovery document has and the SDK build lacks. Definitions are
 * paired by walking both from the request root, not by name: the two use one name for different messages
 * (discovery `VideoMetadata` is the File's, the SDK's is the Part's).
 */
export function mergeDiscovery(
  ctx: BuildContext,
  doc: DiscoveryDoc | undefined,
  root: string,
  log: (msg: string) => void = () => undefined,
): void {
  if (!doc) {
    return;
  }
  const seen = new Set<string>();
  const queue: Array<[string, string]> = [[root, root]];
  for (let pair = queue.shift(); pair; pair = queue.shift()) {
    const [ours, theirs] = pair;
    const def = ctx.definitions[ours];
    const known = doc.schemas[theirs]?.properties;
    if (seen.has(ours) || !def || !known || def.additionalProperties !== false) {
      continue;
    }
    seen.add(ours);
    const props = def.properties as Record<string, JsonSchema>;
    for (const [field, schema] of Object.entries(known)) {
      if (field in props) {
        const a = target(props[field]);
        const b = target(schema);
        if (a && b) {
          queue.push([a, b]);
        }
        continue;
      }
      if (ctx.omitted.has(`${ours}.${field}`)) {
        continue;
      }
      const converted = { ...convert(ctx, doc, schema), $comment: 'From the discovery document only.' };
      const snake = snakeCase(field);
      props[field] = snake === field ? converted : { ...converted, 'x-alias': snake };
      if (snake !== field) {
        props[snake] = { ...converted, 'x-alias': field };
      }
      log(`added ${ours}.${field} from the discovery document`);
    }
  }
}
