import type { EmulatorLimits } from './contract';

/** The real services' limits, each with its source; tests pass smaller ones (`EmulatorOptions.limits`). */
export const DEFAULT_LIMITS: EmulatorLimits = {
  // Reference batch-api.md §1.5: "Input file size 2 GB max" (rate-limits page, batch guide).
  geminiFileBytes: 2 * 1024 ** 3,
  // openai-openapi.yaml, createFile: "Individual files can be up to 512 MB".
  openaiFileBytes: 512 * 1024 ** 2,
  // openai-openapi.yaml, createFile: "The Batch API only supports .jsonl files up to 200 MB in size".
  openaiBatchFileBytes: 200 * 1024 ** 2,
  // Reference batch-api.md §1.5: "Concurrent batch requests 100" (rate-limits page).
  activeJobs: 100,
};

export function limitsOf(given: Partial<EmulatorLimits> | undefined): EmulatorLimits {
  return { ...DEFAULT_LIMITS, ...given };
}
