import { embeddingSummary, type EmbeddingSummary } from './embeddingSummary';

/** One piece of an answer, as the view shows it. Model output is untrusted: renderers treat every string as text. */
export type AnswerPart =
  | { kind: 'text'; text: string; thought?: boolean }
  | { kind: 'functionCall'; name: string; args: unknown }
  | { kind: 'code'; language?: string; code: string }
  | { kind: 'codeResult'; outcome?: string; output: string }
  /** `inlineData` (base64 `data`) or `fileData` (`uri`); `bytes` is the decoded size when data is inline. */
  | { kind: 'media'; mimeType: string; data?: string; uri?: string; bytes?: number }
  | ({ kind: 'embedding' } & EmbeddingSummary)
  /** Anything else the body holds (moderation results, unknown part kinds): shown as JSON. */
  | { kind: 'json'; value: unknown };

/**
 * Token counts as the response reports them; absent ones stay undefined (never guessed). `output` excludes
 * `thoughts` for both providers, so output + thoughts is what is billed as output.
 */
export interface RowTokens {
  prompt?: number;
  output?: number;
  thoughts?: number;
  cached?: number;
  total?: number;
}

export interface Answer {
  parts: AnswerPart[];
  /** `STOP`, `MAX_TOKENS`, `SAFETY` (Gemini) or `stop`, `length`, `tool_calls` (OpenAI), as written. */
  finishReason?: string;
  tokens: RowTokens;
  modelVersion?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** Gemini writes int64 counts as strings in some responses (embeddings' `"tokenCount": "1"`, real-output/README). */
function num(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function base64Bytes(data: string): number {
  const pad = /={1,2}$/.exec(data)?.[0].length ?? 0; // the `=` padding: none, one or two
  return Math.max(0, Math.floor((data.length * 3) / 4) - pad);
}

/** A Gemini `Part` (camelCase as the REST API writes it; snake_case accepted as users' own files may hold it). */
function geminiPart(part: Obj): AnswerPart {
  const inline = [part.inlineData, part.inline_data].find(isObj);
  const file = [part.fileData, part.file_data].find(isObj);
  const call = [part.functionCall, part.function_call].find(isObj);
  const code = isObj(part.executableCode) ? part.executableCode : undefined;
  const result = isObj(part.codeExecutionResult) ? part.codeExecutionResult : undefined;
  if (typeof part.text === 'string') {
    return { kind: 'text', text: part.text, thought: part.thought === true ? true : undefined };
  }
  if (inline) {
    const data = str(inline.data) ?? '';
    return {
      kind: 'media',
      mimeType: str(inline.mimeType) ?? str(inline.mime_type) ?? 'application/octet-stream',
      data,
      bytes: base64Bytes(data),
    };
  }
  if (file) {
    return {
      kind: 'media',
      mimeType: str(file.mimeType) ?? str(file.mime_type) ?? 'application/octet-stream',
      uri: str(file.fileUri) ?? str(file.file_uri),
    };
  }
  if (call) {
    return { kind: 'functionCall', name: str(call.name) ?? '', args: call.args ?? {} };
  }
  if (code) {
    return { kind: 'code', language: str(code.language), code: str(code.code) ?? '' };
  }
  if (result) {
    return { kind: 'codeResult', outcome: str(result.outcome), output: str(result.output) ?? '' };
  }
  return { kind: 'json', value: part };
}

/** Gemini `GenerateContentResponse`: the first candidate (batch requests ask for one) and `usageMetadata`. */
function geminiGenerate(body: Obj): Answer {
  const candidate = arr(body.candidates).find(isObj) ?? {};
  const content = isObj(candidate.content) ? candidate.content : {};
  const usage = isObj(body.usageMetadata) ? body.usageMetadata : {};
  const blocked = isObj(body.promptFeedback) ? str(body.promptFeedback.blockReason) : undefined;
  return {
    parts: arr(content.parts).filter(isObj).map(geminiPart),
    finishReason: str(candidate.finishReason) ?? blocked,
    tokens: {
      prompt: num(usage.promptTokenCount),
      output: num(usage.candidatesTokenCount),
      thoughts: num(usage.thoughtsTokenCount),
      cached: num(usage.cachedContentTokenCount),
      total: num(usage.totalTokenCount),
    },
    modelVersion: str(body.modelVersion),
  };
}

/**
 * Gemini's OpenAI compatibility layer writes its batch results' usage in camelCase (`promptTokens`,
 * `completionTokens`, `totalTokens`) and `finishReason`, and its total holds the thinking tokens that
 * `completionTokens` leaves out: google-gemini/cookbook quickstarts/Get_started_OpenAI_Compatibility.ipynb (at
 * 64d2f7ea), the batch output of gemini-2.5-flash, `{"completionTokens":19,"promptTokens":9,"totalTokens":488}`.
 * The thoughts are what the total has beyond the two; OpenAI's own snake_case usage has none beyond them.
 */
function compatThoughts(usage: Obj, prompt?: number, completion?: number, total?: number): number | undefined {
  if (num(usage.completionTokens) === undefined || prompt === undefined || completion === undefined || !total) {
    return undefined;
  }
  return Math.max(0, total - prompt - completion);
}

/** OpenAI chat completion, legacy completion, responses, embeddings; anything else as JSON. */
function openaiBody(body: Obj): Answer {
  const usage = isObj(body.usage) ? body.usage : {};
  const inDetails = [usage.prompt_tokens_details, usage.input_tokens_details].find(isObj) ?? {};
  const outDetails = [usage.completion_tokens_details, usage.output_tokens_details].find(isObj) ?? {};
  // OpenAI counts reasoning inside completion_tokens (a detail of it); RowTokens keeps output and thoughts apart,
  // as Gemini reports them (candidatesTokenCount excludes thoughtsTokenCount), so every sum means the same.
  const completion = num(usage.completion_tokens) ?? num(usage.output_tokens) ?? num(usage.completionTokens);
  const prompt = num(usage.prompt_tokens) ?? num(usage.input_tokens) ?? num(usage.promptTokens);
  const total = num(usage.total_tokens) ?? num(usage.totalTokens);
  // OpenAI's reasoning is inside completion_tokens; the compat layer's thoughts are outside it (compatThoughts).
  const reasoning = num(outDetails.reasoning_tokens);
  const tokens: RowTokens = {
    prompt,
    output: completion === undefined ? undefined : Math.max(0, completion - (reasoning ?? 0)),
    thoughts: reasoning ?? compatThoughts(usage, prompt, completion, total),
    cached: num(inDetails.cached_tokens),
    total,
  };
  const model = str(body.model);
  const choice = arr(body.choices).find(isObj);
  if (choice) {
    const message = isObj(choice.message) ? choice.message : undefined;
    const parts: AnswerPart[] = [];
    const text = message ? (str(message.content) ?? str(message.refusal)) : str(choice.text);
    if (text !== undefined) {
      parts.push({ kind: 'text', text });
    }
    for (const call of arr(message?.tool_calls).filter(isObj)) {
      const fn = isObj(call.function) ? call.function : {};
      parts.push({ kind: 'functionCall', name: str(fn.name) ?? '', args: parseArgs(fn.arguments) });
    }
    return { parts, finishReason: str(choice.finish_reason) ?? str(choice.finishReason), tokens, modelVersion: model };
  }
  const data = arr(body.data).filter(isObj);
  if (data.length > 0 && Array.isArray(data[0].embedding)) {
    return {
      parts: data.map((d) => ({ kind: 'embedding' as const, ...embeddingSummary(arr(d.embedding)) })),
      tokens,
      modelVersion: model,
    };
  }
  if (Array.isArray(body.output)) {
    const parts: AnswerPart[] = [];
    for (const item of body.output.filter(isObj)) {
      for (const c of arr(item.content).filter(isObj)) {
        if (typeof c.text === 'string') {
          parts.push({ kind: 'text', text: c.text });
        }
      }
      if (item.type === 'function_call') {
        parts.push({ kind: 'functionCall', name: str(item.name) ?? '', args: parseArgs(item.arguments) });
      }
    }
    return { parts, finishReason: str(body.status), tokens, modelVersion: model };
  }
  return { parts: [{ kind: 'json', value: body }], tokens, modelVersion: model };
}

/** OpenAI writes tool-call arguments as a JSON string; show the object when it parses, the text otherwise. */
function parseArgs(value: unknown): unknown {
  if (typeof value !== 'string') {
    return value ?? {};
  }
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** A successful line's payload → what the view shows. Never throws; unknown bodies become one JSON part. */
export function answerOf(payload: unknown): Answer {
  if (!isObj(payload)) {
    return { parts: payload === undefined || payload === null ? [] : [{ kind: 'json', value: payload }], tokens: {} };
  }
  if ('candidates' in payload || 'usageMetadata' in payload || 'promptFeedback' in payload) {
    return geminiGenerate(payload);
  }
  // Gemini embeddings: `{"embedding": {"values"}, "tokenCount": "1"}` (real-output), batchEmbed's `embeddings`.
  const gEmbeds = isObj(payload.embedding) ? [payload.embedding] : arr(payload.embeddings).filter(isObj);
  if (gEmbeds.length > 0 && gEmbeds.every((e) => Array.isArray(e.values))) {
    return {
      parts: gEmbeds.map((e) => ({ kind: 'embedding' as const, ...embeddingSummary(arr(e.values)) })),
      tokens: { prompt: num(payload.tokenCount) },
    };
  }
  return openaiBody(payload);
}
