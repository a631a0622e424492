import { writeFile } from 'node:fs/promises';
import type { BatchJob as SdkBatchJob, GoogleGenAI } from '@google/genai';
import type { BatchKind } from '../batchKind';
import { toBatchApiError } from './errors';
import { inlineResultLines, toInlineRequests } from './geminiInline';
import { geminiState, mapGeminiOperation, type GeminiOperation } from './geminiOperation';
import { downloadGeminiFile, listGeminiModels } from './geminiFiles';
import { geminiJson, resourcePath, type GeminiEndpoint } from './geminiRest';
import { resumableUpload } from './resumableUpload';
import {
  BatchApiError,
  type BatchJob,
  type BatchProvider,
  type CreateJobRequest,
  type ProgressSink,
  type ProviderCapabilities,
  type ProviderId,
  type UploadedFile,
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
 * abort, resume). `openai`-kind files go through Gemini's OpenAI-compatible layer (`compat`); a job is routed
 * there when its name is not `batches/…` or when this instance created it there.
 */
export class GeminiProvider implements BatchProvider {
  readonly capabilities: ProviderCapabilities = { deleteJob: true, inline: true };
  private readonly compatJobs = new Set<string>();

  constructor(
    readonly id: ProviderId,
    private readonly endpoint: GeminiEndpoint,
    private readonly ai: GoogleGenAI,
    private readonly compat: BatchProvider,
  ) {}

  private usesCompat(name: string): boolean {
    return !isNativeJobName(name) || this.compatJobs.has(name);
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw toBatchApiError(err, this.endpoint.apiKey);
    }
  }

  async listJobs(options: { pageSize?: number; pageToken?: string; signal?: AbortSignal }): Promise<{ jobs: BatchJob[]; nextPageToken?: string }> {
    const page = await this.call(() =>
      geminiJson<{ operations?: GeminiOperation[]; nextPageToken?: string }>(this.endpoint, 'GET', 'batches', {
        query: { pageSize: options.pageSize, pageToken: options.pageToken },
        signal: options.signal,
      }),
    );
    const jobs = (page.operations ?? []).map((op) => mapGeminiOperation(op, this.id));
    return { jobs, nextPageToken: page.nextPageToken || undefined };
  }

  async getJob(name: string, signal?: AbortSignal): Promise<BatchJob> {
    if (this.usesCompat(name)) {
      return this.compat.getJob(name, signal);
    }
    const op = await this.call(() => geminiJson<GeminiOperation>(this.endpoint, 'GET', resourcePath(name, 'batches'), { signal }));
    return mapGeminiOperation(op, this.id);
  }

  uploadFile(path: string, options: { displayName: string; onProgress?: ProgressSink; signal?: AbortSignal }): Promise<UploadedFile> {
    return this.call(() => resumableUpload(this.endpoint, path, options));
  }

  async createJob(request: CreateJobRequest, signal?: AbortSignal): Promise<BatchJob> {
    if (request.kind === 'openai') {
      const job = await this.compat.createJob(request, signal);
      this.compatJobs.add(job.name);
      return job;
    }
    const model = modelId(request.model);
    if (request.inlineLines) {
      const method = request.kind === 'gemini-embed' ? 'asyncBatchEmbedContent' : 'batchGenerateContent';
      const body = { batch: { displayName: request.displayName, inputConfig: { requests: { requests: toInlineRequests(request.inlineLines) } } } };
      const op = await this.call(() => geminiJson<GeminiOperation>(this.endpoint, 'POST', `models/${model}:${method}`, { body, signal }));
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
    if (this.usesCompat(name)) {
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
  async downloadFile(fileName: string, destPath: string, options: { onProgress?: ProgressSink; signal?: AbortSignal } = {}): Promise<void> {
    if (isNativeJobName(fileName)) {
      const op = await this.call(() => geminiJson<GeminiOperation>(this.endpoint, 'GET', resourcePath(fileName, 'batches'), { signal: options.signal }));
      const lines = inlineResultLines(op);
      await writeFile(destPath, lines.length ? `${lines.join('\n')}\n` : '');
      return;
    }
    await this.call(() => downloadGeminiFile(this.endpoint, fileName, destPath, options));
  }

  listModels(kind: BatchKind, signal?: AbortSignal): Promise<string[]> {
    return listGeminiModels(this.endpoint, kind, signal);
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
