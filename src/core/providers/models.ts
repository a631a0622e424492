import type { BatchKind } from '../batchKind';
import { modelIds } from '../models/modelTable';

/**
 * Shown when the model list cannot be fetched (offline, bad key): the user can still pick something sensible.
 * The Gemini ids come from the one model table (core/models/modelTable.ts); image and TTS models take generate
 * requests too, so they are offered for generate batches after the text models.
 */
export const FALLBACK_MODELS: Record<'gemini' | 'openai', Record<BatchKind, readonly string[]>> = {
  gemini: {
    'gemini-generate': [...modelIds('generate'), ...modelIds('image'), ...modelIds('tts')],
    'gemini-embed': modelIds('embed'),
    openai: [...modelIds('generate'), ...modelIds('embed')],
  },
  openai: {
    'gemini-generate': [],
    'gemini-embed': [],
    openai: ['gpt-4o-mini', 'text-embedding-3-small'],
  },
};

export interface GeminiModelInfo {
  name?: string;
  supportedGenerationMethods?: string[];
}

const GENERATE_METHODS = ['batchGenerateContent', 'generateContent'];
const EMBED_METHODS = ['asyncBatchEmbedContent', 'embedContent'];
/** The methods a model must support to be offered for each kind (an OpenAI-format batch may do either). */
const WANTED_METHODS: Record<BatchKind, readonly string[]> = {
  'gemini-generate': GENERATE_METHODS,
  'gemini-embed': EMBED_METHODS,
  openai: [...GENERATE_METHODS, ...EMBED_METHODS],
};

/** Gemini models usable for `kind`, by `supportedGenerationMethods`, without the `models/` prefix. */
export function filterGeminiModels(models: GeminiModelInfo[], kind: BatchKind): string[] {
  const wanted = WANTED_METHODS[kind];
  const names = models
    .filter(
      (m) =>
        typeof m.name === 'string' && (m.supportedGenerationMethods ?? []).some((method) => wanted.includes(method)),
    )
    .map((m) => (m.name as string).replace(/^models\//, ''));
  return [...new Set(names)];
}
