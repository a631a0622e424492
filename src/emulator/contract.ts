/**
 * Public contract of the local Batch API emulator (see the README, "Local emulator").
 * Everything the server keeps about files and jobs is plain JSON so it can be written to the data dir.
 */

/** Fault injection for reliability tests. Rates are shares of requests in [0, 1]. */
export interface FaultOptions {
  /** Share of API requests answered 429 RESOURCE_EXHAUSTED with a Retry-After header. */
  rate429?: number;
  /** Share answered 500 INTERNAL. */
  rate500?: number;
  /** Share answered 503 UNAVAILABLE. */
  rate503?: number;
  /** Share of upload chunks whose connection is reset after part of the bytes arrived. */
  resetUpload?: number;
  /** Latency added before every API request is handled. */
  latencyMs?: number;
  /** Seconds put in Retry-After on an injected 429 (default 1). */
  retryAfterSeconds?: number;
  /** Seed of the PRNG that picks the faulted requests (default 1): the same seed gives the same sequence. */
  seed?: number;
  /** Batch creates make the job, then answer 500 anyway: tests that clients never retry creates blindly. */
  ambiguousCreate?: boolean;
  // Failure rehearsals (rehearsal.ts): copied onto each job created while they are set.
  /** Share of lines that fail alone, with a real code (429 RESOURCE_EXHAUSTED, 500, 503, 400); 1 = every line fails, the job still SUCCEEDED. */
  lineFailRate?: number;
  /** Share of JSON-mode answers cut short, so they break their schema (`finishReason: MAX_TOKENS`, OpenAI `length`). */
  truncateJsonRate?: number;
  /** Jobs stay pending this many seconds longer before they run. */
  pendingSeconds?: number;
  /** Jobs fail halfway: FAILED with an error, no results. */
  failJobs?: boolean;
  /** Jobs expire halfway: no results for Gemini, the finished lines plus `batch_expired` ones for OpenAI. */
  expireJobs?: boolean;
}

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1; any other address only when asked for explicitly. */
  host?: string;
  dataDir: string;
  /** Total pending → running → succeeded duration of a job, in seconds (default 6). */
  jobSeconds?: number;
  /** A job still unfinished this long after creation expires (default 48 h for Gemini, 24 h for OpenAI `/v1/` batches). */
  expirySeconds?: number;
  faults?: FaultOptions;
  /**
   * Write results in input order. By default keyed result lines come out in a seeded shuffled order, because the
   * real services do not keep input order (reference batch-api.md, pitfalls 1 and 9): clients must join by key.
   */
  ordered?: boolean;
  /**
   * Let webhooks (registered or `batch.webhookConfig.uris`) call hosts other than this machine. Off by default: the
   * emulator POSTs events only to loopback URIs, so no request body can make it call a host the user did not choose.
   */
  allowAnyWebhookHost?: boolean;
  /** The services' limits (defaults: the real ones, see `limits.ts`); tests shrink them instead of sending gigabytes. */
  limits?: Partial<EmulatorLimits>;
  /** One line per request: method, path, status, ms. Never the key. */
  log?: (line: string) => void;
  /** The time jobs and records see (default: the real clock); tests pass a simulated one and advance it. */
  clock?: EmulatorClock;
  /**
   * Counts a request's prompt tokens as the extension's estimate does (core/estimate/lineEstimate.ts), so the usage
   * the emulator reports agrees with the estimate made before submitting. Absent, or when it answers undefined,
   * throws or takes too long: the emulator's own rough rule (model/usage.ts).
   */
  promptTokens?: PromptTokenCounter;
}

/**
 * A request to count, in the shape of a batch line (what `estimateLine` reads): Gemini `{request}`, OpenAI
 * `{url, body}`.
 */
export type CountedLine = { request: Record<string, unknown> } | { url: string; body: Record<string, unknown> };

/** The input tokens of `line` sent to `model` (undefined: the model the line names), or undefined when uncounted. */
export type PromptTokenCounter = (line: CountedLine, model: string | undefined) => Promise<number | undefined>;

