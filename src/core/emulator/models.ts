/** The models the emulator knows, shaped like the Gemini `Model` resource. */
export interface EmulatedModel {
  id: string;
  displayName: string;
  embedding: boolean;
  inputTokenLimit: number;
  outputTokenLimit: number;
}

export const EMULATED_MODELS: readonly EmulatedModel[] = [
  { id: 'gemini-2.5-flash', displayName: 'Gemini 2.5 Flash', embedding: false, inputTokenLimit: 1048576, outputTokenLimit: 65536 },
  { id: 'gemini-2.5-pro', displayName: 'Gemini 2.5 Pro', embedding: false, inputTokenLimit: 1048576, outputTokenLimit: 65536 },
  { id: 'gemini-2.5-flash-lite', displayName: 'Gemini 2.5 Flash-Lite', embedding: false, inputTokenLimit: 1048576, outputTokenLimit: 65536 },
  { id: 'gemini-2.0-flash', displayName: 'Gemini 2.0 Flash', embedding: false, inputTokenLimit: 1048576, outputTokenLimit: 8192 },
  { id: 'gemini-embedding-001', displayName: 'Gemini Embedding 001', embedding: true, inputTokenLimit: 2048, outputTokenLimit: 1 },
];

/** Default embedding size per model (3072 for gemini-embedding-001). */
export const DEFAULT_EMBEDDING_DIMENSIONS = 3072;

/**
 * Whether a model id is one the emulator serves: the known list, plus any id that looks like a Gemini model
 * (new ones appear often; a typo such as `gemni-2.5-flash` still gets the real service's 404).
 */
export function isKnownGeminiModel(id: string): boolean {
  return EMULATED_MODELS.some((m) => m.id === id) || /^(gemini|gemma)-[a-z0-9][a-z0-9.-]*$/.test(id);
}

export function isEmbeddingModel(id: string): boolean {
  return EMULATED_MODELS.find((m) => m.id === id)?.embedding ?? /embedding/.test(id);
}

export function geminiModelResource(m: EmulatedModel): Record<string, unknown> {
  return {
    name: `models/${m.id}`,
    version: '001',
    displayName: `${m.displayName} (emulated)`,
    description: `Local emulator stand-in for ${m.id}: deterministic answers, no real model.`,
    inputTokenLimit: m.inputTokenLimit,
    outputTokenLimit: m.outputTokenLimit,
    supportedGenerationMethods: m.embedding
      ? ['embedContent', 'batchEmbedContents', 'asyncBatchEmbedContent']
      : ['generateContent', 'countTokens', 'batchGenerateContent'],
  };
}

export function openaiModelResource(id: string): Record<string, unknown> {
  return { id, object: 'model', created: 1735689600, owned_by: 'gemini-batch-emulator' };
}

/** The OpenAI-style model list under /v1/: OpenAI ids plus the Gemini ones. */
export const OPENAI_MODEL_IDS: readonly string[] = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'text-embedding-3-small', 'text-embedding-3-large'];
