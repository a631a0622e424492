/** A request's identity across attempts: its index in the original input (see resolveToOriginal), or any key. */
export type RequestId = string | number;

/** One attempt's outcome for one request. */
export interface Outcome {
  id: RequestId;
  ok: boolean;
}

/** Why a request is retried: it failed (expired lines count as failed), or no attempt returned a line for it. */
export type RetryReason = 'failed' | 'missing';

export interface RetryPlan {
  /** Indices into the input's requests, in input order: the lines to send again. */
  indices: number[];
  succeeded: number;
  failed: number;
  missing: number;
}

/**
 * Which of the input's requests to send again, given every attempt's outcomes so far: those with no success in any
 * attempt. A request that succeeded once is never sent again (an expired OpenAI batch keeps the lines it finished);
 * every other request is, so none is lost. Pure: the files are read by retryFile.ts.
 */
export function retryLines(inputIds: readonly RequestId[], outcomes: Iterable<Outcome>): RetryPlan {
  const succeeded = new Set<RequestId>();
  const failed = new Set<RequestId>();
  for (const outcome of outcomes) {
    (outcome.ok ? succeeded : failed).add(outcome.id);
  }
  const plan: RetryPlan = { indices: [], succeeded: 0, failed: 0, missing: 0 };
  for (const [index, id] of inputIds.entries()) {
    if (succeeded.has(id)) {
      plan.succeeded++;
      continue;
    }
    plan.indices.push(index);
    if (failed.has(id)) {
      plan.failed++;
    } else {
      plan.missing++;
    }
  }
  return plan;
}
