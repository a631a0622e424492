import type { TextCounter } from '../tokens/textCounter';
import { functionDefinitions } from './openaiToolTokens';
import { isRecord } from './requestCount';

/**
 * Keywords the service does not bill, at any depth: `additionalProperties: false` (which strict mode requires) and
 * `required` (which strict mode makes every property), both dropped the pydantic-ai counts are exact, kept a schema
 * with several objects is over by 24 to 32 tokens; and `default`, `minimum`, `maximum`, `maxItems`, measured on
 * crewAI's chat recordings (test/fixtures/tokens/published-counts.json, 2026-11-28): MemoryAnalysis (`default: 0.5`,
 * `minimum: 0.0`, `maximum: 1.0`; 33 counts) over by exactly those 14 tokens, AgentResponse (`maxItems: 1`; 7 counts)
 * by its 5, StepObservation (four `default`s; 23 counts) by their 14 less its escapes (below). `const`, `anyOf`,
 * `$defs`/`$ref`, `title` and `description` are billed (exact with them). Whether other validation keywords
 * (`pattern`, `format`, `minItems`, `minLength`…) are billed is unknown: none is recorded, they are kept.
 */
const UNBILLED_KEYWORDS = new Set(['default', 'minimum', 'maximum', 'maxItems']);

function unbilled(key: string, value: unknown): boolean {
  return (
    UNBILLED_KEYWORDS.has(key) ||
    (key === 'additionalProperties' && value === false) ||
    (key === 'required' && Array.isArray(value))
  );
}

/** The schema as the service bills it: without the keywords above. */
function billedSchema(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(billedSchema);
  }
  if (!isRecord(value)) {
    return value;
  }
  const entries = Object.entries(value).filter(([key, v]) => !unbilled(key, v));
  // Under `properties` and `$defs` the keys are names, not schema keywords: a property called `required` stays.
  return Object.fromEntries(
    entries.map(([key, v]) => [key, NAMED.has(key) && isRecord(v) ? namedSchemas(v) : billedSchema(v)]),
  );
}

const NAMED = new Set(['properties', '$defs', 'definitions']);

function namedSchemas(schemas: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, billedSchema(schema)]));
}

/**
 * The schema's JSON with every character outside printable ASCII written `\uXXXX`, as Python's `json.dumps` does by
 * default (ensure_ascii): crewAI's StepObservation descriptions hold 2 em dashes (21 counts) or 4 (2 counts); with the
 * dashes written as themselves the estimate is 3 under per dash, escaped it is exact.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The structured-output section of the prompt, as harmony writes it at the end of the developer message
 * (OpenAI cookbook, articles/openai-harmony.md, "Structured output"): `# Response Formats`, `## {name}`, the
 * description as a `//` comment, then the schema as compact JSON.
 */
export function responseFormatText(name: string, description: string | undefined, schema: unknown): string {
  const about = description ? `// ${description}\n` : '';
  return `# Response Formats\n\n## ${name}\n\n${about}${asciiJson(billedSchema(schema) ?? {})}`;
}

/**
 * The `\n\n` that parts the section from what comes before it in its message (the tools block, the system text): 1
 * token, the 1 more than the text fitted on all four gpt-4o pydantic-ai counts with tools (chat and /v1/responses).
 */
const SEPARATOR = '\n\n';
const SEPARATOR_TOKENS = 1;

/** A chat message of its own: 3 tokens and its role (openaiRequestTokens.ts), `system` or harmony's `developer`. */
const OWN_MESSAGE_TOKENS = 4;

/**
 * On chat without function tools the reply can only be the format, and each assistant turn costs 2 more plus the
 * format's name (the header addresses the format, the way a call is addressed to its function, openaiCallTokens.ts;
 * the text is unpublished). Fitted on the chat recordings without tools: the name's tokens are what makes `int` and
 * `Book` 1 less than `AnswerResponse`, `joke` or `ScoreOutput` and `FentanylHandbook` 3 more; every earlier assistant
 * message costs the same (Mirascope's test_structured_output_resume, crewAI's ScoreOutput conversations, chatlas's
 * gpt-5.4 test_data_extraction). Harmony's reply is not primed with it: the model writes its own header (as
 * REASONING_REPLY_PRIMING in openaiRequestTokens.ts). /v1/responses bills no such turn cost (Mirascope's gpt-4o
 * resume conversations are exact without it, and chatlas's gpt-5.4 ones miss only the 2 every harmony assistant
 * message misses there).
 */
const ADDRESSED_TURN_TOKENS = 2;

