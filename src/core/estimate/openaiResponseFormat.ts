import type { TextCounter } from '../tokens/textCounter';
import { isRecord } from './requestCount';

/** The schema as the service seems to bill it: `additionalProperties: false` (which strict mode requires) dropped. */
function billedSchema(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(billedSchema);
  }
  if (!isRecord(value)) {
    return value;
  }
  const entries = Object.entries(value).filter(([key, v]) => !(key === 'additionalProperties' && v === false));
  return Object.fromEntries(entries.map(([key, v]) => [key, billedSchema(v)]));
}

/**
 * Tokens a structured-output schema adds to an OpenAI prompt: chat `response_format: {type: 'json_schema',
 * json_schema: {name, schema}}` or /v1/responses `text.format: {type: 'json_schema', name, schema}`. How the service
 * renders the schema is not published. This counts its name, description and compact JSON without
 * `additionalProperties: false`: exact on the small recorded schema in both APIs (pydantic-ai test_openai_native_output
 * and test_native_output, 29 and 30 tokens, one with and one without that key), 1 short of 56 on a third
 * (test_openai_responses_native_output_decimal_strict, gpt-5.4-mini), and too high on the larger one with
 * `anyOf` and `const` (test_openai_native_output_multiple, test_native_output_multiple), which the service renders more
 * compactly in a way two schemas cannot tell. `json_object` and `text` add nothing (test_openai_prompted_output).
 */
export function responseFormatTokens(body: Record<string, unknown>, counter: TextCounter): number {
  const chat = isRecord(body.response_format) ? body.response_format : undefined;
  const responses = isRecord(body.text) && isRecord(body.text.format) ? body.text.format : undefined;
  const format = chat?.type === 'json_schema' && isRecord(chat.json_schema) ? chat.json_schema : responses;
  if (!format || (format === responses && responses.type !== 'json_schema')) {
    return 0;
  }
  const { name, description, schema } = format;
  return (
    (typeof name === 'string' ? counter.count(name) : 0) +
    (typeof description === 'string' ? counter.count(description) : 0) +
    (schema === undefined ? 0 : counter.count(JSON.stringify(billedSchema(schema))))
  );
}
