import { type CountedPrompt, countedModalities } from './countedUsage';
import { seedOf, tokensOf } from './embeddings';
import { thinksByDefault } from './emulatedModels';
import { field, mediaOf, modalityOf, promptParts } from './promptParts';

/**
 * The emulator's token accounting, one place for `usageMetadata` (batch results, generateContent) and
 * `models/{m}:countTokens`, so the two always agree.
 *
 * Shape from the discovery document (`UsageMetadata`: promptTokenCount "includes the number of tokens in the cached
 * content", cachedContentTokenCount) and the real output lines (real-output/gemini-batch-generate-output.jsonl:
 * promptTokensDetails by modality, thoughtsTokenCount, totalTokenCount = prompt + candidates + thoughts, no
 * candidatesTokensDetails on a text answer).
 */

type Obj = Record<string, unknown>;

export interface ModalityCount {
  modality: string;
  tokenCount: number;
}

export interface PromptUsage {
  /** All prompt tokens, the cached ones included. */
  total: number;
  details: ModalityCount[];
  /** Tokens of the `cachedContent` the request names, when it names one. */
  cached?: number;
}

/** One part's modality and tokens: text by its length, a media part as a fixed 258, anything else as its JSON. */
function partUsage(part: Obj): [string, number] {
  if (typeof part.text === 'string') {
    return ['TEXT', tokensOf(part.text)];
  }
  const media = mediaOf(part);
  return media ? [modalityOf(field(media, 'mimeType', 'mime_type')), 258] : ['TEXT', tokensOf(JSON.stringify(part))];
}

/** The emulator's own rule: text by its length, each media part as a fixed stand-in, at least one token. */
function roughModalities(request: Obj): Map<string, number> {
  const counts = new Map<string, number>();
  for (const part of promptParts(request)) {
    const [modality, tokens] = partUsage(part);
    counts.set(modality, (counts.get(modality) ?? 0) + tokens);
  }
  if (counts.size === 0) {
    counts.set('TEXT', 1);
  }
  return counts;
}

/**
 * The prompt tokens of a GenerateContentRequest (contents, systemInstruction, and the cache it names). `counted`:
 * what the estimate's counter made of the request (EmulatorOptions.promptTokens); without it, the rough rule.
 */
export function promptUsage(request: Obj, counted?: CountedPrompt): PromptUsage {
  const counts = counted ? countedModalities(request, counted) : roughModalities(request);
  const cachedName = field(request, 'cachedContent', 'cached_content');
  // The emulator keeps no caches: a named cache stands for a deterministic 1024–2047 tokens of text. The estimate
  // cannot see a cache either, so it comes on top of a counted prompt too.
  const cached = typeof cachedName === 'string' && cachedName !== '' ? 1024 + (seedOf(cachedName) % 1024) : undefined;
  if (cached !== undefined) {
    counts.set('TEXT', (counts.get('TEXT') ?? 0) + cached);
  }
  const details = [...counts].map(([modality, tokenCount]) => ({ modality, tokenCount }));
  return { total: details.reduce((n, d) => n + d.tokenCount, 0), details, ...(cached !== undefined ? { cached } : {}) };
}

/**
 * Thinking tokens for one answer, or 0 when the model does not think. Gemini 2.5 and later think by default
 * (reference batch-api.md §6; the table in core/models/modelTable.ts); `thinkingBudget: 0` turns it off; a
 * positive budget caps it. (Field names: the SDK's `ThinkingConfig`, `GenerateContentResponseUsageMetadata` with
 * `cacheTokensDetails`, node_modules/@google/genai/dist/genai.d.ts.)
 */
export function thoughtTokens(model: string, generationConfig: Obj | undefined, seed: number): number {
  const thinking = field(generationConfig, 'thinkingConfig', 'thinking_config') as Obj | undefined;
  const rawBudget = field(thinking, 'thinkingBudget', 'thinking_budget');
  const budget = typeof rawBudget === 'number' ? rawBudget : undefined;
  const thinks = budget !== 0 && (thinksByDefault(model) || (budget !== undefined && budget > 0));
  if (!thinks) {
    return 0;
  }
  const n = 64 + (seed % 960);
  return budget !== undefined && budget > 0 ? Math.min(n, budget) : n;
}

/** `usageMetadata` of one answer, fields present only when real answers carry them. */
export function usageMetadata(
  prompt: PromptUsage,
  candidates: number,
  thoughts: number,
  outputDetails?: ModalityCount[],
): Obj {
  return {
    promptTokenCount: prompt.total,
    candidatesTokenCount: candidates,
    totalTokenCount: prompt.total + candidates + thoughts,
    promptTokensDetails: prompt.details,
    ...(thoughts > 0 ? { thoughtsTokenCount: thoughts } : {}),
    ...(prompt.cached !== undefined
      ? {
          cachedContentTokenCount: prompt.cached,
          cacheTokensDetails: [{ modality: 'TEXT', tokenCount: prompt.cached }],
        }
      : {}),
    ...(outputDetails ? { candidatesTokensDetails: outputDetails } : {}),
  };
}