/** The format as a chat request (`response_format.json_schema`) or /v1/responses (`text.format`) gives it. */
function schemaFormat(body: Record<string, unknown>): { format: Record<string, unknown>; chat: boolean } | undefined {
  const chat = isRecord(body.response_format) ? body.response_format : undefined;
  if (chat?.type === 'json_schema' && isRecord(chat.json_schema)) {
    return { format: chat.json_schema, chat: true };
  }
  const responses = isRecord(body.text) && isRecord(body.text.format) ? body.text.format : undefined;
  return responses?.type === 'json_schema' ? { format: responses, chat: false } : undefined;
}

/**
 * The separator after the first system message's text. `\n\n` joins the punctuation and whitespace that text ends
 * with into one piece (o200k splits text at letters and digits, not between `.` and a newline: `.\n\n` is one token),
 * so it costs what it adds to that tail: 0 after the system prompts that end with `.` (crewAI, openllmetry and
 * Mirascope: 84 counts, each 1 over with a separator of 1), 1 after a letter (20 counts).
 */
function separatorAfter(content: unknown, counter: TextCounter): number {
  const parts = Array.isArray(content) ? content.filter(isRecord).map((p) => p.text) : [content];
  const last = parts.at(-1);
  // Only the last 64 characters are searched: a long prompt of punctuation would otherwise be scanned 64 times over.
  const tail = typeof last === 'string' ? (/[^\p{L}\p{N}]{0,64}$/u.exec(last.slice(-64))?.[0] ?? '') : '';
  return tail ? counter.count(tail + SEPARATOR) - counter.count(tail) : SEPARATOR_TOKENS;
}

/**
 * Where a chat request without function tools carries the section, and what its turns cost: at the end of its first
 * system message after a separator, or in a message of its own, then the turn cost above. Fitted on the chat
 * recordings of Mirascope, crewAI, openllmetry and chatlas (gpt-4o, gpt-4o-mini, gpt-4.1-mini, gpt-4.1-nano, gpt-5.4;
 * 2026-11-28): 0 of 124 counts exact before (the section at its text + 1), 122 after; the other 2 (chatlas's gpt-5.4
 * conversations) miss only the 2 per assistant message every harmony chat conversation misses. After a system message
 * 106 counts, in a message of its own 18. Not recorded: a reasoning model's system message with a format, and a
 * `developer` message on a non-reasoning model (only `system` is looked for, as the tools block does).
 */
function placementTokens(
  body: Record<string, unknown>,
  name: string,
  reasoning: boolean,
  counter: TextCounter,
): number {
  const messages = Array.isArray(body.messages) ? body.messages.filter(isRecord) : [];
  const system = messages.find((m) => m.role === 'system');
  const placed = system ? separatorAfter(system.content, counter) : OWN_MESSAGE_TOKENS;
  const turns = messages.filter((m) => m.role === 'assistant').length + (reasoning ? 0 : 1);
  return placed + turns * (ADDRESSED_TURN_TOKENS + counter.count(name));
}

/**
 * Tokens a structured-output schema adds to an OpenAI prompt: chat `response_format: {type: 'json_schema',
 * json_schema: {name, description, schema}}` or /v1/responses `text.format: {type: 'json_schema', name, schema}`.
 * After the tools block (chat with function tools) and on /v1/responses, the section's text and, on non-reasoning
 * models, its separator: exact on every such recorded count (pydantic-ai test_openai_native_output,
 * test_openai_native_output_multiple, test_native_output, test_native_output_multiple,
 * test_openai_responses_native_output_decimal_strict; Mirascope's chat with tools 28/28 and /v1/responses without
 * tools 14/14). The reasoning models' count (gpt-5.4-mini, gpt-5.4) is the text alone: harmony's tools and format
 * share a developer message whose fixed costs are fitted in openaiToolTokens.ts. `json_object` and `text` add
 * nothing (test_openai_prompted_output).
 */
export function responseFormatTokens(body: Record<string, unknown>, counter: TextCounter, reasoning = false): number {
  const found = schemaFormat(body);
  if (!found) {
    return 0;
  }
  const { format, chat } = found;
  const name = typeof format.name === 'string' ? format.name : '';
  const description = typeof format.description === 'string' ? format.description : undefined;
  const text = counter.count(responseFormatText(name, description, format.schema));
  if (chat && functionDefinitions(body).length === 0) {
    return text + placementTokens(body, name, reasoning, counter);
  }
  return text + (reasoning ? 0 : SEPARATOR_TOKENS);
}
