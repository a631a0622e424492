import { MODEL_TABLE, modelRow, type ModelRow } from '../../core/models/modelTable';
import { isGeminiModelId } from '../../core/providers/modelFit';

/** The models the emulator knows: the shared table (core/models/modelTable.ts, sources cited there). */
export type EmulatedModel = ModelRow;

export const EMULATED_MODELS: readonly EmulatedModel[] = MODEL_TABLE;

/** Default embedding size per model (3072 for gemini-embedding-001). */
export const DEFAULT_EMBEDDING_DIMENSIONS = 3072;

/** Whether the model thinks unless `thinkingBudget: 0` (or a minimal level) says not to. */
export function thinksByDefault(id: string): boolean {
  // An id the table lacks: Gemini 2.5 and later think by default (reference batch-api.md §6).
  return modelRow(id)?.thinksByDefault ?? /^gemini-(2\.5|[3-9])/.test(id);
}

/** Whether a model id is one the emulator serves: the rule the submit flow warns by (core/providers/modelFit.ts). */
export function isKnownGeminiModel(id: string): boolean {
  return isGeminiModelId(id);
}

export function isEmbeddingModel(id: string): boolean {
  const row = modelRow(id);
  return row ? row.task === 'embed' : /embedding/.test(id);
}

export function geminiModelResource(m: EmulatedModel): Record<string, unknown> {
  return {
    name: `models/${m.id}`,
    version: '001',
    displayName: `${m.displayName} (emulated)`,
    description: `Local emulator stand-in for ${m.id}: deterministic answers, no real model.`,
    inputTokenLimit: m.inputTokenLimit,
    outputTokenLimit: m.outputTokenLimit,
    supportedGenerationMethods:
      m.task === 'embed'
        ? ['embedContent', 'batchEmbedContents', 'asyncBatchEmbedContent']
        : ['generateContent', 'countTokens', 'batchGenerateContent'],
  };
}

export function openaiModelResource(id: string): Record<string, unknown> {
  return { id, object: 'model', created: 1735689600, owned_by: 'gemini-batch-emulator' };
}

/** The OpenAI-style model list under /v1/: OpenAI ids plus the Gemini ones. */
export const OPENAI_MODEL_IDS: readonly string[] = [
  'gpt-4o-mini',
  'gpt-4o',
  'gpt-4.1-mini',
  'text-embedding-3-small',
  'text-embedding-3-large',
];
