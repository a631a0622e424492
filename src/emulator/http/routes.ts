import type { Call, EmulatorContext } from './context';
import { HttpError, header } from './httpUtil';
import { continueUpload, startUpload } from '../gemini/uploads';
import { deleteFile, downloadFile, getFile, listFiles } from '../gemini/filesRoutes';
import { createWebhook, deleteWebhook, getWebhook, listWebhooks } from '../gemini/webhooks';
import { cancelBatch, createBatch, deleteBatch, getBatch, listBatches } from '../gemini/batchesRoutes';
import { cancelOpenAIBatch, createOpenAIBatch, findOpenAIJob, listOpenAIBatches, openaiBatch } from '../openai/batchesRoutes';
import { createOpenAIFile, deleteOpenAIFile, getOpenAIFile, listOpenAIFiles, openAIFileContent } from '../openai/filesRoutes';
import { geminiModels, openaiModels, syncGemini, syncOpenAI } from './syncEndpoints';
import { sendJson } from './httpUtil';
import type { JobApi } from '../contract';
import { isOpenAIBatchEndpoint, OPENAI_BATCH_ENDPOINTS } from '../../core/openaiEndpoints';

export type Handler = () => Promise<void> | void;

/** Which API a request is for: decides auth, error style and routing. */
export type Surface = 'gemini' | 'openai' | 'openai-compat';

const VERSIONS = ['v1', 'v1beta'];

/** `chat`, `embeddings`, `images`…: the first path segment of every OpenAI endpoint (Gemini's v1 has none of them). */
const OPENAI_FIRST_SEGMENTS: readonly string[] = OPENAI_BATCH_ENDPOINTS.map((e) => e.split('/')[2]);

/**
 * `/v1/...` is both Gemini's v1 API and OpenAI's API. The rule (README, "Local emulator"): a Gemini key
 * (`x-goog-api-key` or `?key=`) makes it Gemini; else `Authorization: Bearer` makes it OpenAI; with no key at
 * all, a path only OpenAI has (an OpenAI batch endpoint such as `chat/completions` or `images/edits`, a `file-…` or
 * `batch_…` id, a multipart body) makes it OpenAI (so the 401 comes in OpenAI's shape), anything else Gemini.
 */
export function surfaceOf(call: Call): Surface {
  const [first, second, third] = call.segments;
  if (first === 'v1beta' && second === 'openai') {
    return 'openai-compat';
  }
  if (first !== 'v1') {
    return 'gemini';
  }
  const geminiKey = header(call.req, 'x-goog-api-key') !== undefined || call.url.searchParams.has('key');
  const bearer = /^bearer\s/i.test(header(call.req, 'authorization') ?? '');
  const openaiPath = OPENAI_FIRST_SEGMENTS.includes(second ?? '')
    || (second === 'files' && (third ?? '').startsWith('file-'))
    || (second === 'batches' && (third ?? '').startsWith('batch_'))
    || /^multipart\//i.test(header(call.req, 'content-type') ?? '');
  if (geminiKey) {
    return 'gemini';
  }
  return bearer || openaiPath ? 'openai' : 'gemini';
}

function splitMethod(segment: string): [string, string | undefined] {
  const at = segment.lastIndexOf(':');
  return at < 0 ? [segment, undefined] : [segment.slice(0, at), segment.slice(at + 1)];
}

