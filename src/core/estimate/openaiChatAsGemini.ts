import { isRecord } from './requestCount';

/**
 * An OpenAI-format request body sent to a Gemini model through Gemini's OpenAI-compatible layer
 * (`/v1beta/openai/`, the `geminiOpenAI` provider), rewritten as the Gemini request geminiRequestTokens counts:
 * the service bills such a request in Gemini tokens (its answers report Gemini's usage).
 *
 * Evidence, and what is unknown:
 * - The layer's mapping is not published: the reference (https://ai.google.dev/api/compatibility,
 *   ChatCompletionsRequest) says only that `messages` "is deserialized to a InternalChatMessage" and that a model
 *   without a slash gets `models/`. So the roles below follow the Gemini API's own shape: `system`/`developer` →
 *   `systemInstruction`, `assistant` → `model`, a `tool` result → a `functionResponse` part; whether several system
 *   messages make one Content or several, and how a tool result is wrapped, is unknown.
 * - Images and audio: "The OpenAI SDK compatibility only supports inline images and audio files"
 *   (google-gemini/cookbook quickstarts/Get_started_OpenAI_Compatibility.ipynb); a data URL becomes `inlineData`,
 *   which geminiRequestTokens sizes; any other URL becomes `fileData`, reported unknown.
 * - Tool calls sent back carry the signature as `extra_content.google.thought_signature` (pydantic-ai
 *   tests/models/cassettes/test_openai/test_compatible_api_with_tool_calls_without_id.yaml); it becomes the part's
 *   `thoughtSignature`, counted as native requests are.
 * - Measured on the only recorded `usage.prompt_tokens` found through the layer (4 requests, cited in
 *   test/unit/core/estimate/openaiChatAsGemini.test.ts): 3 exact, the 4th (a tool result) 65 for 66, mean error 0.38%;
 *   counted as OpenAI chat with o200k_base they were 0/4 exact, mean error 44%. Not measured: system messages,
 *   media, several tool calls, Gemini 3 (no recorded request has them).
 */

type Obj = Record<string, unknown>;

/** `data:<mime>;base64,<data>` → inline data; undefined for any other URL. */
function dataUrl(url: string): { mimeType: string; data: string } | undefined {
  const match = /^data:([^;,]*)(?:;[^,]*)?;base64,/.exec(url);
  return match ? { mimeType: match[1] ?? '', data: url.slice(match[0].length) } : undefined;
}

function mediaPart(url: unknown, mimeType = ''): Obj | undefined {
  if (typeof url !== 'string') {
    return undefined;
  }
  const inline = dataUrl(url);
  return inline ? { inlineData: inline } : { fileData: { mimeType, fileUri: url } };
}

/** One OpenAI content part as a Gemini part (undefined: nothing the layer is known to send). */
function contentPart(part: unknown): Obj | undefined {
  if (typeof part === 'string') {
    return { text: part };
  }
  if (!isRecord(part)) {
    return undefined;
  }
  if (typeof part.text === 'string') {
    return { text: part.text };
  }
  if (typeof part.refusal === 'string') {
    return { text: part.refusal };
  }
  if (isRecord(part.image_url)) {
    return mediaPart(part.image_url.url);
  }
  if (typeof part.image_url === 'string') {
    return mediaPart(part.image_url);
  }
  const audio = part.input_audio;
  if (isRecord(audio) && typeof audio.data === 'string') {
    const format = typeof audio.format === 'string' ? audio.format : '';
    return { inlineData: { mimeType: `audio/${format}`, data: audio.data } };
  }
  if (isRecord(part.file)) {
    return mediaPart(part.file.file_data ?? part.file.file_id);
  }
  return undefined;
}

function contentParts(content: unknown): Obj[] {
  const items = Array.isArray(content) ? content : [content];
  return items.map(contentPart).filter((p): p is Obj => p !== undefined);
}

