import type * as vscode from 'vscode';
import type { JobsState } from '../../adapters/contextKeys';
import type { Log } from '../../adapters/log';
import type { BatchKind } from '../../core/batchKind';
import type { EmulatorHost } from '../emulator/emulatorHost';
import type { ProviderStatus } from '../emulator/providerStatusBar';
import type { OutcomeDecorator } from '../results/outcomes/outcomeDecorator';
import type { EndpointTrust } from '../trust/endpointTrust';
import type { ResultsViewFeature } from '../results/view/registerResultsView';
import type { ValidationFeature } from '../validation/registerValidation';
import type { JobNotifier } from './jobNotifier';
import type { JobsModel } from './jobsModel';
import type { JobsTreeDataProvider } from './jobsTreeDataProvider';
import type { JobsNode } from './jobTreeItems';
import type { JobsFeature } from './registerJobs';

/**
 * What `activate()` returns. Integration tests read the state through it instead of scraping the UI: the log lines,
 * the jobs view state (the `geminiBatch.jobsState` context key), the model, the tree, its view and the notifications.
 */
export interface GeminiBatchApi {
  logLines(): string[];
  jobsState(): JobsState | undefined;
  readonly model: JobsModel;
  readonly tree: JobsTreeDataProvider;
  readonly view: vscode.TreeView<JobsNode>;
  readonly notifier: JobNotifier;
  /** The in-process emulator (tests read where it listens after a settings change). */
  readonly emulator: EmulatorHost;
  /** What the kind status bar shows for an open document: its kind, 'results' (not validated), or undefined (hidden). */
  documentKind(uri: vscode.Uri): BatchKind | 'results' | undefined;
  /** What the provider status bar item shows now (optional: filled in by activate()). */
  providerStatus?(): ProviderStatus;
  /** The outcomes drawn on input lines (decorations cannot be read back from an editor). */
  readonly outcomes?: Pick<OutcomeDecorator, 'onDidRender' | 'rendered'>;
  /** Which endpoint hosts may get the key (tests pre-approve hosts or answer the dialog through it). */
  readonly trust: EndpointTrust;
  /** The results view's open panels (tests probe what a page rendered). */
  resultsView?: ResultsViewFeature;
}

export function createExtensionApi(
  log: Log,
  jobs: JobsFeature,
  emulator: EmulatorHost,
  validation: Pick<ValidationFeature, 'documentKind'>,
  extras: { trust: EndpointTrust; outcomes?: OutcomeDecorator },
): GeminiBatchApi {
  return {
    logLines: () => log.recentLines(),
    jobsState: () => jobs.model.state,
    model: jobs.model,
    tree: jobs.tree,
    view: jobs.view,
    notifier: jobs.notifier,
    emulator,
    documentKind: (uri) => validation.documentKind(uri),
    outcomes: extras.outcomes,
    trust: extras.trust,
  };
}
