import type { BatchKind } from '../batchKind';
import { headLines } from '../jsonl';
import { detectKind, PROVIDER_LIMITS } from '../validation';
import type { SplitLimits } from './linePacker';

/**
 * The limits a part must keep for `kind`: the provider's file size and request cap (limits.ts: Gemini 2 GB per file;
 * OpenAI 200 MB and 50,000 requests, batch-api.md §1.5 and §3), each lowered to what the caller asks when smaller.
 */
export function splitLimitsFor(kind: BatchKind, asked: Partial<SplitLimits> = {}): SplitLimits {
  const provider = PROVIDER_LIMITS[kind];
  const maxBytes = Math.min(provider.maxFileBytes, asked.maxBytes ?? Number.POSITIVE_INFINITY);
  const caps = [provider.maxLines, asked.maxLines].filter((n): n is number => n !== undefined);
  return { maxBytes, maxLines: caps.length > 0 ? Math.min(...caps) : undefined };
}

/** The kind of a batch file on disk, from its first lines (the one kind vote the validator uses). */
export async function detectFileKind(file: string): Promise<BatchKind> {
  return detectKind(await headLines(file));
}

/** The Gemini API usage tiers that have a Batch API enqueued-token row (the free tier has none). */
export type UsageTier = 'tier1' | 'tier2' | 'tier3';

/** Model id → the most input tokens enqueued across active batch jobs, per tier (the `geminiBatch.limits.enqueuedTokens` setting). */
export type EnqueuedTokenTable = Readonly<Record<string, Readonly<Partial<Record<UsageTier, number>>>>>;

/**
 * The enqueued-token limit for `model` at `tier` (defaults from the rate-limits page, batch-api.md §1.5), or undefined
 * when the table does not know it: then no limit is claimed. Accepts `models/…` names and versioned ids whose base is
 * in the table (`gemini-2.5-flash-001` → `gemini-2.5-flash`); the longest known prefix wins, so `gemini-2.5-flash-lite`
 * is not read as `gemini-2.5-flash`.
 */
export function enqueuedTokenLimit(table: EnqueuedTokenTable, tier: UsageTier, model: string): number | undefined {
  const id = model.startsWith('models/') ? model.slice('models/'.length) : model;
  let best: string | undefined;
  for (const name of Object.keys(table)) {
    const matches = id === name || id.startsWith(`${name}-`);
    if (matches && (best === undefined || name.length > best.length)) {
      best = name;
    }
  }
  const limit = best === undefined ? undefined : table[best][tier];
  return typeof limit === 'number' && limit > 0 ? limit : undefined;
}

/** How many parts `tokens` input tokens need so that each part stays within `limit` (at least one). */
export function partsForTokens(tokens: number, limit: number): number {
  return Math.max(1, Math.ceil(tokens / limit));
}
