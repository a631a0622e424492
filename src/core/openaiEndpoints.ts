/**
 * The endpoints an OpenAI Batch API job may target: the `url` of every line and the batch's `endpoint`. One list for
 * the schema build (scripts/schemaSources/openaiSchema.ts: the line's `url` enum and a body schema each), the
 * validator (through that schema), the emulator (batches and synchronous calls) and the OpenAI provider.
 *
 * Source: the `endpoint` union of `BatchCreateParams` in node_modules/openai/resources/batches.d.ts (openai 7.57.0),
 * the same enum as `CreateBatchRequest.endpoint` in openai-openapi.yaml (info.version 2.3.0). The test
 * test/unit/core/openaiEndpoints.test.ts fails when either changes.
 */
export const OPENAI_BATCH_ENDPOINTS = [
  '/v1/chat/completions',
  '/v1/embeddings',
  '/v1/responses',
  '/v1/completions',
  '/v1/moderations',
  '/v1/images/generations',
  '/v1/images/edits',
  '/v1/videos',
] as const;

export type OpenAIBatchEndpoint = (typeof OPENAI_BATCH_ENDPOINTS)[number];

export function isOpenAIBatchEndpoint(value: unknown): value is OpenAIBatchEndpoint {
  return typeof value === 'string' && (OPENAI_BATCH_ENDPOINTS as readonly string[]).includes(value);
}

/**
 * Endpoints whose body may leave out `model`: the spec does not require it there and names the model used instead
 * (openai-openapi.yaml: `CreateModerationRequest.model` default `omni-moderation-latest`; `CreateImageRequest.model`
 * "Defaults to `dall-e-2`"; `EditImageBodyJsonParam.model` default `gpt-image-1.5`; `CreateVideoJsonBody.model`
 * "Defaults to `sora-2`"). Every other endpoint requires `model` on a batch line.
 */
export const OPENAI_DEFAULT_MODELS: Readonly<Partial<Record<OpenAIBatchEndpoint, string>>> = {
  '/v1/moderations': 'omni-moderation-latest',
  '/v1/images/generations': 'dall-e-2',
  '/v1/images/edits': 'gpt-image-1.5',
  '/v1/videos': 'sora-2',
};
