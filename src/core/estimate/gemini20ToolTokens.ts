import type { TextCounter } from '../tokens/textCounter';
import { isRecord } from './requestCount';

/**
 * Gemini 2.0 bills function declarations, calls and responses as their texts alone, with no structure: the texts
 * google-genai's LocalTokenizer counts (python-genai google/genai/local_tokenizer.py, `_TextsAccumulator`): a
 * declaration's name and description; of its schema, each property's name, `description`, `format`, `enum` values
 * and the `required` names, nested ones too; a call's name and its arguments' keys and strings; a response's name and
 * its keys and strings (numbers and booleans are not texts). On the fixture's 58 gemini-2.0 tool and function-call
 * requests with no media (test/fixtures/tokens/published-counts.json: pydantic-ai, js-genai, crewAI, openinference),
 * the 2.5 rendering (geminiToolTokens.ts) was about twice the count (mean error 97%); these texts alone come within
 * 8.4%. The constants below were fitted on the fixture's fit half (sha-256 of the source even) and checked on the
 * other: fit 10/30 exact, mean 9.8%; held-out 5/28 exact, mean 8.1%. Left: js-genai's `parametersJsonSchema`
 * declarations (2 to 9 over) and pydantic-ai's test_google_model_structured_output (32 over). 1.x is counted the same
 * way, unmeasured.
 */
const PER_PROPERTY = 1;
const PER_DESCRIPTION = 1;
const PER_CALL = 2;
const PER_RESPONSE = -1;

interface Texts {
  texts: string[];
  properties: number;
  descriptions: number;
}

function addValue(value: unknown, into: Texts): void {
  if (typeof value === 'string') {
    into.texts.push(value);
  } else if (Array.isArray(value)) {
    value.forEach((item) => addValue(item, into));
  } else if (isRecord(value)) {
    addDict(value, into);
  }
}

function addDict(dict: Record<string, unknown>, into: Texts): void {
  for (const [key, value] of Object.entries(dict)) {
    into.texts.push(key);
    addValue(value, into);
  }
}

/** Recursive, as the 2.5 rendering is: a request nested too deep is counted by deepRequestCount.ts instead. */
function addSchema(schema: unknown, into: Texts): void {
  if (!isRecord(schema)) {
    return;
  }
  for (const field of ['format', 'description'] as const) {
    if (typeof schema[field] === 'string' && schema[field]) {
      into.texts.push(schema[field]);
      into.descriptions += field === 'description' ? 1 : 0;
    }
  }
  for (const field of ['enum', 'required'] as const) {
    const list = schema[field];
    if (Array.isArray(list)) {
      into.texts.push(...list.filter((item): item is string => typeof item === 'string'));
    }
  }
  addSchema(schema.items, into);
  if (isRecord(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      into.texts.push(name);
      into.properties++;
      addSchema(property, into);
    }
  }
}

function total(into: Texts, counter: TextCounter): number {
  return into.texts.reduce((sum, text) => sum + (text ? counter.count(text) : 0), 0);
}

/** Tokens of a request's `tools` on Gemini 2.0. */
export function gemini20ToolTokens(tools: unknown, counter: TextCounter): number {
  const into: Texts = { texts: [], properties: 0, descriptions: 0 };
  for (const tool of Array.isArray(tools) ? tools : [tools]) {
    const decls = isRecord(tool) ? (tool.functionDeclarations ?? tool.function_declarations) : undefined;
    for (const decl of Array.isArray(decls) ? decls : []) {
      if (!isRecord(decl)) {
        continue;
      }
      addValue(typeof decl.name === 'string' ? decl.name : '', into);
      if (typeof decl.description === 'string' && decl.description) {
        into.texts.push(decl.description);
        into.descriptions++;
      }
      addSchema(decl.parameters ?? decl.parametersJsonSchema ?? decl.parameters_json_schema, into);
      addSchema(decl.response ?? decl.responseJsonSchema ?? decl.response_json_schema, into);
    }
  }
  return total(into, counter) + PER_PROPERTY * into.properties + PER_DESCRIPTION * into.descriptions;
}

/** Tokens of a part's function call and function response on Gemini 2.0. */
export function gemini20CallPartTokens(part: Record<string, unknown>, counter: TextCounter): number {
  let tokens = 0;
  for (const [field, snake, constant] of [
    ['functionCall', 'function_call', PER_CALL],
    ['functionResponse', 'function_response', PER_RESPONSE],
  ] as const) {
    const item = part[field] ?? part[snake];
    if (!isRecord(item)) {
      continue;
    }
    const into: Texts = { texts: [], properties: 0, descriptions: 0 };
    addValue(typeof item.name === 'string' ? item.name : '', into);
    const body = field === 'functionCall' ? item.args : item.response;
    if (isRecord(body)) {
      addDict(body, into);
    }
    // Never below nothing: an empty response (no name, no body) would be -1.
    tokens += Math.max(0, total(into, counter) + constant);
  }
  return tokens;
}
