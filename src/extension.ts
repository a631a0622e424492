import * as vscode from 'vscode';
import { createConfig } from './adapters/config';
import { createLog } from './adapters/log';
import { registerAuth } from './features/auth/registerAuth';
import { registerEmulator } from './features/emulator/registerEmulator';
import { createExtensionApi, type GeminiBatchApi } from './features/jobs/extensionApi';
import { registerJobs } from './features/jobs/registerJobs';
import { registerResults } from './features/results/registerResults';
import { registerResultsView } from './features/results/view/registerResultsView';
import { registerSubmit } from './features/submit/registerSubmit';
import { createKindResolver } from './features/submit/preflight';
import { registerValidation } from './features/validation/registerValidation';

/** Table of contents: the log first, then each feature registers what it owns on `context.subscriptions`. */
export function activate(context: vscode.ExtensionContext): GeminiBatchApi {
  const log = createLog(context);
  const config = createConfig(context);
  context.subscriptions.push(vscode.commands.registerCommand('geminiBatch.log.show', () => log.show()));
  const validation = registerValidation(context, log);
  const keys = registerAuth(context, { log, config });
  const emulator = registerEmulator(context, { log, config });
  const jobs = registerJobs(context, { log, config, keys, emulator });
  // The validation feature's own per-file kinds, so submit validates with the kind the editor shows and its
  // CodeLens follows a kind change at once.
  const { overrides } = validation;
  registerSubmit(context, { log, config, jobs, kindFor: createKindResolver(overrides), onDidChangeKind: overrides.onDidChange });
  registerResults(context, { log, config, model: jobs.model });
  const resultsView = registerResultsView(context, { log, config, records: jobs.model.records });
  return { ...createExtensionApi(log, jobs, emulator, validation), resultsView };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions. The emulator's close is started synchronously by its dispose();
  // EmulatorHost.dispose() explains why not waiting for it is safe.
}
