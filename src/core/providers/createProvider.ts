import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { deleteGeminiJob, geminiFileStore, listGeminiModels } from './geminiFiles';
import { GeminiProvider } from './geminiProvider';
import { trimBase, type GeminiEndpoint } from './geminiRest';
import { instrumentedFetch } from './instrumentedFetch';
import { listOpenAIModels, openaiFileStore } from './openaiFiles';
import { OpenAIBatchProvider } from './openaiProvider';
import { BatchApiError, type BatchProvider, type ProviderConfig } from './types';

export type { ProviderConfig } from './types';

/** An `openai` SDK client that never retries on its own (a retried create can make a second job). */
function openaiClient(config: ProviderConfig, baseURL: string): OpenAI {
  const fetch = instrumentedFetch({
    apiKey: config.apiKey,
    onCall: config.onCall,
    fetch: config.fetch,
    throwOnHttpError: false,
  });
  return new OpenAI({
    // The SDK refuses to construct without a key; an empty key is sent as no credentials, so the server says `auth`.
    apiKey: config.apiKey || 'none',
    baseURL,
    maxRetries: 0,
    timeout: 10 * 60 * 1000,
    fetch: config.apiKey ? fetch : withoutAuthorization(fetch),
  });
}

function withoutAuthorization(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return ((input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.delete('authorization');
    return fetch(input, { ...init, headers });
  }) as typeof globalThis.fetch;
}

/** A blank base-URL setting is a configuration error, said plainly (not an `Invalid URL` from deep inside fetch). */
function baseUrl(value: string, setting: string): string {
  if (!value.trim()) {
    throw new BatchApiError('invalid', `The setting geminiBatch.${setting} is empty: set it to the API's base URL.`);
  }
  return trimBase(value.trim());
}

function geminiEndpoint(config: ProviderConfig): GeminiEndpoint {
  return {
    baseUrl: baseUrl(config.geminiBaseUrl, 'gemini.baseUrl'),
    version: config.geminiApiVersion,
    apiKey: config.apiKey,
    fetch: instrumentedFetch({
      apiKey: config.apiKey,
      onCall: config.onCall,
      fetch: config.fetch,
      throwOnHttpError: true,
    }),
  };
}

/** Gemini's OpenAI-compatible batch layer: batches via the openai SDK, files via the Gemini Files API. */
function geminiCompat(config: ProviderConfig, endpoint: GeminiEndpoint): OpenAIBatchProvider {
  const client = openaiClient(config, `${endpoint.baseUrl}/v1beta/openai/`);
  return new OpenAIBatchProvider({
    id: config.id,
    apiKey: config.apiKey,
    client,
    files: geminiFileStore(endpoint),
    listModels: (kind, signal) => listGeminiModels(endpoint, kind, signal),
    deleteJob: (name) => deleteGeminiJob(endpoint, name),
    displayNameInMetadata: false,
    pathId: (name) => name.replace(/^batches\//, ''),
  });
}

/**
 * Builds the provider for `config.id`. `emulator` is the `gemini` provider pointed at the emulator, so the run loop
 * is exercised through exactly the code used for the real service. Every HTTP call goes through one instrumented
 * fetch: `onCall` gets method, path (no query string), status and duration — never the key.
 */
export function createProvider(config: ProviderConfig): BatchProvider {
  if (config.id === 'openai') {
    const client = openaiClient(config, baseUrl(config.openaiBaseUrl, 'openai.baseUrl'));
    return new OpenAIBatchProvider({
      id: 'openai',
      apiKey: config.apiKey,
      client,
      files: openaiFileStore(client),
      listModels: (kind, signal) => listOpenAIModels(client, kind, signal),
      displayNameInMetadata: true,
    });
  }
  const endpoint = geminiEndpoint(config);
  if (config.id === 'geminiOpenAI') {
    return geminiCompat(config, endpoint);
  }
  const ai = new GoogleGenAI({
    vertexai: false,
    apiKey: config.apiKey,
    httpOptions: { baseUrl: endpoint.baseUrl, apiVersion: endpoint.version, fetch: endpoint.fetch },
  });
  return new GeminiProvider(config.id, endpoint, ai, geminiCompat(config, endpoint));
}
