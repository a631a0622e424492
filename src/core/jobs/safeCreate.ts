import { abortableDelay } from '../providers/abortableDelay';
import { waitOutRateLimit } from '../providers/rateLimitRetry';
import { BatchApiError, type BatchJob, type BatchProvider, type CreateJobRequest } from '../providers/types';

export interface SafeCreateOptions {
  signal?: AbortSignal;
  /** Total create attempts (default 3). */
  maxAttempts?: number;
  /** The longest Retry-After waited out (rateLimitRetry.ts; default 60 s). */
  maxWaitMs?: number;
  now?: () => number;
  /** Resolves after `ms` (or rejects when `signal` aborts). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Server clock may run behind ours: accept jobs created this long before the attempt began (default 2 min). */
  clockSkewMs?: number;
  /** Jobs already known (e.g. in the workspace records): never adopted. */
  knownJobNames?: ReadonlySet<string>;
  /** How many list pages to scan for the job (default 3 × 50). */
  listPages?: number;
  /** For the log: each decision with its reason. */
  onEvent?: (event: SafeCreateEvent) => void;
}

export type SafeCreateEvent =
  | { type: 'attempt'; attempt: number }
  | { type: 'ambiguous'; attempt: number; error: BatchApiError }
  | { type: 'adopted'; job: BatchJob }
  | { type: 'retryAfter'; ms: number };

export interface SafeCreateResult {
  job: BatchJob;
  /** True when an ambiguous failure had in fact created the job and we took it from the list. */
  adopted: boolean;
  attempts: number;
}

/** The create may have happened: the check that would prove otherwise failed. The caller must not resubmit blindly. */
export class CreateOutcomeUnknownError extends BatchApiError {
  constructor(readonly original: BatchApiError) {
    super(
      original.kind,
      `The job may have been created (${original.message}); refresh the jobs list before submitting again.`,
      original.status,
      original.retryAfterMs,
      original.details,
    );
    this.name = 'CreateOutcomeUnknownError';
  }
}

const AMBIGUOUS: ReadonlySet<string> = new Set(['network', 'server', 'unknown']);

const bareModel = (model: string | undefined) => model?.replace(/^models\//, '');

/** Does a listed job look like the one our attempt (begun at `since`) would have made? */
export function matchesRequest(job: BatchJob, request: CreateJobRequest, since: number): boolean {
  const created = job.createTime ? Date.parse(job.createTime) : NaN;
  if (!(created >= since)) {
    return false;
  }
  if (request.kind === 'openai') {
    // OpenAI-format batches carry no display name we set (Gemini's compat layer names them `batch-<id>`) and
    // report dated model names (`gpt-4o-2024-08-06`): the fresh upload alone identifies the submission.
    return request.inputFile !== undefined && job.inputFile === request.inputFile;
  }
  if (job.displayName !== undefined && job.displayName !== request.displayName) {
    return false;
  }
  if (job.model !== undefined && bareModel(job.model) !== bareModel(request.model)) {
    return false;
  }
  // A fresh upload per submission makes the input file a de facto client token.
  if (request.inputFile && job.inputFile !== undefined && job.inputFile !== request.inputFile) {
    return false;
  }
  return job.displayName !== undefined || (request.inputFile !== undefined && job.inputFile === request.inputFile);
}

async function findCreated(
  provider: BatchProvider,
  request: CreateJobRequest,
  since: number,
  options: SafeCreateOptions,
): Promise<BatchJob | undefined> {
  let pageToken: string | undefined;
  for (let page = 0; page < (options.listPages ?? 3); page++) {
    const listed = await provider.listJobs({ pageSize: 50, pageToken, signal: options.signal });
    const found = listed.jobs.find(
      (job) => !options.knownJobNames?.has(job.name) && matchesRequest(job, request, since),
    );
    if (found) {
      return found;
    }
    pageToken = listed.nextPageToken;
    if (!pageToken) {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Creates a job without ever making two: creation is not idempotent, so after an ambiguous failure (network, 5xx)
 * it lists the newest jobs and adopts the one this attempt made (same display name, model and input file, created
 * after the attempt began); it retries only when the list proves no such job exists. A 429 is retried after its
 * Retry-After (the server refused before creating). Other 4xx errors are thrown at once.
 */
export async function safeCreate(
  provider: BatchProvider,
  request: CreateJobRequest,
  options: SafeCreateOptions = {},
): Promise<SafeCreateResult> {
  const now = options.now ?? Date.now;
  // Rejects at once on an already-aborted signal and removes its abort listener when the wait ends.
  const sleep = options.sleep ?? abortableDelay;
  const maxAttempts = options.maxAttempts ?? 3;
  const skew = options.clockSkewMs ?? 120_000;
  const firstStart = now();
  for (let attempt = 1; ; attempt++) {
    options.onEvent?.({ type: 'attempt', attempt });
    try {
      return { job: await provider.createJob(request, options.signal), adopted: false, attempts: attempt };
    } catch (err) {
      const error = err instanceof BatchApiError ? err : new BatchApiError('unknown', String(err));
      const onRetryAfter = (ms: number) => options.onEvent?.({ type: 'retryAfter', ms });
      if (await waitOutRateLimit(error, attempt, { ...options, maxAttempts, sleep, onRetryAfter })) {
        continue;
      }
      if (!AMBIGUOUS.has(error.kind)) {
        throw error;
      }
      options.onEvent?.({ type: 'ambiguous', attempt, error });
      let existing: BatchJob | undefined;
      try {
        // Any earlier ambiguous attempt may be the one that landed, so search from the first.
        existing = await findCreated(provider, request, firstStart - skew, options);
      } catch (checkError) {
        if (checkError instanceof BatchApiError && checkError.kind === 'cancelled') {
          throw checkError;
        }
        throw new CreateOutcomeUnknownError(error);
      }
      if (existing) {
        options.onEvent?.({ type: 'adopted', job: existing });
        return { job: existing, adopted: true, attempts: attempt };
      }
      if (attempt >= maxAttempts) {
        throw error;
      }
      await sleep(500 * attempt, options.signal);
    }
  }
}
