import * as vscode from 'vscode';
import type { Config } from '../../../adapters/config';
import { parseOverrides } from '../../../core/pricing/prices';
import { registerCommand } from '../../../adapters/errors';
import type { Log } from '../../../adapters/log';
import type { JobRecordStore } from '../../jobs/jobRecordStore';
import { openForLine } from './openForLine';
import { openView } from './openView';
import { RESULTS_VIEW_TYPE, ResultsEditorProvider } from './resultsEditorProvider';
import type { ResultsPanel } from './resultsPanel';

export interface ResultsViewDeps {
  log: Log;
  config: Config;
  records: JobRecordStore;
}

/** What tests and other features reach: the open panels, and a way to wait for the one of a file. */
export interface ResultsViewFeature {
  panelFor(uri: vscode.Uri): ResultsPanel | undefined;
  /** The panel of `uri` once it is open and its page has loaded. */
  whenPanel(uri: vscode.Uri): Promise<ResultsPanel>;
  /** Fires with each panel opened, a file's view reloaded after the file changed included. */
  onDidOpen: vscode.Event<ResultsPanel>;
}

function loaded(panel: ResultsPanel): Promise<ResultsPanel> {
  if (panel.ready) {
    return Promise.resolve(panel);
  }
  return new Promise((resolve) => {
    const once = panel.onDidReady(() => {
      once.dispose();
      resolve(panel);
    });
  });
}

/**
 * The results view (custom editor `geminiBatch.resultsView`) and "Show Result of This Line"
 * (`geminiBatch.results.openForLine`). The provider and its panels are owned by `context.subscriptions`.
 */
export function registerResultsView(context: vscode.ExtensionContext, deps: ResultsViewDeps): ResultsViewFeature {
  const records = () => deps.records.all();
  const provider = new ResultsEditorProvider(context.extensionUri, deps.log, records, () =>
    parseOverrides(deps.config.priceOverrides()),
  );
  context.subscriptions.push(
    provider,
    vscode.window.registerCustomEditorProvider(RESULTS_VIEW_TYPE, provider, {
      supportsMultipleEditorsPerDocument: true,
      // The page keeps nothing the host cannot send again: when hidden it is dropped and rebuilt from the model.
      webviewOptions: { retainContextWhenHidden: false },
    }),
  );
  const whenPanel = (uri: vscode.Uri): Promise<ResultsPanel> => {
    const open = provider.panelFor(uri);
    if (open) {
      return loaded(open);
    }
    return new Promise((resolve) => {
      const once = provider.onDidOpen((panel) => {
        if (panel.uri.toString() !== uri.toString()) {
          return;
        }
        once.dispose();
        resolve(loaded(panel));
      });
    });
  };
  registerCommand(context, deps.log, 'geminiBatch.results.openForLine', (uri?: unknown, line?: unknown) =>
    openForLine(
      {
        records,
        resultsFolder: (input) => deps.config.resultsFolder(input),
        panelFor: whenPanel,
      },
      uri instanceof vscode.Uri ? uri : undefined,
      typeof line === 'number' ? line : undefined,
    ),
  );
  registerCommand(context, deps.log, 'geminiBatch.results.openView', (uri?: unknown) =>
    openView(
      { records, resultsFolder: (input) => deps.config.resultsFolder(input) },
      uri instanceof vscode.Uri ? uri : undefined,
    ),
  );
  return { panelFor: (uri) => provider.panelFor(uri), whenPanel, onDidOpen: provider.onDidOpen };
}
