import type { Call, EmulatorContext } from './context';
import { HttpError, sendJson } from './httpUtil';
import { compilePath, type Params, type PathMatcher } from './pathTemplate';
import type { Surface } from './surface';
import { continueUpload, startUpload } from '../gemini/uploads';
import { deleteFile, downloadFile, getFile, listFiles } from '../gemini/filesRoutes';
import { createWebhook, deleteWebhook, getWebhook, listWebhooks } from '../gemini/webhooks';
import { cancelBatch, createBatch, deleteBatch, getBatch, listBatches } from '../gemini/batchesRoutes';
import {
  cancelOpenAIBatch,
  createOpenAIBatch,
  findOpenAIJob,
  listOpenAIBatches,
  openaiBatch,
} from '../openai/batchesRoutes';
import {
  createOpenAIFile,
  deleteOpenAIFile,
  getOpenAIFile,
  listOpenAIFiles,
  openAIFileContent,
} from '../openai/filesRoutes';
import { geminiModels, openaiModels, syncGemini, syncOpenAI } from './syncEndpoints';
import type { JobApi } from '../contract';
import { OPENAI_BATCH_ENDPOINTS } from '../../core/openaiEndpoints';

export type Handler = () => Promise<void> | void;

/** What a route runs: `api` is the surface the request came in on (an OpenAI route serves both of its forms). */
type RouteHandler = (ctx: EmulatorContext, call: Call, p: Params, api: JobApi) => Promise<void> | void;

interface Route {
  /** `*`: any method. */
  method: 'GET' | 'POST' | 'DELETE' | '*';
  /** The APIs it serves. The pattern sees the path after that API's prefix: all of it for Gemini, the part after
   * `/v1/` for OpenAI, after `/v1beta/openai/` for the compat layer. */
  surfaces: readonly Surface[];
  /** A path template or RegExp (pathTemplate.ts). */
  pattern: string | RegExp;
  handler: RouteHandler;
}

const GEMINI: readonly Surface[] = ['gemini'];
const OPENAI: readonly Surface[] = ['openai'];
const COMPAT: readonly Surface[] = ['openai-compat'];
const ANY_OPENAI: readonly Surface[] = ['openai', 'openai-compat'];
const V = '{v=v1|v1beta}';

const compatFiles: RouteHandler = () => {
  throw new HttpError(
    404,
    'The OpenAI Files API is not available through the Gemini OpenAI compatibility layer: upload and download with the Gemini Files API (/upload/v1beta/files, files/{id}:download).',
  );
};

