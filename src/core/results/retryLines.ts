import type { NoAnswerKind } from '../jobs/noAnswer';

/** A request's identity across attempts: its index in the original input (see resolveToOriginal), or any key. */
export type RequestId = string | number;

/** One attempt's outcome for one request. */
export interface Outcome {
  id: RequestId;
  ok: boolean;
  /** A failure whose error says the line must be fixed first (errorOf.ts advice `fix`). */
  fix?: boolean;
  /** Not `ok` because the response held no usable answer (noAnswer.ts), rather than an error. */
  noAnswer?: NoAnswerKind;
}

/** Why a request is retried: it failed (expired lines count as failed), or no attempt returned a line for it. */
export type RetryReason = 'failed' | 'missing';

export interface RetryPlan {
  /** Indices into the input's requests, in input order: the lines to send again. */
  indices: number[];
  succeeded: number;
  failed: number;
  /** Sent again because the last response held no answer (blocked, out of tokens, empty), not counted in `failed`. */
  noAnswer: number;
  /** Of those, the ones a safety or policy filter blocked: sent unchanged, the same filter may block them again. */
  blocked: number;
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
  /** Each request not answered, and its last outcome (outcomes come in attempt order). */
  const failed = new Map<RequestId, Outcome>();
  for (const outcome of outcomes) {
    if (outcome.ok) {
      succeeded.add(outcome.id);
    } else {
      failed.set(outcome.id, outcome);
    }
  }
  const plan: RetryPlan = { indices: [], succeeded: 0, failed: 0, noAnswer: 0, blocked: 0, missing: 0, needsFix: 0 };
  for (const [index, id] of inputIds.entries()) {
    if (succeeded.has(id)) {
      plan.succeeded++;
      continue;
    }
    plan.indices.push(index);
    const last = failed.get(id);
    if (last?.noAnswer) {
      plan.noAnswer++;
      plan.blocked += last.noAnswer === 'blocked' ? 1 : 0;
    } else if (last) {
      plan.failed++;
      plan.needsFix += last.fix === true ? 1 : 0;
    } else {
      plan.missing++;
    }
  }
  return plan;
}
