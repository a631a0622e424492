import type OpenAI from 'openai';
import type { BatchCreateParams } from 'openai/resources/batches';
import type { BatchKind } from '../batchKind';
import { isOpenAIBatchEndpoint } from '../openaiEndpoints';
import { withApiErrors } from './errors';
import { DISPLAY_NAME_METADATA, mapOpenAIBatch } from './openaiBatch';
import {
  BatchApiError,
  type BatchJob,
  type BatchProvider,
  type CreateJobRequest,
  type FilePage,
  type ListFilesOptions,
  type ProgressSink,
  type ProviderCapabilities,
  type ProviderId,
  type UploadedFile,
  type UploadFileOptions,
} from './types';

/** Where batch input/output files live: OpenAI's /files, or the Gemini Files API for Gemini's compat layer. */
export interface FileStore {
  upload(path: string, options: UploadFileOptions): Promise<UploadedFile>;
  download(
    fileName: string,
    destPath: string,
    options?: { onProgress?: ProgressSink; signal?: AbortSignal },
  ): Promise<void>;
  list(options: ListFilesOptions): Promise<FilePage>;
}

export interface OpenAIProviderParts {
  id: ProviderId;
  apiKey: string;
  /** Built with maxRetries: 0: retrying a create is safeCreate's decision, never the SDK's. */
  client: OpenAI;
  files: FileStore;
  listModels(kind: BatchKind, signal?: AbortSignal): Promise<string[]>;
  /** Absent: the backend has no batch delete and deleteJob throws `unsupported`. */
  deleteJob?(name: string): Promise<void>;
  /** OpenAI keeps the display name in batch metadata; Gemini's compat layer is not known to accept metadata. */
  displayNameInMetadata: boolean;
  /**
   * The id to put in `/batches/{id}`. The SDK percent-encodes ids, so Gemini's `batches/x` would travel as
   * `batches%2Fx`; the compat layer gets the bare `x` instead.
   */
  pathId?(name: string): string;
}

/** Batches through the `openai` SDK: OpenAI itself, any compatible base URL, or Gemini's /v1beta/openai/ layer. */
export class OpenAIBatchProvider implements BatchProvider {
  readonly id: ProviderId;
  readonly capabilities: ProviderCapabilities;

  constructor(private readonly parts: OpenAIProviderParts) {
    this.id = parts.id;
    this.capabilities = { deleteJob: parts.deleteJob !== undefined, inline: false };
  }

  private pathId(name: string): string {
    return this.parts.pathId ? this.parts.pathId(name) : name;
  }

  private call<T>(run: () => Promise<T>): Promise<T> {
    return withApiErrors(this.parts.apiKey, run);
  }

  async listJobs(options: {
    pageSize: number;
    pageToken?: string;
    signal?: AbortSignal;
  }): Promise<{ jobs: BatchJob[]; nextPageToken?: string }> {
    return this.call(async () => {
      const page = await this.parts.client.batches.list(
        { limit: options.pageSize, after: options.pageToken },
        { signal: options.signal },
      );
      const jobs = page.data.map((b) => mapOpenAIBatch(b, this.id));
      return { jobs, nextPageToken: page.has_more && jobs.length > 0 ? jobs[jobs.length - 1].name : undefined };
    });
  }

  async getJob(name: string, signal?: AbortSignal): Promise<BatchJob> {
    return this.call(async () =>
      mapOpenAIBatch(await this.parts.client.batches.retrieve(this.pathId(name), { signal }), this.id),
    );
  }

  uploadFile(path: string, options: UploadFileOptions): Promise<UploadedFile> {
    return this.call(() => this.parts.files.upload(path, options));
  }

  listFiles(options: ListFilesOptions): Promise<FilePage> {
    return this.call(() => this.parts.files.list(options));
  }

  async createJob(request: CreateJobRequest, signal?: AbortSignal): Promise<BatchJob> {
    if (request.kind !== 'openai' || !request.inputFile) {
      throw new BatchApiError(
        'unsupported',
        `This provider runs uploaded OpenAI-format files only (got ${request.kind}${request.inputFile ? '' : ', no file'}).`,
      );
    }
    const endpoint = request.endpoint ?? '/v1/chat/completions';
    if (!isOpenAIBatchEndpoint(endpoint)) {
      throw new BatchApiError('invalid', `Unsupported batch endpoint: ${endpoint}`);
    }
    const params: BatchCreateParams = {
      input_file_id: request.inputFile,
      endpoint,
      completion_window: '24h',
    };
    if (this.parts.displayNameInMetadata) {
      params.metadata = { [DISPLAY_NAME_METADATA]: request.displayName.slice(0, 512) };
    }
    const batch = await this.call(() => this.parts.client.batches.create(params, { signal }));
    const job = mapOpenAIBatch(batch, this.id);
    return {
      ...job,
      displayName: job.displayName ?? request.displayName,
      model: job.model ?? request.model,
      inputFile: job.inputFile ?? request.inputFile,
    };
  }

  async cancelJob(name: string): Promise<void> {
    await this.call(() => this.parts.client.batches.cancel(this.pathId(name)));
  }

  async deleteJob(name: string): Promise<void> {
    if (!this.parts.deleteJob) {
      throw new BatchApiError('unsupported', 'This provider cannot delete batch jobs.');
    }
    await this.call(() => this.parts.deleteJob!(name));
  }

  downloadFile(
    fileName: string,
    destPath: string,
    options?: { onProgress?: ProgressSink; signal?: AbortSignal },
  ): Promise<void> {
    return this.call(() => this.parts.files.download(fileName, destPath, options));
  }

  listModels(kind: BatchKind, signal?: AbortSignal): Promise<string[]> {
    return this.parts.listModels(kind, signal);
  }
}
