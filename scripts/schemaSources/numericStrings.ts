/**
 * Lets the Gemini schemas take numbers written as strings, as proto3 JSON parsing does (see
 * src/core/schema/numericStrings.ts): every `integer` / `number` node becomes `["integer", "string"]` /
 * `["number", "string"]` with a pattern the string must match. OpenAI bodies are plain JSON and stay unchanged.
 */
import { INTEGER_STRING_PATTERN, NUMBER_STRING_PATTERN } from '../../src/core/schema/numericStrings';
import { JsonSchema } from './jsonSchema';

const PATTERNS: Readonly<Record<string, string>> = { integer: INTEGER_STRING_PATTERN, number: NUMBER_STRING_PATTERN };

/** Sub-schema keywords whose value is a schema, a list of schemas or a map of schemas. */
const ONE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else'];
const MANY = ['anyOf', 'oneOf', 'allOf'];
const MAP = ['properties', 'definitions', 'patternProperties'];

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One node, rewritten when it is a plain integer or number (its other keywords, descriptions included, are kept). */
function rewrite(node: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...node };
  const pattern = typeof node.type === 'string' ? PATTERNS[node.type] : undefined;
  if (pattern !== undefined && node.pattern === undefined && node.enum === undefined && node.const === undefined) {
    out.type = [node.type, 'string'];
    out.pattern = pattern;
  }
  for (const key of ONE) {
    if (isSchema(node[key])) {
      out[key] = rewrite(node[key]);
    }
  }
  for (const key of MANY) {
    const list = node[key];
    if (Array.isArray(list)) {
      out[key] = list.map((s: unknown) => (isSchema(s) ? rewrite(s) : s));
    }
  }
  for (const key of MAP) {
    const map = node[key];
    if (isSchema(map)) {
      out[key] = Object.fromEntries(Object.entries(map).map(([name, s]) => [name, isSchema(s) ? rewrite(s) : s]));
    }
  }
  return out;
}

/** The definitions with every integer and number field also taking its proto3 JSON string form. */
export function acceptNumericStrings(definitions: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(definitions).map(([name, schema]) => [name, rewrite(schema)]));
}
