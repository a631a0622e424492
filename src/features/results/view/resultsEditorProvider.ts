import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PriceOverride } from '../../../core/pricing/prices';
import type { Log } from '../../../adapters/log';
import type { LocalJobRecord } from '../../jobs/jobRecordStore';
import { inputForResults } from './inputForResults';
import { makeNonce, resultsHtml } from './resultsHtml';
import { ResultsPanel } from './resultsPanel';

export const RESULTS_VIEW_TYPE = 'geminiBatch.resultsView';

/** The document is only its URI: the panel streams the file itself and never holds its text. */
class ResultsDocument implements vscode.CustomDocument {
  constructor(readonly uri: vscode.Uri) {}
  dispose(): void {
    /* nothing held */
  }
}

/**
 * The read-only results editor. It owns the open panels (one per webview) so commands can reach the one showing a
 * file; each panel is removed and disposed with its webview. "Reopen Editor With… → Text Editor" keeps working
 * because the view is registered as an editor for the file, not instead of one.
 */
export class ResultsEditorProvider implements vscode.CustomReadonlyEditorProvider<ResultsDocument>, vscode.Disposable {
  readonly panels = new Set<ResultsPanel>();
  private readonly opened = new vscode.EventEmitter<ResultsPanel>();
  readonly onDidOpen = this.opened.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
    private readonly records: () => readonly LocalJobRecord[],
    /** The price table's overrides now (the header's cost reads them when a view opens). */
    private readonly prices: () => ReadonlyMap<string, PriceOverride>,
  ) {}

  openCustomDocument(uri: vscode.Uri): ResultsDocument {
    return new ResultsDocument(uri);
  }

  resolveCustomEditor(document: ResultsDocument, webviewPanel: vscode.WebviewPanel): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'results');
    const webview = webviewPanel.webview;
    webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    const asUri = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(media, name)).toString();
    webview.html = resultsHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce((n) => randomBytes(n)),
      scripts: ['render.js', 'list.js', 'main.js'].map(asUri),
      styles: [asUri('results.css')],
      title: path.basename(document.uri.fsPath),
    });
    const input = document.uri.scheme === 'file' ? inputForResults(document.uri.fsPath, this.records()) : undefined;
    const panel = new ResultsPanel(document.uri, webviewPanel, input, this.log, this.prices());
    this.panels.add(panel);
    webviewPanel.onDidDispose(() => {
      this.panels.delete(panel);
      panel.dispose();
    });
    this.opened.fire(panel);
  }

  /** The panel showing `uri`, if one is open. */
  panelFor(uri: vscode.Uri): ResultsPanel | undefined {
    return [...this.panels].find((p) => p.uri.toString() === uri.toString());
  }

  dispose(): void {
    this.panels.forEach((p) => p.dispose());
    this.panels.clear();
    this.opened.dispose();
  }
}
