import { createHash } from 'node:crypto';
import { parseObject } from './jobInput';
import { isKnownGeminiModel } from '../model/emulatedModels';
import { runOpenAI, type OpenAIResult } from '../openai/openaiModel';
import { lineFailure, truncated, truncatesJson } from './rehearsal';
import { compatChatLine } from './compatLine';
import type { LineOutcome } from './lineExec';
import type { JobRecord } from '../contract';

/**
 * The OpenAI side of running a batch line (lineExec.ts runs the Gemini side and dispatches): the output and
 * error-file lines of OpenAI's batch format, `{id, custom_id, response: {status_code, request_id, body}, error}`.
 */

type Obj = Record<string, unknown>;

/** A key a client can join by (what core/jobs/joinResults.ts matches): a string or a number. */
export function joinable(key: unknown): boolean {
  return typeof key === 'string' || typeof key === 'number';
}

function shortHash(seed: string, len: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, len);
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
export function runOpenAILine(
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
  const customId = obj.custom_id ?? null;
  const compatAnswer =
    job.api === 'openai-compat' &&
    result.status === 200 &&
    (job.endpoint ?? '/v1/chat/completions') === '/v1/chat/completions';
  const line = compatAnswer
    ? compatChatLine(customId, result.status, result.body)
    : {
        id: `batch_req_${shortHash(`${job.id}:req:${index}`, 24)}`,
        custom_id: customId,
        response: { status_code: result.status, request_id: reqId, body: result.body },
        error: null,
      };
  return {
    ok: result.status === 200,
    line: JSON.stringify(line),
    toErrorFile: result.status !== 200,
    keyed: joinable(customId),
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

/** The error-file line of a line the local model could not take at all (it threw): a per-line 400. */
export function unreadableOpenAILine(job: JobRecord, obj: Obj, index: number): LineOutcome {
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