/** Routes a Gemini request (`/{v}/…`, `/upload/{v}/files`, `/download/{v}/files/…`). */
export function geminiRoute(ctx: EmulatorContext, call: Call): Handler | undefined {
  const m = call.req.method ?? 'GET';
  const s = call.segments;
  if (s[0] === 'upload' && VERSIONS.includes(s[1]) && s[2] === 'files' && s.length === 3 && m === 'POST') {
    return call.url.searchParams.has('upload_id') ? () => continueUpload(ctx, call) : () => startUpload(ctx, call, s[1]);
  }
  if (s[0] === 'download' && VERSIONS.includes(s[1]) && s[2] === 'files' && s.length === 4 && m === 'GET') {
    const [id, verb] = splitMethod(s[3]);
    return verb === 'download' ? () => downloadFile(ctx, call, id) : undefined;
  }
  if (!VERSIONS.includes(s[0])) {
    return undefined;
  }
  const v = s[0];
  const [res, item, extra] = [s[1], s[2], s[3]];
  if (extra !== undefined) {
    return undefined;
  }
  if (res === 'files') {
    if (item === undefined) {
      return m === 'GET' ? () => listFiles(ctx, call, v) : undefined;
    }
    const [id, verb] = splitMethod(item);
    if (verb === 'download' && m === 'GET') {
      return () => downloadFile(ctx, call, id);
    }
    return verb !== undefined ? undefined : m === 'GET' ? () => getFile(ctx, call, v, id) : m === 'DELETE' ? () => deleteFile(ctx, call, id) : undefined;
  }
  if (res === 'batches') {
    if (item === undefined) {
      return m === 'GET' ? () => listBatches(ctx, call) : undefined;
    }
    const [id, verb] = splitMethod(item);
    if (verb === 'cancel' && m === 'POST') {
      return () => cancelBatch(ctx, call, id);
    }
    return verb !== undefined ? undefined : m === 'GET' ? () => getBatch(ctx, call, id) : m === 'DELETE' ? () => deleteBatch(ctx, call, id) : undefined;
  }
  if (res === 'webhooks') {
    if (item === undefined) {
      return m === 'POST' ? () => createWebhook(ctx, call) : m === 'GET' ? () => listWebhooks(ctx, call) : undefined;
    }
    return m === 'GET' ? () => getWebhook(ctx, call, item) : m === 'DELETE' ? () => deleteWebhook(ctx, call, item) : undefined;
  }
  if (res === 'models') {
    if (item === undefined) {
      return m === 'GET' ? () => geminiModels(call, undefined) : undefined;
    }
    const [model, verb] = splitMethod(item);
    if (verb === undefined) {
      return m === 'GET' ? () => geminiModels(call, model) : undefined;
    }
    if (m !== 'POST') {
      return undefined;
    }
    if (verb === 'batchGenerateContent' || verb === 'asyncBatchEmbedContent') {
      return () => createBatch(ctx, call, v, model, verb);
    }
    return () => syncGemini(call, v, model, verb);
  }
  return undefined;
}

/** Routes an OpenAI request; `rest` is the path after `/v1/` or `/v1beta/openai/`. */
export function openaiRoute(ctx: EmulatorContext, call: Call, api: JobApi, rest: string[]): Handler | undefined {
  const m = call.req.method ?? 'GET';
  const [res, id, sub, more] = rest;
  if (more !== undefined) {
    return undefined;
  }
  if (res === 'batches') {
    if (id === undefined) {
      return m === 'POST' ? () => createOpenAIBatch(ctx, call, api) : m === 'GET' ? () => listOpenAIBatches(ctx, call, api) : undefined;
    }
    if (sub === 'cancel' && m === 'POST') {
      return () => cancelOpenAIBatch(ctx, call, api, id);
    }
    return sub === undefined && m === 'GET' ? () => sendJson(call.res, 200, openaiBatch(ctx, findOpenAIJob(ctx, api, id))) : undefined;
  }
  if (res === 'files' && api === 'openai') {
    if (id === undefined) {
      return m === 'POST' ? () => createOpenAIFile(ctx, call) : m === 'GET' ? () => listOpenAIFiles(ctx, call) : undefined;
    }
    if (sub === 'content') {
      return m === 'GET' ? () => openAIFileContent(ctx, call, id) : undefined;
    }
    return sub !== undefined ? undefined : m === 'GET' ? () => getOpenAIFile(ctx, call, id) : m === 'DELETE' ? () => deleteOpenAIFile(ctx, call, id) : undefined;
  }
  if (res === 'files') {
    return () => {
      throw new HttpError(404, 'The OpenAI Files API is not available through the Gemini OpenAI compatibility layer: upload and download with the Gemini Files API (/upload/v1beta/files, files/{id}:download).');
    };
  }
  if (res === 'models' && m === 'GET' && sub === undefined) {
    return () => openaiModels(call, api, id);
  }
  const endpoint = `/v1/${rest.join('/')}`;
  if (m === 'POST' && isOpenAIBatchEndpoint(endpoint)) {
    return () => syncOpenAI(call, api, endpoint, ctx.now());
  }
  return undefined;
}