/**
 * The emulator's time: what jobs, records and list views read as "now", and the one-shot waits the job engine arms
 * (the pending phase's end, expiry, the pacing of lines). Request logs and injected latency keep real time.
 */
export interface EmulatorClock {
  now(): number;
  /** Calls `fire` once `ms` have passed on this clock; the function returned cancels it. */
  after(ms: number, fire: () => void): () => void;
}

/** Limits the emulator enforces like the real services. */
export interface EmulatorLimits {
  /** Bytes in one Gemini Files API file (2 GB), counted as they stream in, declared or not. */
  geminiFileBytes: number;
  /** Bytes in one OpenAI `/v1/files` upload (512 MB). */
  openaiFileBytes: number;
  /** Bytes in one OpenAI file with purpose `batch` (200 MB). */
  openaiBatchFileBytes: number;
  /** Gemini batch jobs pending or running at once (100). */
  activeJobs: number;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:PORT (no trailing slash). */
  baseUrl: string;
  port: number;
  setFaults(f: FaultOptions): void;
  /** The fault settings new jobs get now. */
  faults(): FaultOptions;
  close(): Promise<void>;
}

/** A stored file (uploaded or generated), as kept in `<dataDir>/files/<id>.json`. */
export interface StoredFile {
  /** Bare id: `abc123`, `batch-<job>` or `file-…` for OpenAI-style uploads. */
  id: string;
  displayName?: string;
  /** Original file name (OpenAI `filename`, or the upload's `x-goog-upload-file-name`). */
  filename?: string;
  mimeType: string;
  sizeBytes: number;
  createMs: number;
  expireMs: number;
  /** base64 of the SHA-256 of the bytes. */
  sha256: string;
  source: 'UPLOADED' | 'GENERATED';
  /** OpenAI purpose: `batch`, `batch_output`. */
  purpose?: string;
  seq: number;
}

export type JobApi = 'gemini' | 'openai-compat' | 'openai';
export type JobKind = 'generate' | 'embed' | 'openai';
export type FinalState = 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'EXPIRED';

/** An OpenAI validation error (Batch.errors.data[]). */
export interface OpenAIBatchError {
  code: string;
  message: string;
  param: string | null;
  line: number | null;
}

/** A job as kept in `<dataDir>/jobs/<id>.json`. */
export interface JobRecord {
  /** Bare id; Gemini name is `batches/<id>`, OpenAI `batch_<id>` (openai) or `batches/<id>` (openai-compat). */
  id: string;
  api: JobApi;
  kind: JobKind;
  /** `models/gemini-2.5-flash`, or the OpenAI model of the first line. */
  model: string;
  displayName: string;
  /** `files/<id>` / `file-…` for file jobs. */
  inputFile?: string;
  /** True when the input is the job's own `<id>.input.jsonl` (inline requests). */
  inline: boolean;
  endpoint?: string;
  completionWindow?: string;
  metadata?: Record<string, string>;
  priority?: string;
  total: number;
  createMs: number;
  jobMs: number;
  expiryMs: number;
  seq: number;
  cancelMs?: number;
  /** The failure rehearsal the job was created under (rehearsal.ts). */
  rehearsal?: {
    lineFailRate?: number;
    truncateJsonRate?: number;
    pendingMs?: number;
    fail?: boolean;
    expire?: boolean;
  };
  /** `batch.webhookConfig` of a Gemini create: these URIs get the end event instead of the registered webhooks. */
  webhook?: { uris?: string[]; userMetadata?: Record<string, unknown> };
  /** OpenAI validation errors: the batch fails after its validating phase. */
  validationErrors?: OpenAIBatchError[];
  final?: {
    state: FinalState;
    endMs: number;
    succeeded: number;
    failed: number;
    outputFile?: string;
    errorFile?: string;
    usage?: { input: number; output: number };
    /** Why a FAILED job failed. */
    error?: string;
  };
}
