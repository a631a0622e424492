import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import type { Log } from '../../adapters/log';
import type { ApiKeys } from '../../adapters/secrets';
import type { EmulatorHost } from '../emulator/emulatorHost';
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
 * Polling pauses while the window is unfocused AND the view hidden, and resumes on either event.
 */
export function registerJobs(
  context: vscode.ExtensionContext,
  deps: { log: Log; config: Config; keys: ApiKeys; emulator: EmulatorHost; showNotice?: ShowNotice },
): JobsFeature {
  const { log, config, keys, emulator } = deps;
  const session = new ProviderSession(config, keys, emulator, log);
  const records = new JobRecordStore(context.workspaceState);
  // The view is created after the model (it needs the tree); until then polling counts as visible-or-focused.
  const visibility = { view: undefined as vscode.TreeView<JobsNode> | undefined };
  const canPoll = (): boolean => vscode.window.state.focused || (visibility.view?.visible ?? true);
  const model = new JobsModel(session, records, config, log, canPoll);
  const tree = new JobsTreeDataProvider(model, () => visibility.view?.visible ?? false);
  const view = vscode.window.createTreeView('geminiBatch.jobs', { treeDataProvider: tree, showCollapseAll: true });
  visibility.view = view;
  const notifier = new JobNotifier(model, deps.showNotice);
  context.subscriptions.push(
    session, records, model, tree, view, notifier,
    view.onDidChangeVisibility(({ visible }) => {
      model.resumePolling();
      // Shown again: the time-based descriptions were not re-rendered while hidden.
      if (visible) { tree.refreshUnfinished(); }
    }),
    vscode.window.onDidChangeWindowState(() => model.resumePolling()),
  );

  registerJobsCommands(context, { log, model, tree, view });
  registerProviderSelect(context, { log, config });
  // The first listing runs after activate() returns; a deactivation before then cancels it (the model also ignores
  // reloads once disposed, so a late one cannot resolve the session and restart the emulator).
  const firstListing = setTimeout(() => void model.reload(true), 0);
  context.subscriptions.push(new vscode.Disposable(() => clearTimeout(firstListing)));
  return { model, tree, view, notifier };
}
