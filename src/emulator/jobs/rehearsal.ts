import { createHash } from 'node:crypto';
import { rpcCode } from '../../core/jobs/rpcCode';
import type { FaultOptions, JobRecord } from '../contract';

/**
 * Failure rehearsals: the ways real batches go wrong, on demand (issue 9, "Realistic failures"). Unlike request
 * faults (faults.ts), they shape jobs: they are copied onto a job when it is created, so a job keeps the rehearsal it
 * was made with, across a restart and whatever the settings become later; each line's draw is seeded by the job id
 * and the line's index, so a re-run fails the same lines.
 */
export type Rehearsal = NonNullable<JobRecord['rehearsal']>;

/** The job-shaping part of the fault settings, or undefined when none is set. */
export function rehearsalOf(f: FaultOptions): Rehearsal | undefined {
  const r: Rehearsal = {
    ...(f.lineFailRate ? { lineFailRate: Math.min(1, f.lineFailRate) } : {}),
    ...(f.truncateJsonRate ? { truncateJsonRate: Math.min(1, f.truncateJsonRate) } : {}),
    ...(f.pendingSeconds ? { pendingMs: f.pendingSeconds * 1000 } : {}),
    ...(f.failJobs ? { fail: true } : {}),
    ...(f.expireJobs ? { expire: true } : {}),
  };
  return Object.keys(r).length > 0 ? r : undefined;
}

/** A draw in [0, 1) for line `index` of `job` and a purpose: deterministic, independent between purposes. */
function draw(job: JobRecord, index: number, what: string): number {
  return createHash('sha256').update(`${job.id}:${index}:${what}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** One failure a line can have, in each API's words. */
export interface LineFailure {
  http: 429 | 500 | 503 | 400;
  /** gRPC code for a Gemini Status. */
  grpc: number;
  message: string;
  /** OpenAI `error.type` / `error.code`. */
  type: string;
  code: string | null;
}

/**
 * The per-line failures real batches report: quota (429 RESOURCE_EXHAUSTED), server errors (500 INTERNAL,
 * 503 UNAVAILABLE) and bad requests (400 INVALID_ARGUMENT); gRPC codes from core/jobs/rpcCode.ts, OpenAI error
 * bodies in the shape of openai-openapi.yaml's `Error` (`message`, `type`, `param`, `code`).
 */
const FAILURES: readonly LineFailure[] = [
  {
    http: 429,
    grpc: rpcCode('RESOURCE_EXHAUSTED'),
    message: 'Resource has been exhausted (e.g. check quota).',
    type: 'requests',
    code: 'rate_limit_exceeded',
  },
  {
    http: 500,
    grpc: rpcCode('INTERNAL'),
    message: 'An internal error has occurred.',
    type: 'server_error',
    code: null,
  },
  {
    http: 503,
    grpc: rpcCode('UNAVAILABLE'),
    message: 'The model is overloaded. Please try again later.',
    type: 'server_error',
    code: null,
  },
  {
    http: 400,
    grpc: rpcCode('INVALID_ARGUMENT'),
    message: 'Request contains an invalid argument.',
    type: 'invalid_request_error',
    code: null,
  },
];

/** The rehearsed failure of line `index`, if its draw falls in the job's `lineFailRate`. */
export function lineFailure(job: JobRecord, index: number): LineFailure | undefined {
  const rate = job.rehearsal?.lineFailRate ?? 0;
  if (rate <= 0 || draw(job, index, 'fail') >= rate) {
    return undefined;
  }
  return FAILURES[Math.floor(draw(job, index, 'code') * FAILURES.length)];
}

/** Whether line `index`'s JSON-mode answer is cut short (finish reason MAX_TOKENS / `length`). */
export function truncatesJson(job: JobRecord, index: number): boolean {
  const rate = job.rehearsal?.truncateJsonRate ?? 0;
  return rate > 0 && draw(job, index, 'truncate') < rate;
}

/** A JSON text cut in the middle, so it no longer parses (at least one character goes). */
export function truncated(text: string): string {
  return text.slice(0, Math.max(0, Math.min(text.length - 1, Math.floor(text.length / 2))));
}
