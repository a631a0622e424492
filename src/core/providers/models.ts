import type { BatchKind } from '../batchKind';

/** Shown when the model list cannot be fetched (offline, bad key): the user can still pick something sensible. */
export const FALLBACK_MODELS: Record<'gemini' | 'openai', Record<BatchKind, readonly string[]>> = {
  gemini: {
    'gemini-generate': ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash-lite'],
    'gemini-embed': ['gemini-embedding-001'],
    openai: ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash-lite', 'gemini-embedding-001'],
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

/** Gemini models usable for `kind`, by `supportedGenerationMethods`, without the `models/` prefix. */
export function filterGeminiModels(models: GeminiModelInfo[], kind: BatchKind): string[] {
  const wanted = kind === 'gemini-generate' ? GENERATE_METHODS : kind === 'gemini-embed' ? EMBED_METHODS : [...GENERATE_METHODS, ...EMBED_METHODS];
  const names = models
    .filter((m) => typeof m.name === 'string' && (m.supportedGenerationMethods ?? []).some((method) => wanted.includes(method)))
    .map((m) => (m.name as string).replace(/^models\//, ''));
  return [...new Set(names)];
}
