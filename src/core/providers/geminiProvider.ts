import { writeFile } from 'node:fs/promises';
import type { BatchJob as SdkBatchJob, GoogleGenAI } from '@google/genai';
import type { BatchKind } from '../batchKind';
import { compatJobsAmong, compatViewOf, mergeCompatView } from './compatView';
import { withApiErrors } from './errors';
import { inlineResultLines, toInlineRequests } from './geminiInline';
import { geminiState, mapGeminiOperation, type GeminiOperation } from './geminiOperation';
import { downloadGeminiFile, listGeminiFiles, listGeminiModels } from './geminiFiles';
import { geminiJson, resourcePath, type GeminiEndpoint } from './geminiRest';
import { resumableUpload } from './resumableUpload';
import {
  BatchApiError,
  type BatchJob,
  type BatchProvider,
  type CreateJobRequest,
  type FilePage,
  type JobHint,
  type ListFilesOptions,
  type ProgressSink,
  type ProviderCapabilities,
  type ProviderId,
  type UploadedFile,
  type UploadFileOptions,
} from './types';

/** Gemini-native job names look like `batches/<id>`; anything else came from the OpenAI-compatible layer. */
export function isNativeJobName(name: string): boolean {
  return /^batches\/[^/]+$/.test(name);
}

function modelId(model: string): string {
  const id = model.replace(/^models\//, '');
  if (!/^[A-Za-z0-9._-]+$/.test(id)) {
    throw new BatchApiError('invalid', `Invalid model name: ${model}`);
  }
  return id;
}

/**
 * The Gemini API: creates, cancels and deletes through @google/genai; reads jobs (get/list) as raw REST so
 * batchStats and the job error, which the SDK drops, survive; uploads with our own resumable upload (progress,
 * abort, resume). `openai`-kind files go through Gemini's OpenAI-compatible layer (`compat`). Its jobs are
 * `batches/…` too, and the native view of them lacks their kind and error file, so reads consult the compat
 * layer (see compatView.ts) unless the caller's saved record says which kind the job is. No in-memory routing:
 * a fresh instance (after a reload) reads a job exactly as the one that created it.
 */
export class GeminiProvider implements BatchProvider {
  readonly capabilities: ProviderCapabilities = { deleteJob: true, inline: true };

  constructor(
    readonly id: ProviderId,
    private readonly endpoint: GeminiEndpoint,
    private readonly ai: GoogleGenAI,
    private readonly compat: BatchProvider,
  ) {}

  private call<T>(run: () => Promise<T>): Promise<T> {
    return withApiErrors(this.endpoint.apiKey, run);
  }

  /** The native list page, with the compat layer's view of the compat jobs on it (kind `openai`, error file). */
  async listJobs(options: {
    pageSize: number;
    pageToken?: string;
    signal?: AbortSignal;
  }): Promise<{ jobs: BatchJob[]; nextPageToken?: string }> {
    const page = await this.call(() =>
      geminiJson<{ operations?: GeminiOperation[]; nextPageToken?: string }>(this.endpoint, 'GET', 'batches', {
        query: { pageSize: options.pageSize, pageToken: options.pageToken },
        signal: options.signal,
      }),
    );
    const native = (page.operations ?? []).map((op) => mapGeminiOperation(op, this.id));
    const fileJobs = native.filter((j) => j.resultsFile !== 'inline' && j.inputFile !== undefined);
    const compat =
      fileJobs.length > 0 ? await compatJobsAmong(this.compat, fileJobs, options.signal) : new Map<string, BatchJob>();
    const jobs = native.map((job) => {
      const view = compat.get(job.name);
      return view ? mergeCompatView(job, view) : job;
    });
    return { jobs, nextPageToken: page.nextPageToken || undefined };
  }

  /**
   * `hint.kind` comes from the caller's saved record: `openai` reads through the compat layer, a Gemini kind reads
   * natively only. Without a hint, a native file job is also looked up in the compat layer (one extra GET).
   */
  async getJob(name: string, signal?: AbortSignal, hint?: JobHint): Promise<BatchJob> {
    if (!isNativeJobName(name)) {
      return this.compat.getJob(name, signal);
    }
    if (hint?.kind === 'openai') {
      const view = await compatViewOf(this.compat, name, signal);
      if (view) {
        return { ...view, name };
      }
      // The compat layer does not know it (or cannot read it): the native view, not a false "gone".
      return { ...(await this.nativeJob(name, signal)), kind: 'openai' };
    }
    const job = await this.nativeJob(name, signal);
    if (
      hint?.kind !== undefined ||
      job.resultsFile === 'inline' ||
      job.inputFile === undefined ||
      job.errorFile !== undefined
    ) {
      return job;
    }
    const view = await compatViewOf(this.compat, name, signal);
    return view ? mergeCompatView(job, view) : job;
  }

  private async nativeJob(name: string, signal?: AbortSignal): Promise<BatchJob> {
    const op = await this.call(() =>
      geminiJson<GeminiOperation>(this.endpoint, 'GET', resourcePath(name, 'batches'), { signal }),
    );
    return mapGeminiOperation(op, this.id);
  }

  uploadFile(path: string, options: UploadFileOptions): Promise<UploadedFile> {
    return this.call(() => resumableUpload(this.endpoint, path, options));
  }

  /** The Gemini Files API list (compat-layer inputs are Gemini files too, so one list covers both kinds). */
  listFiles(options: ListFilesOptions): Promise<FilePage> {
    return this.call(() => listGeminiFiles(this.endpoint, options));
  }

  async createJob(request: CreateJobRequest, signal?: AbortSignal): Promise<BatchJob> {
    if (request.kind === 'openai') {
      return this.compat.createJob(request, signal);
    }
    const model = modelId(request.model);
    if (request.inlineLines) {
      const method = request.kind === 'gemini-embed' ? 'asyncBatchEmbedContent' : 'batchGenerateContent';
      const body = {
        batch: {
          displayName: request.displayName,
          inputConfig: { requests: { requests: toInlineRequests(request.inlineLines) } },
        },
      };
      const op = await this.call(() =>
        geminiJson<GeminiOperation>(this.endpoint, 'POST', `models/${model}:${method}`, { body, signal }),
      );
      return { ...mapGeminiOperation(op, this.id), kind: request.kind };
    }
    if (!request.inputFile) {
      throw new BatchApiError('invalid', 'A batch needs an uploaded file or inline lines.');
    }
    const inputFile = request.inputFile;
    const config = { displayName: request.displayName, abortSignal: signal };
    const sdkJob = await this.call(() =>
      request.kind === 'gemini-embed'
        ? this.ai.batches.createEmbeddings({ model, src: { fileName: inputFile }, config })
        : this.ai.batches.create({ model, src: inputFile, config }),
    );
    return this.fromSdk(sdkJob, request.kind, inputFile);
  }

  async cancelJob(name: string): Promise<void> {
    if (!isNativeJobName(name)) {
      return this.compat.cancelJob(name);
    }
    await this.call(() => this.ai.batches.cancel({ name }));
  }

  async deleteJob(name: string): Promise<void> {
    if (!isNativeJobName(name)) {
      return this.compat.deleteJob(name);
    }
    await this.call(() => this.ai.batches.delete({ name }));
  }

  /** `files/…` → the file's bytes; a job name (`batches/…`, for 'inline' results) → its inlined responses as JSONL. */
  async downloadFile(
    fileName: string,
    destPath: string,
    options: { onProgress?: ProgressSink; signal?: AbortSignal } = {},
  ): Promise<void> {
    if (isNativeJobName(fileName)) {
      const op = await this.call(() =>
        geminiJson<GeminiOperation>(this.endpoint, 'GET', resourcePath(fileName, 'batches'), {
          signal: options.signal,
        }),
      );
      const lines = inlineResultLines(op);
      await writeFile(destPath, lines.length ? `${lines.join('\n')}\n` : '');
      return;
    }
    await this.call(() => downloadGeminiFile(this.endpoint, fileName, destPath, options));
  }

  listModels(kind: BatchKind, signal?: AbortSignal): Promise<string[]> {
    return listGeminiModels(this.endpoint, kind, signal);
  }

  /** `models/{model}:countTokens` with the whole request (discovery CountTokensRequest.generateContentRequest). */
  async countTokens(model: string, request: Record<string, unknown>, signal?: AbortSignal): Promise<number> {
    const id = model.replace(/^models\//, '');
    if (!/^[A-Za-z0-9_.-]+$/.test(id)) {
      throw new BatchApiError('invalid', `Invalid model name: ${model}`);
    }
    const body = { generateContentRequest: { ...request, model: `models/${id}` } };
    const answer = await this.call(() =>
      geminiJson<{ totalTokens?: number }>(this.endpoint, 'POST', `models/${id}:countTokens`, { body, signal }),
    );
    return answer.totalTokens ?? 0;
  }

  /** The SDK's create answer (no stats yet, nothing lost that matters at creation). */
  private fromSdk(job: SdkBatchJob, kind: BatchKind, inputFile: string): BatchJob {
    return {
      name: job.name ?? '',
      provider: this.id,
      displayName: job.displayName,
      model: job.model?.replace(/^models\//, ''),
      kind,
      state: geminiState(job.state),
      rawState: job.state ?? '',
      createTime: job.createTime,
      updateTime: job.updateTime,
      endTime: job.endTime,
      progress: {},
      inputFile,
      resultsFile: job.dest?.fileName,
    };
  }
}
