import type { TextCounter } from '../tokens/textCounter';
import { isRecord } from './requestCount';
import type { GeminiToolRules } from './geminiToolRules';
import { type SchemaStats, geminiSchemaView } from './geminiSchemaView';
import { countRendered, extraNewlines, render } from './geminiToolText';
import { gemini20CallPartTokens, gemini20ToolTokens } from './gemini20ToolTokens';

/**
 * Tokens of function declarations, function calls and function responses on the Gemini API.
 * No rule is published: this is fitted to the recorded counts of test/fixtures/tokens/published-counts.json (see its
 * `notes`), on a fit half (sha-256 of the entry's source, even) and checked on the other half, and since 2026-11-28
 * on 1,464 more recordings (test/fixtures/tokens/recorded-gemini-counts.json: Mirascope, chatlas, crewAI, llm-gemini,
 * openinference, pydantic-ai's history, ruby_llm, req_llm, js-genai, adk-go; recordedAccuracy.test.ts reports them),
 * where a rule counts only if it breaks no exact recording.
 * - The structure is the one Google published for FunctionGemma, its Gemma 3 function-calling model
 *   (ai.google.dev/gemma/docs/functiongemma, "formatting and best practices"): `declaration:name{description:…,
 *   parameters:{…}}`, `call:name{…}`, `response:name{…}`, keys in sorted order, no quotes, each string wrapped in an
 *   `<escape>` token, schema types upper-case. The service's own rendering is not published: the constants of
 *   geminiToolRules.ts (each with its evidence) are what the recorded counts need on top of it, and
 *   geminiSchemaView.ts says which schema keywords are billed (`$ref`s inlined, a recursive one to a fitted depth).
 * - Still missed on 2.5, each from one test: nested objects (Mirascope's test_structured_output `author`, 20 under;
 *   pydantic-ai's test_google_nested_models_without_native_output, 8 under; a property `default: null` in
 *   test_ref_sibling_wire_contract[google-structured-dict], 42 under: no one constant fits them), keywords the SDK's
 *   `Schema` lacks (test_google_validated_accepts_strict_incompatible_schema, 39 over), the recursive schema of
 *   test_google_validated_accepts_what_auto_accepts (7 to 15 over at the fitted depth), get_capital on
 *   gemini-2.5-pro (test_google_model_retry, interaction 0, 1 over), Mirascope's test_caching_tool (a long markdown
 *   description, 43 under, though the same text is exact as a system instruction), crewAI's three answers in three
 *   Contents (3 over) and its planning tool (arrays of objects, 10 over), js-genai's declared response schema (14
 *   under; the only one recorded), enums (req_llm, ruby_llm), and function calls with empty arguments (ruby_llm,
 *   chatlas: 1 or 2 under, while ruby_llm's dice_roll with the same shape is exact). passphrase_test_tool's first
 *   requests are 1 over and their follow-ups exact; no cause found.
 * - google-genai's LocalTokenizer (python-genai google/genai/local_tokenizer.py, `_TextsAccumulator`) counts only the
 *   names, descriptions and strings of these parts, with no structure: 18 tokens per declaration short on 2.5.
 * - Thought signatures: geminiSignatureTokens.ts.
 */
/**
 * 2.5's block for a declared result (`responseBlock`): an object result as `response:name{…}` with the parameters'
 * per-property and per-description constants, plus the block's own; a result of any other type is not billed.
 */
function responseBlockTokens(name: string, response: unknown, counter: TextCounter, rules: GeminiToolRules): number {
  const stats: SchemaStats = { properties: 0, descriptions: 0 };
  const view = geminiSchemaView(response, stats, rules);
  if (!isRecord(view) || view.type !== 'OBJECT') {
    return 0;
  }
  return (
    countRendered(`response:${name}${render(view)}`, counter) +
    (rules.responseBlock ?? 0) +
    rules.perProperty * stats.properties +
    rules.perPropertyDescription * stats.descriptions +
    (stats.descriptions > 0 ? rules.perDeclarationWithPropertyDescriptions : 0)
  );
}

function declarationTokens(decl: Record<string, unknown>, counter: TextCounter, rules: GeminiToolRules): number {
  // A declaration without parameters costs what an empty object schema costs (geminiSchemaView.ts).
  const parameters = decl.parametersJsonSchema ??
    decl.parameters_json_schema ??
    decl.parameters ?? { type: 'object', properties: {} };
  const stats: SchemaStats = { properties: 0, descriptions: 0 };
  const rootDescribed = isRecord(parameters) && typeof parameters.description === 'string' && !!parameters.description;
  const viewed = geminiSchemaView(parameters, stats, rules);
  const rootDescriptionTokens = rootDescribed ? rules.rootDescriptionTokens : undefined;
  if (rootDescriptionTokens !== undefined && isRecord(viewed)) {
    delete viewed.description;
    stats.descriptions--;
  }
  const body: Record<string, unknown> = { parameters: viewed };
  // The declared result (`responseJsonSchema`, or `response` in the SDK's Schema) is billed too: inside the
  // declaration on Gemini 3, as a block of its own on 2.5 (geminiToolRules.ts, `responseBlock`).
  const response = decl.responseJsonSchema ?? decl.response_json_schema ?? decl.response;
  let responseTokens = 0;
  if (response !== undefined && rules.responseBlock === undefined) {
    body.response = geminiSchemaView(response, { properties: 0, descriptions: 0 }, rules);
  } else if (response !== undefined) {
    responseTokens = responseBlockTokens(String(decl.name ?? ''), response, counter, rules);
  }
  let descriptions = 0;
  let blankLines = 0;
  if (typeof decl.description === 'string' && decl.description) {
    body.description = rules.descriptionLines ? decl.description.trim() : decl.description;
    blankLines = rules.descriptionLines ? extraNewlines(String(body.description)) : 0;
    descriptions++;
  }
  // The parameters' own description reads as the function's.
  if (rootDescribed && rootDescriptionTokens === undefined) {
    stats.descriptions--;
    descriptions++;
  }
  const name = `declaration:${String(decl.name ?? '')}`;
  const head = rules.nameBeforeParenthesis
    ? countRendered(`${name}(`, counter) - 1 + countRendered(render(body), counter)
    : countRendered(`${name}${render(body)}`, counter);
  return (
    responseTokens +
    (rootDescriptionTokens ?? 0) +
    rules.perOptionalProperty * (stats.optional ?? 0) +
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
