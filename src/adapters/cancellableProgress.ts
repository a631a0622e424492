import * as vscode from 'vscode';

/** Turns `done` of `total` into the words shown beside the notification's bar. */
export type ProgressWords = (done: number, total: number, percent: number) => string;

/**
 * Runs `work` behind a cancellable notification. Cancelling aborts the signal handed to `work`; the `(done, total)`
 * callback moves the bar by whole percents and updates the message only when its words change, so a fast stream of
 * callbacks does not flood the notification.
 */
export function withCancellableProgress<T>(
  title: string,
  words: ProgressWords,
  work: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      let shown = '';
      try {
        return await work(abort.signal, (done, total) => {
          const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
          const message = words(done, total, percent);
          if (message === shown && percent <= reported) {
            return;
          }
          progress.report({ increment: Math.max(0, percent - reported), message });
          reported = Math.max(reported, percent);
          shown = message;
        });
      } finally {
        cancel.dispose();
      }
    },
  );
}
