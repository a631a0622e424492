import { link, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BatchApiError, type BatchJob, type BatchProvider, type ProgressSink } from '../providers/types';

export { summarizeResults, type ResultSummary } from './summarizeResults';
export { joinResults, type JoinCounts } from './joinResults';
export { classifyResultLine, type ResultOutcome } from './resultLine';

/** The destination exists and the caller did not ask to overwrite it. */
export class FileExistsError extends Error {
  readonly code = 'fileExists';
  constructor(readonly path: string) {
    super(`${path} already exists.`);
    this.name = 'FileExistsError';
  }
}

/** What to pass to `downloadFile` for a job's results: the file, or the job itself for inline results. */
export function resultsSource(job: BatchJob): string | undefined {
  return job.resultsFile === 'inline' ? job.name : job.resultsFile;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Downloads to a temp file in the destination folder, then moves it into place, so the destination is either
 * absent or complete: on failure or abort the temp file is deleted. Without `overwrite`, an existing destination
 * is never replaced (checked again atomically at the end with link(), which fails if the name was taken).
 */
export async function downloadAtomic(
  provider: Pick<BatchProvider, 'downloadFile'>,
  fileName: string,
  destPath: string,
  options: { overwrite?: boolean; onProgress?: ProgressSink; signal?: AbortSignal } = {},
): Promise<void> {
  if (!options.overwrite && (await exists(destPath))) {
    throw new FileExistsError(destPath);
  }
  const temp = join(dirname(destPath), `.${basename(destPath)}.${randomBytes(4).toString('hex')}.part`);
  try {
    await provider.downloadFile(fileName, temp, { onProgress: options.onProgress, signal: options.signal });
    if (options.signal?.aborted) {
      throw new BatchApiError('cancelled', 'The download was cancelled.');
    }
    if (options.overwrite) {
      await rename(temp, destPath);
    } else {
      try {
        await link(temp, destPath);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new FileExistsError(destPath);
        }
        // Filesystems without hard links: fall back to check-then-rename (a small race, same folder).
        if (await exists(destPath)) {
          throw new FileExistsError(destPath);
        }
        await rename(temp, destPath);
      }
    }
  } finally {
    await rm(temp, { force: true });
  }
}
