import * as vscode from 'vscode';
import { createLog } from './adapters/log';
import { registerValidation } from './features/validation/registerValidation';
import { registerJobs } from './features/jobs/registerJobs';

/** Table of contents: the log first, then each feature registers what it owns on `context.subscriptions`. */
export function activate(context: vscode.ExtensionContext): void {
  const log = createLog(context);
  context.subscriptions.push(vscode.commands.registerCommand('geminiBatch.log.show', () => log.show()));
  registerValidation(context, log);
  registerJobs(context, log);
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
