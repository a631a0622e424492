import type { BatchKind } from '../batchKind';

/**
 * One interface over every batch backend: the Gemini API (@google/genai), OpenAI-compatible batch
 * (the `openai` SDK: Gemini's /v1beta/openai/ layer, OpenAI itself, any base URL) and the local emulator.
 * Everything here is plain data; the editor layer renders it.
 */
export type ProviderId = 'gemini' | 'geminiOpenAI' | 'openai' | 'emulator';

/**
 * `partially_succeeded`: the job ended with some requests answered and some not (`JOB_STATE_PARTIALLY_SUCCEEDED` in
 * the @google/genai `JobState` enum, node_modules/@google/genai/dist/genai.d.ts; reference batch-api.md §6).
 */
export type JobState =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'partially_succeeded'
  | 'failed'
  | 'cancelling'
  | 'cancelled'
  | 'expired'
  | 'unknown';

export const TERMINAL_STATES: readonly JobState[] = [
  'succeeded',
  'partially_succeeded',
  'failed',
  'cancelled',
  'expired',
];

export function isTerminal(state: JobState): boolean {
  return TERMINAL_STATES.includes(state);
}

export interface JobProgress {
  total?: number;
  succeeded?: number;
  failed?: number;
  pending?: number;
}

export interface BatchJob {
  /** Provider-side name: `batches/…` (Gemini) or `batch_…` (OpenAI). */
  name: string;
  provider: ProviderId;
  displayName?: string;
  model?: string;
  kind?: BatchKind;
  state: JobState;
  /** The provider's own state string (`BATCH_STATE_RUNNING`, `in_progress`, …). */
  rawState: string;
  createTime?: string;
  updateTime?: string;
  endTime?: string;
  progress: JobProgress;
  inputFile?: string;
  /** Where results are: a file name (`files/batch-…`, `file-…`) or 'inline'. */
  resultsFile?: string;
  /** OpenAI's error file. */
  errorFile?: string;
  /**
   * Why the job failed or expired, as the service said it: Gemini's operation `error` (a `google.rpc.Status`), or
   * OpenAI's `errors.data[]` joined into `message`, one line each, and kept apart in `details`.
   */
  error?: { code?: number | string; message?: string; details?: JobErrorDetail[]; omitted?: number };
}

/** One of OpenAI's batch validation errors (`errors.data[]`: `{code, message, param, line}`, reference batch-api.md). */
export interface JobErrorDetail {
  message: string;
  code?: string;
  /** The input line the service blamed, numbered as the service numbers it. */
  line?: number;
}

export interface UploadedFile {
  name: string;
  displayName?: string;
  sizeBytes?: number;
  mimeType?: string;
  /** ISO 8601; when the provider says. */
  createTime?: string;
  /** Gemini's `uri` of the file ("Output only. The URI of the `File`": File_2 in @google/genai's genai.d.ts), what a
   * request's `fileData.fileUri` names. */
  uri?: string;
}

/** One page of a provider's uploaded files, newest first. `nextPageToken` is absent on the last page. */
export interface FilePage {
  files: UploadedFile[];
  nextPageToken?: string;
}

export interface ListFilesOptions {
  pageSize: number;
  pageToken?: string;
  signal?: AbortSignal;
}

export interface CreateJobRequest {
  kind: BatchKind;
  model: string;
  displayName: string;
  /** A file already uploaded (`files/…` or `file-…`). */
  inputFile?: string;
  /** Parsed JSONL lines, for inline submission of small files (Gemini kinds only). */
  inlineLines?: unknown[];
  /** OpenAI endpoint, e.g. '/v1/chat/completions' (openai kind). */
  endpoint?: string;
}

export interface ProgressSink {
  (done: number, total: number): void;
}

/** What the caller's saved record knows about a job, so a provider need not guess it from the service. */
export interface JobHint {
  kind?: BatchKind;
}

export interface UploadFileOptions {
  displayName: string;
  /** Of a media file for requests to read (Gemini); a batch input file needs none. */
  mimeType?: string;
  onProgress?: ProgressSink;
  signal?: AbortSignal;
  /** Told each wait (ms) before the upload is tried again after a 429 (rateLimitRetry.ts), for the log. */
  onRetryAfter?: (ms: number) => void;
}

export interface BatchProvider {
  readonly id: ProviderId;
  /** `pageSize` comes from the `geminiBatch.jobs.pageSize` setting (or the caller's own need); no default here. */
  listJobs(options: {
    pageSize: number;
    pageToken?: string;
    signal?: AbortSignal;
  }): Promise<{ jobs: BatchJob[]; nextPageToken?: string }>;
  /** `hint`: from the caller's saved record (its kind); without it the provider works the kind out, at some cost. */
  getJob(name: string, signal?: AbortSignal, hint?: JobHint): Promise<BatchJob>;
  uploadFile(path: string, options: UploadFileOptions): Promise<UploadedFile>;
  /**
   * The files uploaded to this backend, newest first: every file the service lists (Gemini also lists its
   * `files/batch-…` result files; OpenAI lists purpose `batch` only). Callers filter.
   */
  listFiles(options: ListFilesOptions): Promise<FilePage>;
  createJob(request: CreateJobRequest, signal?: AbortSignal): Promise<BatchJob>;
  cancelJob(name: string): Promise<void>;
  deleteJob(name: string): Promise<void>;
  /** Streams a provider file to `destPath` (the caller handles temp-file-then-rename). */
  downloadFile(
    fileName: string,
    destPath: string,
    options?: { onProgress?: ProgressSink; signal?: AbortSignal },
  ): Promise<void>;
  listModels(kind: BatchKind, signal?: AbortSignal): Promise<string[]>;
  /**
   * The service's own input-token count of one request (Gemini `models/{model}:countTokens`), for the exact count
   * on demand beside the local estimate. Absent where the service has none (OpenAI).
   */
  countTokens?(model: string, request: Record<string, unknown>, signal?: AbortSignal): Promise<number>;
  /** What this backend can do; absent means "everything". OpenAI has no batch delete. */
  readonly capabilities?: ProviderCapabilities;
}

export interface ProviderCapabilities {
  deleteJob: boolean;
  /** Inline (no upload) submission of small Gemini files. */
  inline: boolean;
}

/** One HTTP call, for the log. `path` never carries a query string, so never a `key=`. */
export interface ApiCallRecord {
  method: string;
  path: string;
  status: number | 'error';
  ms: number;
}

export interface ProviderConfig {
  id: ProviderId;
  apiKey: string;
  /** `geminiBatch.gemini.baseUrl` (the emulator's base URL for `emulator`). Defaults live in package.json only. */
  geminiBaseUrl: string;
  /** `geminiBatch.gemini.apiVersion`. */
  geminiApiVersion: 'v1' | 'v1beta';
  /** `geminiBatch.openai.baseUrl`. */
  openaiBaseUrl: string;
  onCall?: (call: ApiCallRecord) => void;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** Why an API call failed, so callers branch on `kind`, never on message text. */
export type ApiErrorKind =
  'auth' | 'rateLimit' | 'notFound' | 'invalid' | 'server' | 'network' | 'cancelled' | 'unsupported' | 'unknown';

export class BatchApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    /** The server's own message split into lines (e.g. `Error on line 3: …`), key scrubbed; set for `invalid`. */
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'BatchApiError';
  }
}
