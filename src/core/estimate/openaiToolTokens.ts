import type { TextCounter } from '../tokens/textCounter';
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
 * Not applied to /v1/responses yet, though its tools agree (104 → 108 of 149): there it uncovers that a stored
 * `function_call` item (one sent back with its `id` and `status`) bills 3 more on gpt-4o and gpt-4o-mini (59
 * requests 3 under, Mirascope's and pydantic-ai's; those without `id` exact), a rule for openaiResponsesInput.ts,
 * which drops the `id`. Without it this rule takes its function calls 28 → 20 of 214; with both, 28 → 73.
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
 * A schema without a `type` is written as nothing (`name: ,`, `items: []`): 1 token less than `any`, which harmony
 * writes (openai/harmony src/encoding.rs, json_schema_to_typescript: no `anyOf` or `$ref` case); hmarr's formatType
 * (src/functions.ts) has no case either (`undefined`, as many tokens). Unpublished: a rendering that fits two
 * shapes in two tool lists, each 1 over with `any`: an MCP tool's `anyOf` property (test_temporal's
 * test_mcptoolset_*, 4 counts, formerly a fitted -1 per such property) and the `$ref` items of pydantic-ai's
 * complex-agent `final_result` (`answers: {items: {$ref: '#/$defs/Answer'}}`, 19 or 21 tools: its 2 tools-only
 * counts and its single-call one become exact). All in the fit half; the held-out counts of that tool list stay 1
 * over for their parallel calls (openaiCallTokens.ts): no exact held-out confirmation. Resolving the `$ref` does not
 * fit (the object inline is 8 to 11 more; `Answer[]` is as long as `any[]`).
 */
const UNTYPED = '';

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

type Schema = Record<string, unknown>;

function typeText(schema: Schema, indent: number): string {
  const text = singleTypeText(schema, indent);
  // `nullable: true` adds `| null` unless the type already says it (openai/harmony src/encoding.rs).
  return schema.nullable === true && !text.includes('null') ? `${text} | null` : text;
}

function singleTypeText(schema: Schema, indent: number): string {
  const values = Array.isArray(schema.enum) ? schema.enum : undefined;
  // A list of types is their union, `integer` written `number` (openai/harmony src/encoding.rs,
  // json_schema_to_typescript, "Handle type as array").
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t): t is string => typeof t === 'string');
    return types.length ? types.map((t) => (t === 'integer' ? 'number' : t)).join(' | ') : 'any';
  }
  switch (schema.type) {
    case 'string':
      return values ? values.map((v) => `"${String(v)}"`).join(' | ') : 'string';
    case 'number':
    case 'integer':
      return values ? values.map(String).join(' | ') : 'number';
    case 'boolean':
    case 'null':
      return schema.type;
    case 'object':
      return ['{', propertiesText(schema, indent + 2), '}'].join('\n');
    case 'array':
      return isRecord(schema.items) ? `${typeText(schema.items, indent)}[]` : 'any[]';
    default:
      return UNTYPED;
  }
}

/**
 * A property's default is a trailing comment as harmony writes it (openai/harmony src/encoding.rs,
 * json_schema_to_typescript: ` // default: …`, a string quoted unless the property is an enum), but only on a
 * property with a title: pydantic-ai's untitled defaults (get_error's `value?: boolean` default false,
 * test_ref_sibling_wire_contract's `address` default null) are exact without it and 5 over with it, while titled
 * ones need it: crewAI's exa_search_tool (3 × null, 17 under → exact) and search_memory (null, "shallow": 13 → 0),
 * Mirascope's get_current_weather on /v1/responses (`unit` default "fahrenheit", required or not, strict or not:
 * test_model_call_with_tools and _with_strict_tool 6 under → 1 over, exact with the titles rule, not applied there).
 * openai-chat tools 105 → 108 of 158; measured 2026-11-28.
 */
function defaultText(prop: Schema): string {
  const value = prop.default;
  if (typeof value === 'string') {
    return Array.isArray(prop.enum) ? value : `"${value}"`;
  }
  return JSON.stringify(value) ?? 'null';
}

