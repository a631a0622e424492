/** A request's identity across attempts: its index in the original input (see resolveToOriginal), or any key. */
export type RequestId = string | number;

/** One attempt's outcome for one request. */
export interface Outcome {
  id: RequestId;
  ok: boolean;
  /** A failure whose error says the line must be fixed first (errorOf.ts advice `fix`). */
  fix?: boolean;
}

/** Why a request is retried: it failed (expired lines count as failed), or no attempt returned a line for it. */
export type RetryReason = 'failed' | 'missing';

export interface RetryPlan {
  /** Indices into the input's requests, in input order: the lines to send again. */
  indices: number[];
  succeeded: number;
  failed: number;
  missing: number;
  /**
   * Of the failed ones, those whose last failure needs the line fixed (INVALID_ARGUMENT…): sent unchanged they fail
   * again. Still in `indices` (nothing is dropped without the user); the confirmation says so.
   */
  needsFix: number;
}

/**
 * Which of the input's requests to send again, given every attempt's outcomes so far: those with no success in any
 * attempt. A request that succeeded once is never sent again (an expired OpenAI batch keeps the lines it finished);
 * every other request is, so none is lost. Pure: the files are read by retryFile.ts.
 */
export function retryLines(inputIds: readonly RequestId[], outcomes: Iterable<Outcome>): RetryPlan {
  const succeeded = new Set<RequestId>();
  /** Each failed request, and whether its last failure needs the line fixed (outcomes come in attempt order). */
  const failed = new Map<RequestId, boolean>();
  for (const outcome of outcomes) {
    if (outcome.ok) {
      succeeded.add(outcome.id);
    } else {
      failed.set(outcome.id, outcome.fix === true);
    }
  }
  const plan: RetryPlan = { indices: [], succeeded: 0, failed: 0, missing: 0, needsFix: 0 };
  for (const [index, id] of inputIds.entries()) {
    if (succeeded.has(id)) {
      plan.succeeded++;
      continue;
    }
    plan.indices.push(index);
    if (failed.has(id)) {
      plan.failed++;
      plan.needsFix += failed.get(id) ? 1 : 0;
    } else {
      plan.missing++;
    }
  }
  return plan;
}
