import * as vscode from 'vscode';

/** What a job command was called with: a tree node or nothing (a click, the palette), or a job name (a script). */
export interface ConfirmOptions {
  /** Set by a caller that has already asked the user (or is a test acting for one). */
  confirmed?: boolean;
}

/**
 * Whether a destructive job command asks before acting. Clicks in the tree pass a node and the palette passes
 * nothing: both ask. A caller that names the job by string (a script, another extension, a notification's button
 * that has asked already) or says `confirmed` does not.
 */
export function asksFirst(arg: unknown, options?: ConfirmOptions): boolean {
  return typeof arg !== 'string' && !options?.confirmed;
}

/**
 * The modal "Cancel batch job …?" question; true when the user chose to cancel it. The close button is "Keep
 * Running": the default one reads "Cancel", which beside "Cancel Job" read as the opposite of what it does.
 */
export function confirmCancel(label: string): Promise<boolean> {
  return askCancel(vscode.l10n.t('Cancel batch job "{0}"?', label));
}

/** The same question for a group of split parts, whose running parts are all cancelled. */
export function confirmCancelGroup(label: string, running: number, total: number): Promise<boolean> {
  return askCancel(vscode.l10n.t('Cancel the {0} running parts of "{1}" (of {2} parts)?', running, label, total));
}

async function askCancel(question: string): Promise<boolean> {
  const cancelJob: vscode.MessageItem = { title: vscode.l10n.t('Cancel Job') };
  const keepRunning: vscode.MessageItem = { title: vscode.l10n.t('Keep Running'), isCloseAffordance: true };
  const choice = await vscode.window.showWarningMessage(
    question,
    {
      modal: true,
      detail: vscode.l10n.t(
        'The service stops the job. This cannot be undone: running the file again makes a new job.',
      ),
    },
    cancelJob,
    keepRunning,
  );
  return choice === cancelJob;
}
