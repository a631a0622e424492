import * as vscode from 'vscode';
import { createConfig } from './adapters/config';
import { createLog } from './adapters/log';
import { registerAuth } from './features/auth/registerAuth';
import { registerBuildFromDataCommand } from './features/build/buildFromDataCommand';
import { registerEmulator } from './features/emulator/registerEmulator';
import { registerEstimate, type EstimateFeature } from './features/estimate/registerEstimate';
import { registerProviderStatusBar } from './features/emulator/providerStatusBar';
import { createExtensionApi, type GeminiBatchApi } from './features/jobs/extensionApi';
import { registerJobs } from './features/jobs/registerJobs';
import { registerResults } from './features/results/registerResults';
import { registerSplit } from './features/split/splitCommand';
import { registerResultActions } from './features/results/registerResultActions';
import { registerTrust } from './features/trust/endpointTrust';
import { registerResultsView } from './features/results/view/registerResultsView';
import { TokenWorkerClient } from './features/estimate/tokenWorkerClient';
import { registerSubmit } from './features/submit/registerSubmit';
import { registerSubmitParts } from './features/submit/submitParts';
import { createKindResolver } from './features/submit/preflight';
import { registerValidation } from './features/validation/registerValidation';
import { registerWalkthrough } from './features/walkthrough/registerWalkthrough';

/** Table of contents: the log first, then each feature registers what it owns on `context.subscriptions`. */
/** What the integration tests reach through `extension.exports`; other extensions get nothing (no contract to keep). */
export type TestApi = GeminiBatchApi & Pick<EstimateFeature, 'onDidChangeEstimate'>;

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const started = performance.now(); // activation cost is a target (npm run bench: activation_ms)
  const log = createLog(context);
  const config = createConfig(context);
  context.subscriptions.push(vscode.commands.registerCommand('geminiBatch.log.show', () => log.show()));
  const validation = registerValidation(context, log);
  const keys = registerAuth(context, { log, config });
  // One token worker for the estimate and the embedded emulator's usage counts (the same counts, one vocabulary).
  const tokens = TokenWorkerClient.forExtension(context.extensionPath);
  context.subscriptions.push(tokens);
  const emulator = registerEmulator(context, { log, config, tokens });
  const providerStatus = registerProviderStatusBar(context, { config, emulator });
  const trust = registerTrust(context, { log, config });
  const jobs = registerJobs(context, { log, config, keys, emulator, trust });
  // The validation feature's own per-file kinds, so submit validates with the kind the editor shows and its
  // CodeLens follows a kind change at once.
  const { overrides } = validation;
  const estimate = registerEstimate(context, { log, config, jobs, kindFor: createKindResolver(overrides), tokens });
  registerSubmit(context, {
    log,
    config,
    jobs,
    kindFor: createKindResolver(overrides),
    onDidChangeKind: overrides.onDidChange,
    confirmCost: estimate.confirmCost,
    models: estimate.models,
  });
  registerResults(context, { log, config, model: jobs.model });
  registerSubmitParts(context, { log, config, jobs, confirmCost: estimate.confirmCost, models: estimate.models });
  const outcomes = registerResultActions(context, {
    log,
    config,
    model: jobs.model,
    confirmCost: estimate.confirmCost,
  });
  // Before the submit: batch files built from a table, and files over a provider's limits split into parts.
  context.subscriptions.push(
    registerBuildFromDataCommand({ log, config, model: jobs.model }),
    registerSplit(log, createKindResolver(overrides), estimate),
  );
  registerWalkthrough(context, { log });
  const resultsView = registerResultsView(context, { log, config, records: jobs.model.records });
  log.info(`[activate] ${(performance.now() - started).toFixed(2)} ms`);
  // Only when tests run: VS Code's test mode, or the installed .vsix under test (scripts/test-vsix.js sets the variable).
  const testing = context.extensionMode === vscode.ExtensionMode.Test || process.env.GEMINI_BATCH_TEST_API === '1';
  if (!testing) {
    return undefined;
  }
  return {
    ...createExtensionApi(log, jobs, emulator, validation, { trust, outcomes }),
    providerStatus,
    resultsView,
    onDidChangeEstimate: estimate.onDidChangeEstimate,
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions. The emulator's close is started synchronously by its dispose();
  // EmulatorHost.dispose() explains why not waiting for it is safe.
}
