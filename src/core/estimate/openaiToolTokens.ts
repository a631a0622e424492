import type { TextCounter } from '../tokens/textCounter';
import { type Schema, functionsText } from './openaiToolText';
import { isRecord } from './requestCount';

/**
 * Tokens of the function tools of an OpenAI chat request. The service does not bill the JSON schema as sent: it
 * renders the functions as TypeScript declarations in a `namespace functions { … }` block of the system turn, which
 * is what is counted. The rendering and its fixed costs (9 for the block, 4 back when the request has its own system
 * message, whose first one then gains a trailing newline) were measured against the API by hmarr/openai-chat-tokens
 * (src/functions.ts, src/index.ts, tests/token-counts.test.ts); OpenAI's cookbook ("How to count tokens with
 * tiktoken", section 7) describes the same per-function, per-property and per-enum structure for gpt-4o.
 */
const BLOCK_TOKENS = 9;
const SHARED_SYSTEM_TOKENS = -4;

/**
 * What the o200k models (gpt-4o, gpt-4o-mini, gpt-4.1) bill on top of that rendering, fitted to the recorded counts of
 * test/fixtures/tokens/published-counts.json (see its `notes`) on the fit half: 1 less per function with parameters,
 * 1 more per property description, 1 less per enum property. The service's own text is not published; these are
 * corrections, not a rendering. The first two hold on held-out counts too (property descriptions there only in the
 * reasoning and /v1/responses requests, which share these corrections); the enum one rests on the cookbook's gpt-4o
 * example alone (section 7, exact with it). A schema without a `type` is a rendering, not a correction (UNTYPED).
 */
const PER_FUNCTION_WITH_PARAMETERS = -1;
const PER_PROPERTY_DESCRIPTION = 1;
const PER_ENUM_PROPERTY = -1;

/**
 * Each titled property of an object after its first bills 1 less than its rendering (fitted 2026-11-28, not a
 * rendering; pydantic-ai strips titles, so this comes from the other sources): one titled property is exact (crewAI
 * read_file, counting_tool; Mirascope's single-field output tools), two or more are 1 over per extra one (crewAI's
 * multiplier and multiply_numbers, 2 titled: +1; Mirascope's BookSummary, 4 titled, with get_book_info: +3;
 * crewAI's exa_search_tool, 4 titled: +3 once its defaults are written), while untitled lists of any length are exact
 * (pydantic-ai, openinference). openai-chat tools 83 → 97 of 158 exact, function calls 103 → 128 of 200.
 * /v1/responses agrees once its stored `function_call` items are counted (openaiResponsesCalls.ts; before, the two
 * errors cancelled out): Mirascope's BookSummary with get_book_info (test_structured_output_with_tools, gpt-4o) 3 over
 * → exact on 14 requests, its get_current_weather (test_model_call_with_tools, gpt-4o-mini) 1 over → exact; tools
 * 109 → 116 of 149, function calls 77 → 87 of 214 (measured 2026-11-28). Its other titled requests were off before
 * and are 1 further off (openinference's test_multiple_tools, openllmetry's test_music_composer_handoff_hierarchy,
 * Mirascope's test_structured_output): Mirascope's alone confirm it there, crewAI's confirm it on chat.
 */
const PER_EXTRA_TITLED_PROPERTY = -1;

/**
 * A forced function (`tool_choice` naming one) bills its name and 7 more on gpt-4o and gpt-4o-mini, chat and
 * /v1/responses alike (fitted 2026-11-28: crewAI's ScoreOutput, 2 name tokens, 9 under; Mirascope's
 * `__mirascope_formatted_output_tool__`, 9 name tokens, 16 under on 12 requests over both endpoints; crewAI's
 * TrainingTaskEvaluation, 3 name tokens, 11 under: 1 under with the rule; gpt-4.1 unmeasured, counted alike).
 * Reasoning models bill nothing for it (pydantic-ai's forced get_weather and final_result, Mirascope's output tool, on
 * gpt-5-mini: exact without). What the service adds is not published. `required` and `allowed_tools` cost nothing
 * (exact without). openai-chat tools 97 → 105 of 158, /v1/responses tools 108 → 114 of 149.
 */
const FORCED_FUNCTION_TOKENS = 7;
const FORCED = Symbol('forced by tool_choice');

/**
 * Reasoning models (o3, o4, gpt-5) take their tools in a developer message of the harmony format, under
 * `# Tools\n\n## functions\n\n` (openai/harmony src/encoding.rs, template_tools_section), next to a system message
 * of the service's own (identity, dates, reasoning effort, valid channels) that only requests with tools are billed
 * for. Its text is not published: 85 is what the recorded counts need on top of the same rendering and corrections,
 * and a function with neither description nor parameters bills 1 less (fit half: 6 of 6 exact with both, the second
 * from one entry; held-out: 11 of 11, five of them such functions).
 */