function propertiesText(schema: Schema, indent: number): string {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const lines: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const prop = isRecord(property) ? property : {};
    // A property's title is a comment and an empty comment line above its description (openai/harmony
    // src/encoding.rs, json_schema_to_typescript: "Render title, description, and examples as comments"). Measured
    // on the chat recordings of Mirascope, crewAI, openinference and openllmetry (2026-11-28, pydantic schemas with
    // a title on every property): chat tools 54 → 83 of 158 exact, function calls 58 → 103 of 200, /v1/responses
    // tools 80 → 104 of 149; harmony's `default` comment makes them worse and its examples change nothing.
    if (typeof prop.title === 'string') {
      lines.push(`// ${prop.title}`, '//');
    }
    if (typeof prop.description === 'string' && prop.description) {
      lines.push(`// ${prop.description}`);
    }
    const comment = typeof prop.title === 'string' && 'default' in prop ? ` // default: ${defaultText(prop)}` : '';
    lines.push(`${name}${required.includes(name) ? '' : '?'}: ${typeText(prop, indent)},${comment}`);
  }
  return lines.map((line) => ' '.repeat(indent) + line).join('\n');
}

/**
 * A function's description as comments. A description of one paragraph is one comment per line, as harmony writes
 * every description (openai/harmony src/encoding.rs, template_tools_section: `for line in tool.description.lines()`):
 * crewAI's get_final_answer and Delegate_work_to_coworker, openinference's get_weather (`get_weather(location: str) ->
 * str\nUseful for…`) were 1 under per line break, and are exact so (openai-chat tools 108 → 122 of 158, function calls
 * 128 → 138 of 200). A description with a blank line (docstrings with Args:/Returns: sections) stays one comment,
 * its lines as written: pydantic-ai's complex-agent and MCP tools are exact so and 7 to 17 over as harmony writes them.
 */
function descriptionComments(description: string): string[] {
  if (/\n\s*\n/.test(description)) {
    return [`// ${description}`];
  }
  return description
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((line) => `// ${line}`);
}

/** The `namespace functions` block the model sees for these function definitions. */
export function functionsText(functions: Schema[]): string {
  const lines = ['namespace functions {', ''];
  for (const fn of functions) {
    if (typeof fn.description === 'string' && fn.description) {
      lines.push(...descriptionComments(fn.description));
    }
    const parameters = isRecord(fn.parameters) ? fn.parameters : {};
    if (isRecord(parameters.properties) && Object.keys(parameters.properties).length > 0) {
      // A description of the parameters object itself is a comment before its brace, as harmony writes it
      // (openai/harmony src/encoding.rs, json_schema_to_typescript: "Render object-level description as comment").
      const about =
        typeof parameters.description === 'string' && parameters.description ? `// ${parameters.description}\n` : '';
      lines.push(`type ${String(fn.name)} = (_: ${about}{`, propertiesText(parameters, 0), '}) => any;');
    } else {
      lines.push(`type ${String(fn.name)} = () => any;`);
    }
    lines.push('');
  }
  lines.push('} // namespace functions');
  return lines.join('\n');
}

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
function propertyCorrections(schema: Schema, titles: boolean): number {
  const properties = isRecord(schema.properties) ? Object.values(schema.properties) : [];
  let tokens = 0;
  let titled = 0;
  for (const property of properties) {
    if (!isRecord(property)) {
      continue;
    }
    if (titles && typeof property.title === 'string' && ++titled > 1) {
      tokens += PER_EXTRA_TITLED_PROPERTY;
    }
    if (typeof property.description === 'string' && property.description) {
      tokens += PER_PROPERTY_DESCRIPTION;
    }
    if (Array.isArray(property.enum)) {
      tokens += PER_ENUM_PROPERTY;
    }
    if (property.type === 'object') {
      tokens += propertyCorrections(property, titles);
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
  return forced + schemaCorrections(fn, reasoning, context.responses !== true);
}

function schemaCorrections(fn: Schema, reasoning: boolean, titles: boolean): number {
  const parameters = isRecord(fn.parameters) ? fn.parameters : {};
  if (!isRecord(parameters.properties) || Object.keys(parameters.properties).length === 0) {
    return reasoning && !fn.description ? HARMONY_BARE_FUNCTION : 0;
  }
  return PER_FUNCTION_WITH_PARAMETERS + propertyCorrections(parameters, titles);
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
