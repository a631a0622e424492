/** Small shared helpers for building draft-07 JSON Schema objects in the schema build script. */

/** A JSON Schema object as plain data (draft-07 plus our annotation keywords). */
export type JsonSchema = { [key: string]: unknown };

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
/**
 * Prefix of the `$comment` on a Gemini definition that lists its Vertex-only fields (left out of the schema, so
 * reported as unknown): `"<prefix>routingConfig, routing_config, …"`. The validator may parse it.
 */
export const VERTEX_ONLY_COMMENT = 'Vertex AI only, refused by the Gemini API (left out): ';

/** Where OpenAPI keeps its schemas; rewritten to `#/definitions/`. */
export const COMPONENT_PREFIX = '#/components/schemas/';
export const SCHEMA_ID_BASE = 'https://gemini-batch-studio.local/schemas/';

/** The annotation keywords our schemas use; ajv must be told about them (`ajv.addVocabulary`). */
export const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'enumDescriptions',
  'defaultSnippets',
  'deprecationMessage',
  'x-example',
  'x-alias',
] as const;

export function ref(name: string): JsonSchema {
  return { $ref: `#/definitions/${name}` };
}

/** `responseMimeType` → `response_mime_type` (proto JSON accepts both spellings of every field). */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** `response_mime_type` → `responseMimeType`. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Compact JSON for `x-example` strings (what the validator quotes in messages). */
export function example(value: unknown): string {
  return JSON.stringify(value);
}

/** Trims a description to something a hover can show; keeps the first paragraphs up to `max` characters. */
export function clip(text: string, max = 1200): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Adds the snake_case twin of every lowerCamelCase property (and vice versa), each with `x-alias` naming the other
 * spelling. Both get the same sub-schema, so an error reads the same whichever spelling the user chose.
 */
export function withAliases(properties: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(properties)) {
    const other = name.includes('_') ? camelCase(name) : snakeCase(name);
    if (other === name || other in properties) {
      out[name] = schema;
      continue;
    }
    out[name] = { ...schema, 'x-alias': other };
    out[other] = { ...schema, 'x-alias': name };
  }
  return out;
}
