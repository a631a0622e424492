/**
 * Bounds for the integer fields of the Gemini request schemas, from the proto type of each field.
 *
 * The service parses a request line with the proto3 JSON mapping, and a conformant parser rejects an integer outside
 * its field's type: protocolbuffers/protobuf conformance/binary_json_conformance_suite.cc, "Parsers reject
 * out-of-bound integer values": `ExpectParseFailureForJson("Int32FieldTooLarge", {"optionalInt32": 2147483648})`,
 * likewise Int32FieldTooSmall, Uint32FieldTooLarge, Int64FieldTooLarge… So a value out of range fails the whole
 * batch at creation like any other parse error, and the validator reports it as an error (`minimum`/`maximum`).
 *
 * The string form proto3 JSON also takes (`"maxOutputTokens": "100"`) keeps its digits-only pattern and is not
 * range-checked here: JSON Schema cannot compare a string numerically.
 */
import { DiscoveryDoc } from './discovery';
import { camelCase, JsonSchema } from './jsonSchema';

export type IntegerFormat = 'int32' | 'uint32' | 'int64' | 'uint64';

/**
 * The range of each proto integer type as JSON Schema bounds. The 64-bit ones use `exclusiveMaximum` 2^63 / 2^64:
 * a JSON number is a double, which cannot hold 2^63 − 1 exactly (it rounds to 2^63), and every double below 2^63
 * is in range. Beyond 2^53 a JSON number already lost precision, whatever the bound.
 */
const RANGES: Readonly<Record<IntegerFormat, JsonSchema>> = {
  int32: { minimum: -(2 ** 31), maximum: 2 ** 31 - 1 },
  uint32: { minimum: 0, maximum: 2 ** 32 - 1 },
  int64: { minimum: -(2 ** 63), exclusiveMaximum: 2 ** 63 },
  uint64: { minimum: 0, exclusiveMaximum: 2 ** 64 },
};

/** A field whose proto type is not known: the range every proto integer type fits in. */
const ANY_PROTO_INTEGER: JsonSchema = { minimum: -(2 ** 63), exclusiveMaximum: 2 ** 64 };

/**
 * Integer fields typed from the proto, for those the discovery document at hand (revision 20240713) lacks and so the
 * bounds do not hang on that document alone: googleapis/googleapis
 * google/ai/generativelanguage/v1beta/generative_service.proto (commit bc7e3baa), `message ThinkingConfig`:
 * `optional int32 thinking_budget = 2;`, `message GenerationConfig`: `optional int32 candidate_count = 1;`,
 * `max_output_tokens = 4`, `top_k = 7`, `seed = 8`, `logprobs = 18` (all `optional int32`).
 * A discovery document's `format` wins over this table.
 */
const PROTO_FORMATS: Readonly<Record<string, IntegerFormat>> = {
  'ThinkingConfig.thinkingBudget': 'int32',
  'GenerationConfig.candidateCount': 'int32',
  'GenerationConfig.maxOutputTokens': 'int32',
  'GenerationConfig.topK': 'int32',
  'GenerationConfig.seed': 'int32',
  'GenerationConfig.logprobs': 'int32',
};

function isFormat(value: unknown): value is IntegerFormat {
  return typeof value === 'string' && value in RANGES;
}

/** The proto integer type of `def.field` (camelCase), from the discovery document or the table above. */
export function integerFormat(doc: DiscoveryDoc | undefined, def: string, field: string): IntegerFormat | undefined {
  const format = doc?.schemas[def]?.properties?.[field]?.format;
  return isFormat(format) ? format : PROTO_FORMATS[`${def}.${field}`];
}

function bounded(node: JsonSchema, bounds: JsonSchema): JsonSchema {
  return { ...node, ...bounds };
}

/**
 * Adds the bounds of its proto type to every integer property (and integer array items) of the definitions, in both
 * spellings. Returns the fields whose type was not known (bounded to any proto integer's range), for the build log.
 */
export function boundIntegers(definitions: Record<string, JsonSchema>, doc: DiscoveryDoc | undefined): string[] {
  const unknown: string[] = [];
  for (const [def, schema] of Object.entries(definitions)) {
    const props = schema.properties as Record<string, JsonSchema> | undefined;
    for (const [name, prop] of Object.entries(props ?? {})) {
      const items = prop.items as JsonSchema | undefined;
      const isInt = prop.type === 'integer';
      if (!isInt && items?.type !== 'integer') {
        continue;
      }
      const field = camelCase(name);
      const format = integerFormat(doc, def, field);
      if (format === undefined && field === name) {
        unknown.push(`${def}.${field}`);
      }
      const bounds = format ? RANGES[format] : ANY_PROTO_INTEGER;
      props![name] = isInt ? bounded(prop, bounds) : { ...prop, items: bounded(items!, bounds) };
    }
  }
  return unknown;
}
