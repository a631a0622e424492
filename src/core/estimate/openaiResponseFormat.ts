import type { TextCounter } from '../tokens/textCounter';
import { isRecord } from './requestCount';

/**
 * The schema as the service bills it: without `additionalProperties: false` (which strict mode requires) and without
 * `required` (which strict mode makes every property), at any depth. Both dropped, the recorded counts below are
 * exact; with either kept, a schema with several objects is over by 24 to 32 tokens.
 */
function billedSchema(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(billedSchema);
  }
  if (!isRecord(value)) {
    return value;
  }
  const entries = Object.entries(value).filter(
    ([key, v]) => !(key === 'additionalProperties' && v === false) && !(key === 'required' && Array.isArray(v)),
  );
  // Under `properties` the keys are property names, not schema keywords: a property called `required` stays.
  return Object.fromEntries(
    entries.map(([key, v]) => [key, key === 'properties' && isRecord(v) ? propertiesOf(v) : billedSchema(v)]),
  );
}

function propertiesOf(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, billedSchema(schema)]));
}

/**
 * Non-reasoning models (gpt-4o, gpt-4.1) bill 1 more than the section's text: fitted, the same on all four recorded
 * gpt-4o counts (test_openai_native_output, test_openai_native_output_multiple, test_native_output,
 * test_native_output_multiple: chat and /v1/responses, strict and not); its origin (a separator before the section,
 * most likely) is not published. The reasoning model's count (gpt-5.4-mini) is the text alone.
 */
const NON_REASONING_TOKENS = 1;

/**
 * The structured-output section of the prompt, as harmony writes it at the end of the developer message
 * (OpenAI cookbook, articles/openai-harmony.md, "Structured output"): `# Response Formats`, `## {name}`, the
 * description as a `//` comment, then the schema as compact JSON.
 */
export function responseFormatText(name: string, description: string | undefined, schema: unknown): string {
  const about = description ? `// ${description}\n` : '';
  return `# Response Formats\n\n## ${name}\n\n${about}${JSON.stringify(billedSchema(schema) ?? {})}`;
}

/**
 * Tokens a structured-output schema adds to an OpenAI prompt: chat `response_format: {type: 'json_schema',
 * json_schema: {name, description, schema}}` or /v1/responses `text.format: {type: 'json_schema', name, schema}`.
 * Exact on every recorded one (test/fixtures/tokens/published-counts.json: pydantic-ai test_openai_native_output,
 * test_openai_native_output_multiple, test_native_output, test_native_output_multiple,
 * test_openai_responses_native_output_decimal_strict; small and `anyOf`/`const` schemas, gpt-4o and gpt-5.4-mini).
 * `json_object` and `text` add nothing (test_openai_prompted_output).
 */
export function responseFormatTokens(body: Record<string, unknown>, counter: TextCounter, reasoning = false): number {
  const chat = isRecord(body.response_format) ? body.response_format : undefined;
  const responses = isRecord(body.text) && isRecord(body.text.format) ? body.text.format : undefined;
  const format = chat?.type === 'json_schema' && isRecord(chat.json_schema) ? chat.json_schema : responses;
  if (!format || (format === responses && responses.type !== 'json_schema')) {
    return 0;
  }
  const name = typeof format.name === 'string' ? format.name : '';
  const description = typeof format.description === 'string' ? format.description : undefined;
  return counter.count(responseFormatText(name, description, format.schema)) + (reasoning ? 0 : NON_REASONING_TOKENS);
}
