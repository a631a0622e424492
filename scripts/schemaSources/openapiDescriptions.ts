/**
 * Gives every property of the sanitized OpenAI definitions a description, from the best source at hand, in order:
 * the property's own union branches (`anyOf: [{…, description}, null]` is how the spec writes nullable fields), its
 * `title`, the schema a branch references, then OPENAI_GAP_DESCRIPTIONS (the spec has none anywhere). A bare `$ref`
 * property is described by its definition, which is given one from its branches or title when it has none of its own.
 */
import { JsonSchema } from './jsonSchema';
import { OPENAI_GAP_DESCRIPTIONS } from './openaiGapDescriptions';

const ONE = ['items', 'additionalProperties', 'not', 'then', 'else', 'propertyNames'];
const LIST = ['items', 'anyOf', 'oneOf', 'allOf'];
const BRANCHES = ['anyOf', 'oneOf', 'allOf'];

function isObject(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function refName(s: JsonSchema): string | undefined {
  return typeof s.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(s.$ref)?.[1] : undefined;
}

function branches(s: JsonSchema): JsonSchema[] {
  return BRANCHES.flatMap((k) => (Array.isArray(s[k]) ? (s[k] as unknown[]).filter(isObject) : []));
}

/** A schema's own words: its description, a branch's description, or its title. */
function ownWords(s: JsonSchema): string | undefined {
  return (
    text(s.description) ??
    branches(s)
      .map((b) => text(b.description))
      .find(Boolean) ??
    text(s.title)
  );
}

/** The words of the definition a union branch references (`anyOf: [{$ref}, null]`), one level deep. */
function referencedWords(s: JsonSchema, definitions: Record<string, JsonSchema>): string | undefined {
  for (const b of branches(s)) {
    const name = refName(b);
    const words = name && definitions[name] ? ownWords(definitions[name]) : undefined;
    if (words) {
      return words;
    }
  }
  return undefined;
}

interface Sources {
  definitions: Record<string, JsonSchema>;
  used: Set<string>;
  missing: string[];
}

function describeProperty(defName: string, prop: string, p: JsonSchema, src: Sources): void {
  if (text(p.description)) {
    return;
  }
  const target = refName(p);
  if (target && src.definitions[target] && text(src.definitions[target].description)) {
    return; // editors show the referenced definition's description
  }
  const key = `${defName}.${prop}`;
  const fromSpec = ownWords(p) ?? referencedWords(p, src.definitions);
  const gap = OPENAI_GAP_DESCRIPTIONS[key];
  if (fromSpec === undefined && gap !== undefined) {
    src.used.add(key);
  } else if (fromSpec === undefined) {
    src.missing.push(key);
    return;
  }
  p.description = fromSpec ?? gap;
}

/** Walks one schema by keyword (never into `if` conditions or data), describing the properties it declares. */
function visit(defName: string, s: JsonSchema, src: Sources): void {
  for (const [prop, p] of Object.entries(isObject(s.properties) ? s.properties : {})) {
    if (isObject(p)) {
      describeProperty(defName, prop, p, src);
      visit(defName, p, src);
    }
  }
  for (const key of ONE) {
    if (isObject(s[key])) {
      visit(defName, s[key] as JsonSchema, src);
    }
  }
  for (const key of LIST) {
    if (Array.isArray(s[key])) {
      (s[key] as unknown[]).filter(isObject).forEach((b) => visit(defName, b, src));
    }
  }
}

/**
 * Describes, in place, every definition that has no description (from its branches or title) and then every
 * property. Returns the properties still undescribed and the gap entries the spec now makes unnecessary, so the
 * build can say so.
 */
export function describeOpenAi(definitions: Record<string, JsonSchema>): { missing: string[]; unusedGaps: string[] } {
  for (const def of Object.values(definitions)) {
    if (!text(def.description)) {
      const words = ownWords(def);
      if (words) {
        def.description = words;
      }
    }
  }
  const src: Sources = { definitions, used: new Set(), missing: [] };
  for (const [name, def] of Object.entries(definitions)) {
    visit(name, def, src);
  }
  const unusedGaps = Object.keys(OPENAI_GAP_DESCRIPTIONS).filter((k) => !src.used.has(k));
  return { missing: src.missing, unusedGaps };
}
