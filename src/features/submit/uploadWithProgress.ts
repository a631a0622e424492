import * as path from 'path';
import * as vscode from 'vscode';
import type { BatchProvider, UploadedFile } from '../../core/providers/types';

function formatBytes(bytes: number): string {
  if (bytes < 1024) { return `${bytes} B`; }
  if (bytes < 1024 ** 2) { return `${(bytes / 1024).toFixed(1)} KB`; }
  if (bytes < 1024 ** 3) { return `${(bytes / 1024 ** 2).toFixed(1)} MB`; }
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/**
 * Uploads a file (streamed from disk by the provider) behind a cancellable notification that shows bytes and
 * percent. Cancelling aborts the upload; the provider then rejects with a `cancelled` error, which stays silent.
 */
export function uploadWithProgress(provider: BatchProvider, uri: vscode.Uri, displayName: string): Thenable<UploadedFile> {
  const name = path.basename(uri.fsPath);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Uploading ${name}`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      try {
        return await provider.uploadFile(uri.fsPath, {
          displayName,
          signal: abort.signal,
          onProgress: (done, total) => {
            const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
            progress.report({
              increment: Math.max(0, percent - reported),
              message: `${formatBytes(done)} of ${formatBytes(total)} (${percent}%)`,
            });
            reported = Math.max(reported, percent);
          },
        });
      } finally {
        cancel.dispose();
      }
    },
  );
}