export const HARMONY_TOOLS_HEADER = '# Tools\n\n## functions\n\n';
const HARMONY_BLOCK_TOKENS = 85;
const HARMONY_BARE_FUNCTION = -1;

/**
 * /v1/responses bills the same rendering with the chat block (9) on reasoning models, 6 less on gpt-4o and gpt-4.1,
 * and no system-message discount (fitted: fit 11 of 12 exact, the twelfth off by its response format; held-out 16
 * of 20, see the fixture's `notes`).
 */
const RESPONSES_TOKENS = -6;

/** The function definitions of `tools` (chat `{type:'function', function:{…}}`, responses `{type:'function', name, …}`) or of legacy `functions`. */
export function functionDefinitions(body: Record<string, unknown>): Schema[] {
  const forced = forcedName(body.tool_choice);
  const defs: Schema[] = [];
  for (const tool of Array.isArray(body.tools) ? body.tools : []) {
    if (isRecord(tool) && tool.type === 'function') {
      // Chat nests the definition under `function`; /v1/responses puts it on the tool itself.
      const def = isRecord(tool.function) ? tool.function : tool;
      // The forced one is marked on a copy for functionTokens (FORCED_FUNCTION_TOKENS).
      defs.push(forced !== undefined && def.name === forced ? { ...def, [FORCED]: true } : def);
    }
  }
  for (const fn of Array.isArray(body.functions) ? body.functions : []) {
    if (isRecord(fn)) {
      defs.push(fn);
    }
  }
  return defs;
}

/** The function a `tool_choice` forces: chat `{type:'function', function:{name}}`, /v1/responses `{type:'function', name}`. */
function forcedName(choice: unknown): string | undefined {
  if (!isRecord(choice) || choice.type !== 'function') {
    return undefined;
  }
  const name = isRecord(choice.function) ? choice.function.name : choice.name;
  return typeof name === 'string' ? name : undefined;
}

/** The corrections above for the properties of one schema, nested ones included. */
function propertyCorrections(schema: Schema): number {
  const properties = isRecord(schema.properties) ? Object.values(schema.properties) : [];
  let tokens = 0;
  let titled = 0;
  for (const property of properties) {
    if (!isRecord(property)) {
      continue;
    }
    if (typeof property.title === 'string' && ++titled > 1) {
      tokens += PER_EXTRA_TITLED_PROPERTY;
    }
    if (typeof property.description === 'string' && property.description) {
      tokens += PER_PROPERTY_DESCRIPTION;
    }
    if (Array.isArray(property.enum)) {
      tokens += PER_ENUM_PROPERTY;
    }
    if (property.type === 'object') {
      tokens += propertyCorrections(property);
    }
  }
  return tokens;
}

function corrections(fn: Schema, context: ToolContext, counter: TextCounter): number {
  const { reasoning } = context;
  const forced =
    (fn as { [FORCED]?: boolean })[FORCED] === true && !reasoning
      ? counter.count(String(fn.name)) + FORCED_FUNCTION_TOKENS
      : 0;
  return forced + schemaCorrections(fn, reasoning);
}

function schemaCorrections(fn: Schema, reasoning: boolean): number {
  const parameters = isRecord(fn.parameters) ? fn.parameters : {};
  if (!isRecord(parameters.properties) || Object.keys(parameters.properties).length === 0) {
    return reasoning && !fn.description ? HARMONY_BARE_FUNCTION : 0;
  }
  return PER_FUNCTION_WITH_PARAMETERS + propertyCorrections(parameters);
}

/** How the request carries its tools: `hasSystem` when its messages have a system message, `reasoning` for harmony. */
export interface ToolContext {
  hasSystem: boolean;
  reasoning: boolean;
  /** A /v1/responses request. */
  responses?: boolean;
}

/** Tokens the function definitions add to a chat prompt. */
export function functionTokens(functions: Schema[], context: ToolContext, counter: TextCounter): number {
  if (functions.length === 0) {
    return 0;
  }
  const corrected = functions.reduce((sum, fn) => sum + corrections(fn, context, counter), 0);
  if (context.responses) {
    const fixed = BLOCK_TOKENS + (context.reasoning ? 0 : RESPONSES_TOKENS);
    return counter.count(functionsText(functions)) + fixed + corrected;
  }
  if (context.reasoning) {
    return counter.count(HARMONY_TOOLS_HEADER + functionsText(functions)) + HARMONY_BLOCK_TOKENS + corrected;
  }
  const fixed = BLOCK_TOKENS + (context.hasSystem ? SHARED_SYSTEM_TOKENS : 0);
  return counter.count(functionsText(functions)) + fixed + corrected;
}
