import type { TextCounter } from '../tokens/textCounter';
import { isRecord } from './requestCount';
import type { GeminiToolRules } from './geminiToolRules';
import { type SchemaStats, geminiSchemaView } from './geminiSchemaView';
import { countRendered, extraNewlines, render } from './geminiToolText';
import { gemini20CallPartTokens, gemini20ToolTokens } from './gemini20ToolTokens';

/**
 * Tokens of function declarations, function calls and function responses on the Gemini API.
 * No rule is published: this is fitted to the recorded counts of test/fixtures/tokens/published-counts.json (see its
 * `notes`), on a fit half (sha-256 of the entry's source, even) and checked on the other half.
 * - The structure is the one Google published for FunctionGemma, its Gemma 3 function-calling model
 *   (ai.google.dev/gemma/docs/functiongemma, "formatting and best practices"): `declaration:name{description:…,
 *   parameters:{…}}`, `call:name{…}`, `response:name{…}`, keys in sorted order, no quotes, each string wrapped in an
 *   `<escape>` token, schema types upper-case. The service's own rendering is not published: the constants of
 *   geminiToolRules.ts are what the recorded counts need on top of it. The schema is first resolved as
 *   geminiSchemaView.ts says (`$ref`s inlined, a recursive one to a fitted depth). Gemini 3: a declaration with any
 *   property costs 3 more, however many it has (GEMINI_3_TOOLS). Gemini 2.5: a description costs less than that
 *   rendering (5 per function, 5 per parameter), and a declaration with any property 1 less (that split of the old 6 per function description is fitted on one test,
 *   test_google_default_tools_use_validated_mode: two declarations with an empty description and a property, 1 over
 *   each before; the only declarations with properties and no description). On 2.5 Flash a declaration whose
 *   parameters have a described property costs 1 less again, once, however many are described: fitted on crmne/
 *   ruby_llm's VCR cassettes alone (spec/fixtures/vcr_cassettes, 226 tool requests: 57 → 168 exact; 1 less per
 *   described property instead gives 58), then checked elsewhere: the fixture 252 → 258 of 308 (crewAI's
 *   native-tool-calling and cached-tools requests, none made worse), 2.5 tool requests of every recording found
 *   (652, /tmp/gem-ev2 of 2026-11-28) 352 → 471 exact, the ones 1 over 171 → 52. Not on 2.5 Pro, where it makes
 *   test_google_model_retry's interaction 0 exact and its follow-ups 1 under (perCallingRequest was fitted on them).
 *   Still missed on 2.5, each from one test: test_google_nested_models_without_native_output (7 under once its root
 *   title is not billed, geminiSchemaView.ts), Mirascope's test_structured_output (a nested `author` object, 24
 *   under), an object property with `default: null` (test_ref_sibling_wire_contract[google-structured-dict], 41
 *   under), keywords the SDK's `Schema` lacks or the Gemma 4 template drops
 *   (test_google_validated_accepts_strict_incompatible_schema, 33 over as sent; dropping `prefixItems`, `uniqueItems`
 *   and turning `anyOf [X, null]` into `nullable` left 14 over before `pattern` was dropped, Gemma 4's keyword set
 *   (huggingface.co/google/gemma-4-E2B-it chat_template.jinja, `format_parameters`) 43 under), the recursive schema
 *   of test_google_validated_accepts_what_auto_accepts (14 under at the fitted depth 9), get_capital on
 *   gemini-2.5-pro (test_google_model_retry, interaction 0), 1 over, Mirascope's test_caching_tool (a long markdown
 *   description, 43 under), crewAI's parallel native tool calling once its three calls are answered (3 over), its
 *   planning tool (`type: [string, null]` inside array items, 15 over), and from js-genai's recordings
 *   (6e9b35c): a `type` given as a list (7 over), a declaration's response schema (14 under), and a declaration
 *   whose properties are not `required` (customDivide, 18 under; pydantic-ai's test_mcp `get_error` is 4 under on
 *   2.5-pro). Mirascope's structured-output-by-tool requests are exact by the name rule below (`toolConfig` mode ANY
 *   is not the cause: test_call[structured_output_calls_tool_scenario] was recorded with `{mode: ANY}` at 95dfab512
 *   and without a `toolConfig` at b3df512ca, the bodies otherwise equal, both billed 146). passphrase_test_tool's first requests (1 over, the follow-ups exact) have no cause.
 *   Counts checked on 684 more recordings (Mirascope, chatlas, crewAI, llm-gemini, openinference, pydantic-ai's
 *   history) on 2026-11-28 gave the rules for `pattern`, empty parameters, Struct numbers and control characters.
 *   google-genai's LocalTokenizer (python-genai google/genai/local_tokenizer.py, `_TextsAccumulator`) counts only
 *   the names, descriptions and strings of these parts, with no structure: 18 tokens per declaration short on 2.5.
 * - Thought signatures: geminiSignatureTokens.ts.
 */
