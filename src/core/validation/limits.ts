import type { BatchKind } from '../batchKind';

/** What each provider accepts for one batch input file. */
export interface ProviderLimits {
  /** Largest file in bytes. */
  maxFileBytes: number;
  /** Most request lines, if the provider caps them. */
  maxLines?: number;
  /** Largest single line in bytes before a warning (Gemini: the inline-request cap). */
  maxLineBytes?: number;
}

const GEMINI: ProviderLimits = { maxFileBytes: 2 * 1024 ** 3, maxLineBytes: 20 * 1024 ** 2 };

/** Gemini: 2 GB per file, 20 MB per request; OpenAI: 200 MB and 50,000 requests per file (batch-api.md §1.5, §3). */
export const PROVIDER_LIMITS: Readonly<Record<BatchKind, ProviderLimits>> = Object.freeze({
  'gemini-generate': GEMINI,
  'gemini-embed': GEMINI,
  openai: { maxFileBytes: 200 * 1024 ** 2, maxLines: 50_000 },
});
