import type { FaultOptions } from '../contract';

/**
 * The failure rehearsals offered by the editor's "Rehearse Failures…" pick, as data: each is one of the ways real
 * batches go wrong (issue 9, "Realistic failures, on demand"; the options themselves are documented in types.ts and
 * rehearsal.ts). Picks combine; `exclusive` ones (a job either fails or expires) pick alone.
 */
export interface RehearsalPreset {
  id: string;
  label: string;
  detail: string;
  faults: FaultOptions;
  exclusive?: boolean;
}

export const REHEARSAL_PRESETS: readonly RehearsalPreset[] = [
  {
    id: 'line-failures',
    label: 'Some lines fail',
    detail: '20% of lines fail alone with 429, 500, 503 or 400',
    faults: { lineFailRate: 0.2 },
  },
  {
    id: 'all-lines-fail',
    label: 'Every line fails, job succeeds',
    detail: 'SUCCEEDED while every line carries an error',
    faults: { lineFailRate: 1 },
  },
  {
    id: 'truncated-json',
    label: 'JSON answers cut short',
    detail: '30% of JSON-mode answers break their schema (finishReason MAX_TOKENS)',
    faults: { truncateJsonRate: 0.3 },
  },
  {
    id: 'long-pending',
    label: 'Jobs stay pending',
    detail: 'PENDING for 60 s more before they run',
    faults: { pendingSeconds: 60 },
  },
  {
    id: 'job-fails',
    label: 'Jobs fail',
    detail: 'FAILED halfway, with an error and no results',
    faults: { failJobs: true },
    exclusive: true,
  },
  {
    id: 'job-expires',
    label: 'Jobs expire',
    detail: 'EXPIRED halfway: no results for Gemini, partial ones for OpenAI',
    faults: { expireJobs: true },
    exclusive: true,
  },
  {
    id: 'rate-limits',
    label: 'Requests hit rate limits',
    detail: '20% of API calls answered 429 with Retry-After',
    faults: { rate429: 0.2, retryAfterSeconds: 1 },
  },
];

/**
 * The fault settings for a set of picked presets (by id): their options merged; with an exclusive preset among
 * several picks, the first exclusive one wins and the other exclusive ones are dropped. No picks: no faults.
 */
export function faultsForPresets(ids: readonly string[]): FaultOptions {
  const picked = REHEARSAL_PRESETS.filter((p) => ids.includes(p.id));
  const exclusive = picked.find((p) => p.exclusive);
  return picked
    .filter((p) => !p.exclusive || p === exclusive)
    .reduce<FaultOptions>((all, p) => ({ ...all, ...p.faults }), {});
}

/**
 * The presets the current fault settings hold (each of its options set to the preset's value), so the pick can show
 * what is already being rehearsed. Picking them again gives the same settings (faultsForPresets).
 */
export function activePresets(faults: FaultOptions): string[] {
  const current = faults as Record<string, unknown>;
  return REHEARSAL_PRESETS.filter((p) =>
    Object.entries(p.faults).every(([option, value]) => current[option] === value),
  ).map((p) => p.id);
}