/** `chat/completions|embeddings|…`: every OpenAI batch endpoint, served at once (`/v1/` taken off). */
const SYNC_OPENAI = new RegExp(
  `^(?<endpoint>${OPENAI_BATCH_ENDPOINTS.map((e) => e.slice('/v1/'.length).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
);

/** Every path the emulator serves. The first route whose method, surface and pattern all match handles the request. */
const ROUTES: readonly Route[] = [
  // Gemini (`/{v}/…`, `/upload/{v}/files`, `/download/{v}/files/…`): the first POST of an upload starts a session,
  // the ones with its `upload_id` carry the data.
  {
    method: 'POST',
    surfaces: GEMINI,
    pattern: `upload/${V}/files`,
    handler: (ctx, call, p) =>
      call.url.searchParams.has('upload_id') ? continueUpload(ctx, call) : startUpload(ctx, call, p.v),
  },
  {
    method: 'GET',
    surfaces: GEMINI,
    pattern: `download/${V}/files/{id}:download`,
    handler: (ctx, call, p) => downloadFile(ctx, call, p.id),
  },
  { method: 'GET', surfaces: GEMINI, pattern: `${V}/files`, handler: (ctx, call, p) => listFiles(ctx, call, p.v) },
  {
    method: 'GET',
    surfaces: GEMINI,
    pattern: `${V}/files/{id}:download`,
    handler: (ctx, call, p) => downloadFile(ctx, call, p.id),
  },
  {
    method: 'GET',
    surfaces: GEMINI,
    pattern: `${V}/files/{id}`,
    handler: (ctx, call, p) => getFile(ctx, call, p.v, p.id),
  },
  {
    method: 'DELETE',
    surfaces: GEMINI,
    pattern: `${V}/files/{id}`,
    handler: (ctx, call, p) => deleteFile(ctx, call, p.id),
  },
  { method: 'GET', surfaces: GEMINI, pattern: `${V}/batches`, handler: (ctx, call) => listBatches(ctx, call) },
  {
    method: 'POST',
    surfaces: GEMINI,
    pattern: `${V}/batches/{id}:cancel`,
    handler: (ctx, call, p) => cancelBatch(ctx, call, p.id),
  },
  {
    method: 'GET',
    surfaces: GEMINI,
    pattern: `${V}/batches/{id}`,
    handler: (ctx, call, p) => getBatch(ctx, call, p.id),
  },
  {
    method: 'DELETE',
    surfaces: GEMINI,
    pattern: `${V}/batches/{id}`,
    handler: (ctx, call, p) => deleteBatch(ctx, call, p.id),
  },
  { method: 'POST', surfaces: GEMINI, pattern: `${V}/webhooks`, handler: (ctx, call) => createWebhook(ctx, call) },
  { method: 'GET', surfaces: GEMINI, pattern: `${V}/webhooks`, handler: (ctx, call) => listWebhooks(ctx, call) },
  {
    method: 'GET',
    surfaces: GEMINI,
    pattern: `${V}/webhooks/{id*}`,
    handler: (ctx, call, p) => getWebhook(ctx, call, p.id),
  },
  {
    method: 'DELETE',
    surfaces: GEMINI,
    pattern: `${V}/webhooks/{id*}`,
    handler: (ctx, call, p) => deleteWebhook(ctx, call, p.id),
  },
  { method: 'GET', surfaces: GEMINI, pattern: `${V}/models`, handler: (_ctx, call) => geminiModels(call, undefined) },
  {
    method: 'GET',
    surfaces: GEMINI,
    pattern: `${V}/models/{model}`,
    handler: (_ctx, call, p) => geminiModels(call, p.model),
  },
  {
    method: 'POST',
    surfaces: GEMINI,
    pattern: `${V}/models/{model}:{verb=batchGenerateContent|asyncBatchEmbedContent}`,
    handler: (ctx, call, p) => createBatch(ctx, call, p.v, p.model, p.verb),
  },
  {
    method: 'POST',
    surfaces: GEMINI,
    pattern: `${V}/models/{model}:{verb}`,
    handler: (ctx, call, p) => syncGemini(call, p.v, p.model, p.verb, ctx.count),
  },
  // OpenAI: `/v1/…` (OpenAI's own form) and `/v1beta/openai/…` (Gemini's compat layer, which has no Files API).
  {
    method: 'POST',
    surfaces: ANY_OPENAI,
    pattern: 'batches',
    handler: (ctx, call, _p, api) => createOpenAIBatch(ctx, call, api),
  },
  {
    method: 'GET',
    surfaces: ANY_OPENAI,
    pattern: 'batches',
    handler: (ctx, call, _p, api) => listOpenAIBatches(ctx, call, api),
  },
  {
    method: 'POST',
    surfaces: ANY_OPENAI,
    pattern: 'batches/{id*}/cancel',
    handler: (ctx, call, p, api) => cancelOpenAIBatch(ctx, call, api, p.id),
  },
  {
    method: 'GET',
    surfaces: ANY_OPENAI,
    pattern: 'batches/{id*}',
    handler: (ctx, call, p, api) => sendJson(call.res, 200, openaiBatch(ctx, findOpenAIJob(ctx, api, p.id))),
  },
  { method: 'POST', surfaces: OPENAI, pattern: 'files', handler: (ctx, call) => createOpenAIFile(ctx, call) },
  { method: 'GET', surfaces: OPENAI, pattern: 'files', handler: (ctx, call) => listOpenAIFiles(ctx, call) },
  {
    method: 'GET',
    surfaces: OPENAI,
    pattern: 'files/{id*}/content',
    handler: (ctx, call, p) => openAIFileContent(ctx, call, p.id),
  },
  {
    method: 'GET',
    surfaces: OPENAI,
    pattern: 'files/{id*}',
    handler: (ctx, call, p) => getOpenAIFile(ctx, call, p.id),
  },
  {
    method: 'DELETE',
    surfaces: OPENAI,
    pattern: 'files/{id*}',
    handler: (ctx, call, p) => deleteOpenAIFile(ctx, call, p.id),
  },
  { method: '*', surfaces: COMPAT, pattern: 'files', handler: compatFiles },
  { method: '*', surfaces: COMPAT, pattern: 'files/{id*}', handler: compatFiles },
  { method: '*', surfaces: COMPAT, pattern: 'files/{id*}/{sub*}', handler: compatFiles },
  {
    method: 'GET',
    surfaces: ANY_OPENAI,
    pattern: 'models',
    handler: (_ctx, call, _p, api) => openaiModels(call, api, undefined),
  },
  {
    method: 'GET',
    surfaces: ANY_OPENAI,
    pattern: 'models/{id*}',
    handler: (_ctx, call, p, api) => openaiModels(call, api, p.id),
  },
  {
    method: 'POST',
    surfaces: ANY_OPENAI,
    pattern: SYNC_OPENAI,
    handler: (ctx, call, p, api) => syncOpenAI(call, api, `/v1/${p.endpoint}`, ctx.now(), ctx.count),
  },
];

const COMPILED: readonly (Route & { match: PathMatcher })[] = ROUTES.map((r) => ({
  ...r,
  match: compilePath(r.pattern),
}));

/** How many leading segments name the API rather than the resource: `openai` (`v1`), `openai-compat` (`v1beta/openai`). */
const PREFIX: Record<Surface, number> = { gemini: 0, openai: 1, 'openai-compat': 2 };

/** A matched route: its pattern (for tests and logs) and the parameters taken from the path. */
export interface RouteMatch {
  pattern: string | RegExp;
  params: Params;
  handler: RouteHandler;
}

/**
 * The one place a request is routed: the first route that takes this method, surface and path (the path's segments
 * percent-decoded, the surface's prefix included), or undefined (the caller answers 404, for an unknown path and a
 * wrong method alike).
 */
export function matchRoute(method: string, surface: Surface, segments: readonly string[]): RouteMatch | undefined {
  const path = segments.slice(PREFIX[surface]);
  for (const r of COMPILED) {
    if ((r.method === '*' || r.method === method) && r.surfaces.includes(surface)) {
      const params = r.match(path);
      if (params) {
        return { pattern: r.pattern, params, handler: r.handler };
      }
    }
  }
  return undefined;
}

/** The handler for one request, bound to it, or undefined when no route takes it. */
export function findHandler(ctx: EmulatorContext, call: Call, surface: Surface): Handler | undefined {
  const m = matchRoute(call.req.method ?? 'GET', surface, call.segments);
  return m && (() => m.handler(ctx, call, m.params, surface));
}
