import { isRecord } from './requestCount';

/**
 * The text OpenAI bills for function tools: the functions as TypeScript declarations in a `namespace functions { … }`
 * block, as hmarr/openai-chat-tokens measured it (src/functions.ts) and openai/harmony writes it (src/encoding.rs,
 * json_schema_to_typescript and template_tools_section). Its fixed costs and fitted corrections: openaiToolTokens.ts.
 */
export type Schema = Record<string, unknown>;

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
 * test_model_call_with_tools and _with_strict_tool 6 under → 1 over, exact with the titles rule of
 * openaiToolTokens.ts). openai-chat tools 105 → 108 of 158; measured 2026-11-28.
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
    // tools 80 → 104 of 149. Harmony's examples change nothing; its `default` comment: see defaultText.
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
