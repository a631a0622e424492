import type { TextCounter } from '../tokens/textCounter';
import { isRecord } from './requestCount';

/**
 * Tokens a structured-output schema adds to an OpenAI chat prompt (`response_format: {type: 'json_schema'}`). How the
 * service renders the schema is not published. This counts the schema as sent (compact JSON) and its name: that is
 * exact on the one small recorded schema (pydantic-ai test_openai_native_output, 29 tokens) and 32 tokens over, about
 * 27%, on the larger one with `anyOf`, `const` and `additionalProperties` (test_openai_native_output_multiple, 118),
 * so the service renders schemas more compactly than JSON; two schemas cannot tell how. `json_object` and `text` add
 * nothing (test_openai_prompted_output: exact without). Measured only on requests that also declare tools.
 */
export function responseFormatTokens(body: Record<string, unknown>, counter: TextCounter): number {
  const format = isRecord(body.response_format) ? body.response_format : undefined;
  if (!format || format.type !== 'json_schema' || !isRecord(format.json_schema)) {
    return 0;
  }
  const { name, schema } = format.json_schema;
  return (
    (typeof name === 'string' ? counter.count(name) : 0) +
    (schema === undefined ? 0 : counter.count(JSON.stringify(schema)))
  );
}