function declarationTokens(decl: Record<string, unknown>, counter: TextCounter, rules: GeminiToolRules): number {
  // A declaration without parameters costs what an empty object schema costs (geminiSchemaView.ts).
  const parameters = decl.parametersJsonSchema ??
    decl.parameters_json_schema ??
    decl.parameters ?? { type: 'object', properties: {} };
  const stats: SchemaStats = { properties: 0, descriptions: 0 };
  const body: Record<string, unknown> = {
    parameters: geminiSchemaView(parameters, stats, rules),
  };
  // The declared result (`responseJsonSchema`, or `response` in the SDK's Schema) is billed too: js-genai's greeter
  // recordings (6e9b35c) were 64 under without it, 14 under rendered so (how the service writes it is unknown).
  const response = decl.responseJsonSchema ?? decl.response_json_schema ?? decl.response;
  if (response !== undefined) {
    body.response = geminiSchemaView(response, { properties: 0, descriptions: 0 }, rules);
  }
  let descriptions = 0;
  let blankLines = 0;
  if (typeof decl.description === 'string' && decl.description) {
    body.description = rules.descriptionLines ? decl.description.trim() : decl.description;
    blankLines = rules.descriptionLines ? extraNewlines(String(body.description)) : 0;
    descriptions++;
  }
  // The parameters' own description reads as the function's.
  if (isRecord(parameters) && typeof parameters.description === 'string' && parameters.description) {
    stats.descriptions--;
    descriptions++;
  }
  const name = `declaration:${String(decl.name ?? '')}`;
  const head = rules.nameBeforeParenthesis
    ? countRendered(`${name}(`, counter) - 1 + countRendered(render(body), counter)
    : countRendered(`${name}${render(body)}`, counter);
  return (
    blankLines +
    head +
    rules.perDeclaration +
    (stats.properties > 0 ? rules.perDeclarationWithProperties : 0) +
    (stats.descriptions > 0 ? rules.perDeclarationWithPropertyDescriptions : 0) +
    rules.perProperty * stats.properties +
    rules.perDescription * descriptions +
    rules.perPropertyDescription * stats.descriptions
  );
}

/**
 * Tokens of a request's `tools` (function declarations only; built-in tools add tokens of the service's own). A single
 * tool object instead of a list is read as a list of one, as the service does: pydantic-ai once sent `tools` so
 * (test_mcp at 3774b33c1) and the API accepted and billed it.
 */
export function geminiToolTokens(tools: unknown, counter: TextCounter, rules: GeminiToolRules): number {
  if (rules.textsOnly) {
    return gemini20ToolTokens(tools, counter);
  }
  let tokens = 0;
  for (const tool of Array.isArray(tools) ? tools : [tools]) {
    const decls = isRecord(tool) ? (tool.functionDeclarations ?? tool.function_declarations) : undefined;
    for (const decl of Array.isArray(decls) ? decls : []) {
      tokens += isRecord(decl) ? declarationTokens(decl, counter, rules) : 0;
    }
  }
  return tokens;
}

/**
 * Tokens of a part's function call and function response (its thought signature: geminiSignatureTokens.ts; the media
 * of a response's `parts`: geminiRequestTokens.ts, by the media rules).
 */
export function geminiCallPartTokens(
  part: Record<string, unknown>,
  counter: TextCounter,
  rules: GeminiToolRules,
): number {
  if (rules.textsOnly) {
    return gemini20CallPartTokens(part, counter);
  }
  let tokens = 0;
  const call = part.functionCall ?? part.function_call;
  if (isRecord(call)) {
    tokens += countRendered(`call:${String(call.name ?? '')}${render(call.args ?? {}, true)}`, counter) + rules.perCall;
  }
  const response = part.functionResponse ?? part.function_response;
  if (isRecord(response)) {
    const text = `response:${String(response.name ?? '')}${render(response.response ?? {}, true)}`;
    tokens += countRendered(text, counter) + rules.perResponse;
  }
  return tokens;
}
