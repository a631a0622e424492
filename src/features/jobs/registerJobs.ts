import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import type { Log } from '../../adapters/log';
import { isTerminal } from '../../core/providers/types';
import type { ApiKeys } from '../../adapters/secrets';
import type { EmulatorHost } from '../emulator/emulatorHost';
import type { EndpointTrust } from '../trust/endpointTrust';
import { JobNotifier, type ShowNotice } from './jobNotifier';
import { JobRecordStore } from './jobRecordStore';
import { registerJobsCommands } from './jobsCommands';
import { JobsModel } from './jobsModel';
import { JobsTreeDataProvider } from './jobsTreeDataProvider';
import type { JobsNode } from './jobTreeItems';
import { ProviderSession } from './providerSession';
import { registerProviderSelect } from './selectProvider';

/** What the submit and results features (and the test API) build on. */
export interface JobsFeature {
  model: JobsModel;
  tree: JobsTreeDataProvider;
  view: vscode.TreeView<JobsNode>;
  notifier: JobNotifier;
}

/**
 * The jobs view: provider session, model (with its poller), tree, notifications and the job commands.
 * Quiet until needed: nothing is listed until the view is first shown or a job command runs, and polling runs only
 * while the view is visible or a job submitted from this workspace is unfinished (so its end is still announced).
 */
export function registerJobs(
  context: vscode.ExtensionContext,
  deps: {
    log: Log;
    config: Config;
    keys: ApiKeys;
    emulator: EmulatorHost;
    trust: EndpointTrust;
    showNotice?: ShowNotice;
  },
): JobsFeature {
  const { log, config, keys, emulator } = deps;
  const session = new ProviderSession(config, keys, emulator, log, deps.trust);
  const records = new JobRecordStore(context.workspaceState);
  // The view is created after the model (it needs the tree); until then it counts as hidden.
  const visibility = { view: undefined as vscode.TreeView<JobsNode> | undefined };
  const model: JobsModel = new JobsModel(
    session,
    records,
    config,
    log,
    () => (visibility.view?.visible ?? false) || ownJobRunning(),
  );
  const ownJobRunning = (): boolean =>
    model.jobs().some((job) => !isTerminal(job.state) && records.get(job.name) !== undefined);
  const tree = new JobsTreeDataProvider(model, () => visibility.view?.visible ?? false);
  const view = vscode.window.createTreeView('geminiBatch.jobs', { treeDataProvider: tree, showCollapseAll: true });
  visibility.view = view;
  const notifier = new JobNotifier(model, log, deps.showNotice);
  context.subscriptions.push(
    session,
    records,
    model,
    tree,
    view,
    notifier,
    view.onDidChangeVisibility(({ visible }) => {
      if (visible) {
        model.start();
      }
      model.resumePolling();
      // Shown again: the time-based descriptions were not re-rendered while hidden.
      if (visible) {
        tree.refreshUnfinished();
      }
    }),
    // A submission recorded while the view is hidden: its job is now worth polling for.
    records.onDidChange(() => model.resumePolling()),
  );

  registerJobsCommands(context, { log, model, tree, view });
  registerProviderSelect(context, { log, config });
  // Restored on screen (the view was open when the window last closed): that is the view being shown.
  if (view.visible) {
    model.start();
  }
  return { model, tree, view, notifier };
}
