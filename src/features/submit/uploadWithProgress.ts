import * as path from 'path';
import * as vscode from 'vscode';
import type { BatchProvider, UploadedFile } from '../../core/providers/types';
import { withCancellableProgress } from '../../adapters/cancellableProgress';
import type { Log } from '../../adapters/log';

function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 ** 2) {
    return `${(bytes / 1024).toFixed(1)} KB`;
  }
  if (bytes < 1024 ** 3) {
    return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  }
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/**
 * Uploads a file (streamed from disk by the provider) behind a cancellable notification that shows bytes and
 * percent. Cancelling aborts the upload; the provider then rejects with a `cancelled` error, which stays silent.
 * A wait after a 429 (the provider retries it) is logged, so a notification that stands still has its reason.
 */
export function uploadWithProgress(
  provider: BatchProvider,
  uri: vscode.Uri,
  displayName: string,
  log: Log,
): Thenable<UploadedFile> {
  const onRetryAfter = (ms: number) =>
    log.info(`[upload] ${uri.fsPath}: rate-limited (429), trying again in ${Math.ceil(ms / 1000)} s`);
  return withCancellableProgress(
    vscode.l10n.t('Uploading {0}', path.basename(uri.fsPath)),
    (done, total, percent) => vscode.l10n.t('{0} of {1} ({2}%)', formatBytes(done), formatBytes(total), percent),
    (signal, onProgress) => provider.uploadFile(uri.fsPath, { displayName, signal, onProgress, onRetryAfter }),
  );
}
