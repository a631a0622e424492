import { createHash } from 'node:crypto';
import { parseObject } from './jobInput';
import { embed, generate, invalidArgument, type ModelResult } from '../model/localModel';
import { isKnownGeminiModel } from '../model/emulatedModels';
import { runOpenAI, type OpenAIResult } from '../openai/openaiModel';
import { lineFailure, truncated, truncatesJson } from './rehearsal';
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

/** A key a client can join by (what core/jobs/joinResults.ts matches): a string or a number. */
function joinable(key: unknown): boolean {
  return typeof key === 'string' || typeof key === 'number';
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

function shortHash(seed: string, len: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, len);
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

/** A rehearsed JSON chat answer cut short: `finish_reason: "length"`, the content stops mid-way. */
function cutOpenAI(answer: Obj, request: Obj | undefined): Obj {
  const format = (request?.response_format as Obj | undefined)?.type;
  const a = answer as { choices?: { message: { content: string | null }; finish_reason: string }[] };
  if ((format !== 'json_schema' && format !== 'json_object') || !Array.isArray(a.choices)) {
    return answer;
  }
  const choices = a.choices.map((c) => ({
    ...c,
    message: { ...c.message, content: truncated(c.message.content ?? '') },
    finish_reason: 'length',
  }));
  return { ...a, choices };
}

/** Runs one OpenAI batch line; HTTP failures go to the error file with `response.body.error` and `error: null`. */
function runOpenAILine(
  job: JobRecord,
  text: string,
  index: number,
  nowSec: number,
  promptTokens?: number,
): LineOutcome {
  const obj = parseObject(text) ?? {};
  const reqId = shortHash(`${job.id}:${index}`, 32);
  const body = obj.body as Record<string, unknown> | undefined;
  const failure = lineFailure(job, index);
  let result: OpenAIResult = failure
    ? {
        status: failure.http,
        body: { error: { message: failure.message, type: failure.type, param: null, code: failure.code } },
      }
    : runOpenAI(job.endpoint ?? '/v1/chat/completions', body, nowSec, promptTokens);
  if (!failure && result.status === 200 && truncatesJson(job, index)) {
    result = { ...result, body: cutOpenAI(result.body, body) };
  }
  const model = typeof body?.model === 'string' ? body.model : JSON.stringify(body?.model ?? null);
  if (job.api === 'openai-compat' && result.status === 200 && !isKnownGeminiModel(model.replace(/^models\//, ''))) {
    result = {
      status: 404,
      body: {
        error: {
          message: `models/${model} is not found for API version v1beta.`,
          type: 'invalid_request_error',
          param: 'model',
          code: 'model_not_found',
        },
      },
    };
  }
  const line = {
    id: `batch_req_${shortHash(`${job.id}:req:${index}`, 24)}`,
    custom_id: obj.custom_id ?? null,
    response: { status_code: result.status, request_id: reqId, body: result.body },
    error: null,
  };
  return {
    ok: result.status === 200,
    line: JSON.stringify(line),
    toErrorFile: result.status !== 200,
    keyed: joinable(line.custom_id),
    usage: result.usage,
  };
}

/** An OpenAI error-file line for a request that never ran because the batch expired. */
export function expiredLine(job: JobRecord, text: string, index: number): { line: string; keyed: boolean } {
  const obj = parseObject(text) ?? {};
  const line = JSON.stringify({
    id: `batch_req_${shortHash(`${job.id}:req:${index}`, 24)}`,
    custom_id: obj.custom_id ?? null,
    response: null,
    error: {
      code: 'batch_expired',
      message: 'This request could not be executed before the completion window expired.',
    },
  });
  return { line, keyed: joinable(obj.custom_id) };
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
    const line = {
      id: `batch_req_${shortHash(`${job.id}:req:${index}`, 24)}`,
      custom_id: obj.custom_id ?? null,
      response: {
        status_code: 400,
        request_id: shortHash(`${job.id}:${index}`, 32),
        body: {
          error: {
            message: 'The request body could not be read.',
            type: 'invalid_request_error',
            param: null,
            code: null,
          },
        },
      },
      error: null,
    };
    return { ok: false, line: JSON.stringify(line), toErrorFile: true, keyed: joinable(line.custom_id) };
  }
}