/** `arguments` is a JSON string; what it holds is what the call passes (text it cannot parse, as text). */
function callArgs(args: unknown): unknown {
  if (typeof args !== 'string') {
    return isRecord(args) ? args : {};
  }
  try {
    return JSON.parse(args) as unknown;
  } catch {
    return { arguments: args };
  }
}

function callParts(message: Obj, names: Map<string, string>): Obj[] {
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  const legacy = isRecord(message.function_call) ? [{ function: message.function_call }] : [];
  const parts: Obj[] = [];
  for (const call of [...calls, ...legacy]) {
    const fn = isRecord(call) && isRecord(call.function) ? call.function : undefined;
    if (!fn) {
      continue;
    }
    const name = typeof fn.name === 'string' ? fn.name : '';
    if (isRecord(call) && typeof call.id === 'string') {
      names.set(call.id, name);
    }
    const google = isRecord(call) && isRecord(call.extra_content) ? call.extra_content.google : undefined;
    const signature = isRecord(google) ? google.thought_signature : undefined;
    parts.push({
      functionCall: { name, args: callArgs(fn.arguments) },
      ...(typeof signature === 'string' ? { thoughtSignature: signature } : {}),
    });
  }
  return parts;
}

/** A `tool` (or legacy `function`) message: its text is the function's response. */
function responsePart(message: Obj, names: Map<string, string>): Obj {
  const id = typeof message.tool_call_id === 'string' ? message.tool_call_id : undefined;
  const name = (id !== undefined ? names.get(id) : undefined) ?? (typeof message.name === 'string' ? message.name : '');
  const text = contentParts(message.content)
    .map((p) => (typeof p.text === 'string' ? p.text : ''))
    .join('');
  return { functionResponse: { name, response: { content: text } } };
}

function embedRequest(body: Obj): Obj {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  return { content: { parts: inputs.filter((i) => typeof i === 'string').map((text) => ({ text })) } };
}

/**
 * The Gemini request counted for an OpenAI-format body at `url`: a chat completion becomes a GenerateContentRequest,
 * an embedding an EmbedContentRequest. Pure, total: whatever the body holds, it returns a request (fields it does not
 * understand are left out, as the estimate cannot size them either).
 */
export function openaiChatAsGemini(url: string, body: Obj): Obj {
  if (url.endsWith('/embeddings')) {
    return embedRequest(body);
  }
  const contents: Obj[] = [];
  const system: Obj[] = [];
  const names = new Map<string, string>();
  for (const message of Array.isArray(body.messages) ? body.messages : []) {
    if (!isRecord(message)) {
      continue;
    }
    if (message.role === 'system' || message.role === 'developer') {
      system.push(...contentParts(message.content));
    } else if (message.role === 'tool' || message.role === 'function') {
      contents.push({ role: 'user', parts: [responsePart(message, names)] });
    } else {
      const model = message.role === 'assistant';
      const parts = [...contentParts(message.content), ...(model ? callParts(message, names) : [])];
      contents.push({ role: model ? 'model' : 'user', parts });
    }
  }
  const request: Obj = { contents };
  if (system.length > 0) {
    // The SDKs send the system instruction with a role, which Gemini 2.5+ bills one token for (geminiRequestTokens.ts).
    request.systemInstruction = { role: 'user', parts: system };
  }
  const declarations = (Array.isArray(body.tools) ? body.tools : [])
    .map((tool) => (isRecord(tool) && isRecord(tool.function) ? tool.function : undefined))
    .filter((fn): fn is Obj => fn !== undefined)
    .map((fn) => ({
      name: typeof fn.name === 'string' ? fn.name : '',
      ...(typeof fn.description === 'string' ? { description: fn.description } : {}),
      // OpenAI parameters are JSON Schema: the field Gemini takes JSON Schema in.
      ...(fn.parameters !== undefined ? { parametersJsonSchema: fn.parameters } : {}),
    }));
  if (declarations.length > 0) {
    request.tools = [{ functionDeclarations: declarations }];
  }
  return request;
}
