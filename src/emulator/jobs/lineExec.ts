import { parseObject } from './jobInput';
import { embed, generate, invalidArgument, type ModelResult } from '../model/localModel';
import { lineFailure, truncated, truncatesJson } from './rehearsal';
import { joinable, runOpenAILine, unreadableOpenAILine } from './openaiLine';
import type { JobRecord } from '../contract';

/** The result of one input line: the output line and which results file it goes to. */
export interface LineOutcome {
  ok: boolean;
  /** The JSONL line (no newline). */
  line: string;
  /** OpenAI only: true when the line belongs in the error file. */
  toErrorFile: boolean;
  /** The line carries a key (`key` / `custom_id`) a client can join it by, so its place in the results may change. */
  keyed: boolean;
  usage?: { input: number; output: number };
}

/**
 * An inline request's `metadata` is what a client matches an inline response by: the docs promise input order, but
 * responses have come back out of order (reference batch-api.md, pitfall 1, googleapis/python-genai#1909).
 */
function hasMetadata(metadata: unknown): boolean {
  return typeof metadata === 'object' && metadata !== null && Object.keys(metadata).length > 0;
}

function geminiLine(result: ModelResult, tag: { key?: unknown; metadata?: unknown }): LineOutcome {
  // Real output puts `response`/`error` first and `key` last.
  const out: Record<string, unknown> = 'response' in result ? { response: result.response } : { error: result.error };
  if (tag.metadata !== undefined) {
    out.metadata = tag.metadata;
  }
  if (tag.key !== undefined) {
    out.key = tag.key;
  }
  return {
    ok: 'response' in result,
    line: JSON.stringify(out),
    toErrorFile: false,
    keyed: joinable(tag.key) || hasMetadata(tag.metadata),
  };
}

type Obj = Record<string, unknown>;

/** Whether a Gemini request asks for JSON (`responseMimeType: application/json`). */
function wantsJson(request: unknown): boolean {
  const config = (request as Obj | undefined)?.generationConfig ?? (request as Obj | undefined)?.generation_config;
  const mime = (config as Obj | undefined)?.responseMimeType ?? (config as Obj | undefined)?.response_mime_type;
  return mime === 'application/json';
}

/** A rehearsed JSON answer cut short: the text stops mid-way and the finish reason says why (`MAX_TOKENS`). */
function cutGemini(result: ModelResult): ModelResult {
  if (!('response' in result)) {
    return result;
  }
  const candidates = (
    result.response.candidates as { content: { parts: { text?: string }[] }; finishReason: string }[]
  ).map((c) => ({
    ...c,
    content: {
      ...c.content,
      parts: c.content.parts.map((p) => (typeof p.text === 'string' ? { ...p, text: truncated(p.text) } : p)),
    },
    finishReason: 'MAX_TOKENS',
  }));
  return { response: { ...result.response, candidates } };
}

/** Runs one Gemini line (file `{key, request}` or bare request; inline `{request, metadata}`). */
function runGemini(job: JobRecord, text: string, index: number, promptTokens?: number): LineOutcome {
  const obj = parseObject(text);
  if (!obj) {
    return geminiLine({ error: invalidArgument('Invalid JSON payload received.') }, {});
  }
  const wrapped = 'request' in obj || 'key' in obj || job.inline;
  const request = wrapped ? obj.request : obj;
  const tag = job.inline ? { metadata: obj.metadata } : { key: obj.key };
  const model = job.model.replace(/^models\//, '');
  const failure = lineFailure(job, index);
  if (failure) {
    return geminiLine({ error: { code: failure.grpc, message: failure.message } }, tag);
  }
  const result = job.kind === 'embed' ? embed(request, promptTokens) : generate(model, request, promptTokens);
  return geminiLine(
    job.kind !== 'embed' && wantsJson(request) && truncatesJson(job, index) ? cutGemini(result) : result,
    tag,
  );
}

/**
 * Runs the `index`-th request of a job through the local model. A line the local model cannot take (it throws on
 * some value nobody foresaw) fails alone, as a per-line 400, instead of failing the whole job. `promptTokens`: the
 * line's input as the estimate counts it (lineCount.ts), when the emulator was given a counter.
 */
export function runLine(
  job: JobRecord,
  text: string,
  index: number,
  nowMs: number,
  promptTokens?: number,
): LineOutcome {
  try {
    return job.kind === 'openai'
      ? runOpenAILine(job, text, index, Math.floor(nowMs / 1000), promptTokens)
      : runGemini(job, text, index, promptTokens);
  } catch {
    const obj = parseObject(text) ?? {};
    if (job.kind !== 'openai') {
      return geminiLine(
        { error: invalidArgument('Invalid JSON payload received.') },
        job.inline ? { metadata: obj.metadata } : { key: obj.key },
      );
    }
    return unreadableOpenAILine(job, obj, index);
  }
}
