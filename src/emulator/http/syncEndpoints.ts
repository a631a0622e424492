import type { Call } from './context';
import { HttpError, readJsonBody, sendJson } from './httpUtil';
import { embed, generate } from '../model/localModel';
import { promptUsage } from '../model/usage';
import {
  EMULATED_MODELS,
  OPENAI_MODEL_IDS,
  geminiModelResource,
  isKnownGeminiModel,
  openaiModelResource,
} from '../model/emulatedModels';
import { runOpenAI } from '../openai/openaiModel';
import type { JobApi } from '../contract';
import type { PromptCount } from '../model/promptCount';

/** `GET /{v}/models` and `GET /{v}/models/{id}`. */
export function geminiModels(call: Call, id: string | undefined): void {
  if (id === undefined) {
    sendJson(call.res, 200, { models: EMULATED_MODELS.map(geminiModelResource) });
    return;
  }
  const m = EMULATED_MODELS.find((x) => x.id === id);
  if (!m) {
    throw new HttpError(404, `models/${id} is not found.`);
  }
  sendJson(call.res, 200, geminiModelResource(m));
}

/** `GET /models` in OpenAI's shape (Gemini ids under the compat layer, OpenAI ids too under /v1/). */
export function openaiModels(call: Call, api: JobApi, id: string | undefined): void {
  const ids = [
    ...EMULATED_MODELS.map((m) => (api === 'openai' ? m.id : `models/${m.id}`)),
    ...(api === 'openai' ? OPENAI_MODEL_IDS : []),
  ];
  if (id === undefined) {
    sendJson(call.res, 200, { object: 'list', data: ids.map(openaiModelResource) });
    return;
  }
  const found = ids.find((x) => x === id || x === `models/${id}`);
  if (!found) {
    throw new HttpError(404, `The model '${id}' does not exist`, {}, { code: 'model_not_found', param: 'model' });
  }
  sendJson(call.res, 200, openaiModelResource(found));
}

/**
 * Runs the local model on a client's body: a throw there comes from a value of a type nobody foresaw (an object
 * where a string belongs), so it is the client's 400, never a 500 that invites retries.
 */
function fromModel<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof HttpError) {
      throw e;
    }
    throw new HttpError(
      400,
      'Invalid JSON payload received: a field holds a value of the wrong type.',
      {},
      { code: 'invalid_type' },
    );
  }
}

/**
 * The GenerateContentRequest of a countTokens body: `{contents}` (what @google/genai sends,
 * countTokensParametersToMldev) or `{generateContentRequest}` (discovery CountTokensRequest).
 */
function countedRequest(body: Record<string, unknown>): Record<string, unknown> {
  return typeof body.generateContentRequest === 'object' && body.generateContentRequest !== null
    ? (body.generateContentRequest as Record<string, unknown>)
    : body;
}

/** The synchronous Gemini calls the local model can answer: generateContent, embedContent, countTokens. */
export async function syncGemini(
  call: Call,
  version: string,
  model: string,
  verb: string,
  count?: PromptCount,
): Promise<void> {
  const body = await readJsonBody(call.req);
  if (!isKnownGeminiModel(model)) {
    throw new HttpError(
      404,
      `models/${model} is not found for API version ${version}, or is not supported for ${verb}.`,
    );
  }
  // The two verbs that report a prompt count, counted as the estimate counts (EmulatorOptions.promptTokens).
  const counts = count && (verb === 'generateContent' || verb === 'countTokens');
  const counted = counts
    ? await count({ request: verb === 'countTokens' ? countedRequest(body) : body }, model)
    : undefined;
  const result = fromModel(() => {
    if (verb === 'generateContent') {
      return generate(model, body, counted);
    }
    return verb === 'embedContent' ? embed(body) : undefined;
  });
  if (verb === 'batchEmbedContents') {
    const requests = Array.isArray(body.requests) ? body.requests : [];
    const embeddings = requests.map((r, i) => {
      const one = fromModel(() => embed(r));
      if ('error' in one) {
        throw new HttpError(400, `* BatchEmbedContentsRequest.requests[${i}]: ${one.error.message}`);
      }
      return one.response.embedding;
    });
    sendJson(call.res, 200, { embeddings });
    return;
  }
  if (verb === 'countTokens') {
    // Counted by the same function as usageMetadata's promptTokenCount (usage.ts); the answer carries what the SDK
    // reads back: totalTokens and cachedContentTokenCount (CountTokensResponse).
    const usage = promptUsage(countedRequest(body), counted === undefined ? undefined : { tokens: counted, model });
    sendJson(call.res, 200, {
      totalTokens: usage.total,
      ...(usage.cached !== undefined ? { cachedContentTokenCount: usage.cached } : {}),
      promptTokensDetails: usage.details,
    });
    return;
  }
  if (!result) {
    throw new HttpError(404, `Method models/${model}:${verb} is not served by the emulator.`);
  }
  if ('error' in result) {
    // Every local-model failure is INVALID_ARGUMENT, answered synchronously as HTTP 400 (code.proto's mapping).
    throw new HttpError(400, result.error.message);
  }
  // embedContent answers `{embedding}` without the batch-only tokenCount.
  sendJson(call.res, 200, verb === 'embedContent' ? { embedding: result.response.embedding } : result.response);
}

/** `POST` to any OpenAI batch endpoint (src/core/openaiEndpoints.ts): the same local model, answered at once. */
export async function syncOpenAI(
  call: Call,
  api: JobApi,
  endpoint: string,
  nowMs: number,
  count?: PromptCount,
): Promise<void> {
  const body = await readJsonBody(call.req);
  if (body.stream === true) {
    throw new HttpError(
      400,
      'Streaming is not supported by the emulator.',
      {},
      { code: 'unsupported_value', param: 'stream' },
    );
  }
  if (
    api === 'openai-compat' &&
    typeof body.model === 'string' &&
    !isKnownGeminiModel(body.model.replace(/^models\//, ''))
  ) {
    throw new HttpError(404, `models/${body.model} is not found.`, {}, { code: 'model_not_found', param: 'model' });
  }
  const counted = count ? await count({ url: endpoint, body }, undefined) : undefined;
  const result = fromModel(() => runOpenAI(endpoint, body, Math.floor(nowMs / 1000), counted));
  sendJson(call.res, result.status, result.body);
}
