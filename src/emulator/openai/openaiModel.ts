import { createHash } from 'node:crypto';
import { embedText, tokensOf } from '../model/embeddings';
import { emulatedText } from '../model/localModel';
import { isOpenAIBatchEndpoint, OPENAI_DEFAULT_MODELS } from '../../core/openaiEndpoints';
import { completion, images, moderation, video } from './otherEndpoints';
import { schemaInstance } from '../model/schemaInstance';

type Obj = Record<string, unknown>;

/** What an OpenAI endpoint answered for one batch line: an HTTP status and its JSON body. */
export interface OpenAIResult {
  status: number;
  body: Obj;
  usage?: { input: number; output: number };
}

const VALID_ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];

function fail(status: number, message: string, param: string | null, code: string | null = null): OpenAIResult {
  return { status, body: { error: { message, type: 'invalid_request_error', param, code } } };
}

function messageText(content: unknown): string {
  if (typeof content === 'string') {
    return content;
  }
  if (Array.isArray(content)) {
    return content
      .map((p) => (typeof (p as Obj)?.text === 'string' ? ((p as Obj).text as string) : '[part]'))
      .join(' ');
  }
  return '';
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The answer text for a prompt, honouring `response_format` json_schema / json_object. */
function answer(model: string, prompt: string, hash: string, format: Obj | undefined): string {
  const seed = parseInt(hash.slice(0, 8), 16);
  if (format?.type === 'json_schema') {
    return JSON.stringify(schemaInstance((format.json_schema as Obj | undefined)?.schema ?? {}, seed));
  }
  if (format?.type === 'json_object') {
    return JSON.stringify({ emulated: true, model, answer: emulatedText(model, prompt, hash) });
  }
  return emulatedText(model, prompt, hash);
}

function chat(body: Obj, created: number, promptTokens: number | undefined): OpenAIResult {
  const model = String(body.model);
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    return fail(400, "Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  }
  for (let i = 0; i < messages.length; i++) {
    const role = (messages[i] as Obj)?.role;
    if (typeof role !== 'string' || !VALID_ROLES.includes(role)) {
      return fail(
        400,
        `Invalid value: '${String(role)}'. Supported values are: ${VALID_ROLES.map((r) => `'${r}'`).join(', ')}.`,
        `messages[${i}].role`,
        'invalid_value',
      );
    }
  }
  const prompt = messages.map((m) => messageText((m as Obj).content)).join('\n');
  const hash = hashOf(body);
  const content = answer(model, prompt, hash, body.response_format as Obj | undefined);
  const input = promptTokens ?? tokensOf(prompt);
  const output = tokensOf(content);
  return {
    status: 200,
    usage: { input, output },
    body: {
      id: `chatcmpl-emu${hash.slice(0, 24)}`,
      object: 'chat.completion',
      created,
      // The model as asked: real answers name the model that answered (`gpt-4o-mini-2024-07-18` for `gpt-4o-mini`,
      // reference/real-output/openai-batch-output-real-openai-api-rs.jsonl; the SDK types it as a plain string), so
      // results price as that model. The id, the fingerprint and the answer text are what say "emulated".
      model,
      choices: [
        { index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
      system_fingerprint: 'fp_emulated',
    },
  };
}

function embeddings(body: Obj, promptTokens: number | undefined): OpenAIResult {
  const model = String(body.model);
  const raw = body.input;
  const list = typeof raw === 'string' ? [raw] : raw;
  const inputs = Array.isArray(list) && list.every((x) => typeof x === 'string') ? (list as string[]) : undefined;
  if (!inputs || inputs.length === 0) {
    return fail(400, "'input' must be a non-empty string or array of strings.", 'input');
  }
  const fullDims = model === 'text-embedding-3-small' ? 1536 : 3072;
  const dims = body.dimensions === undefined ? fullDims : Number(body.dimensions);
  if (!Number.isInteger(dims) || dims < 1 || dims > 3072) {
    return fail(400, `Invalid 'dimensions': ${String(body.dimensions)}.`, 'dimensions');
  }
  const tokens = promptTokens ?? inputs.reduce((n, t) => n + tokensOf(t), 0);
  return {
    status: 200,
    usage: { input: tokens, output: 0 },
    body: {
      object: 'list',
      data: inputs.map((t, index) => ({ object: 'embedding', index, embedding: embedText(t, dims) })),
      model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
  };
}

/** A Responses `input` as prompt text: a string, or a list of messages, one line each. */
function inputText(input: unknown): string {
  if (Array.isArray(input)) {
    return input.map((m) => messageText((m as Obj)?.content)).join('\n');
  }
  return typeof input === 'string' ? input : '';
}

function responses(body: Obj, created: number, promptTokens: number | undefined): OpenAIResult {
  const model = String(body.model);
  const input = body.input;
  const prompt = inputText(input);
  if (prompt === '') {
    return fail(400, "Missing required parameter: 'input'.", 'input', 'missing_required_parameter');
  }
  const hash = hashOf(body);
  const text = answer(model, prompt, hash, (body.text as Obj | undefined)?.format as Obj | undefined);
  const inTok = promptTokens ?? tokensOf(prompt + messageText(body.instructions));
  const outTok = tokensOf(text);
  return {
    status: 200,
    usage: { input: inTok, output: outTok },
    body: {
      id: `resp_emu${hash.slice(0, 24)}`,
      object: 'response',
      created_at: created,
      status: 'completed',
      model,
      output: [
        {
          type: 'message',
          id: `msg_emu${hash.slice(24, 48)}`,
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
        },
      ],
      usage: {
        input_tokens: inTok,
        input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
        output_tokens: outTok,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: inTok + outTok,
      },
      // The rest of what openai-openapi.yaml's `Response` requires, echoing the request where it says.
      error: null,
      incomplete_details: null,
      instructions: typeof body.instructions === 'string' ? body.instructions : null,
      metadata: body.metadata ?? {},
      parallel_tool_calls: body.parallel_tool_calls !== false,
      temperature: typeof body.temperature === 'number' ? body.temperature : 1,
      top_p: typeof body.top_p === 'number' ? body.top_p : 1,
      tools: Array.isArray(body.tools) ? body.tools : [],
      tool_choice: body.tool_choice ?? 'auto',
    },
  };
}

/** Runs an OpenAI `body` for `endpoint` (src/core/openaiEndpoints.ts) on the local model. `promptTokens` (the
 * estimate's count, EmulatorOptions.promptTokens) is the input of chat, responses, embeddings; else the rough rule. */
export function runOpenAI(endpoint: string, body: unknown, created: number, promptTokens?: number): OpenAIResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail(400, "'body' must be an object.", 'body');
  }
  if (!isOpenAIBatchEndpoint(endpoint)) {
    return fail(404, `Unsupported endpoint ${endpoint} in the emulator.`, null);
  }
  const b = body as Obj;
  const model = typeof b.model === 'string' && b.model !== '' ? b.model : OPENAI_DEFAULT_MODELS[endpoint];
  if (model === undefined) {
    return fail(400, "Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
  }
  switch (endpoint) {
    case '/v1/chat/completions':
      return chat(b, created, promptTokens);
    case '/v1/embeddings':
      return embeddings(b, promptTokens);
    case '/v1/responses':
      return responses(b, created, promptTokens);
    case '/v1/completions':
      return completion(b, model, created, hashOf(b));
    case '/v1/moderations':
      return moderation(b, model, hashOf(b));
    case '/v1/images/generations':
    case '/v1/images/edits':
      return images(b, model, created);
    case '/v1/videos':
      return video(b, model, created, hashOf(b));
  }
}
