import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PriceOverride } from '../../../core/pricing/prices';
import { readFileStamp, sameFileStamp, type FileStamp } from '../../../core/results/fileStamp';
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
    webviewPanel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    // The version of the file the panel reads, taken before it starts reading.
    let shown: Promise<FileStamp | undefined> =
      document.uri.scheme === 'file' ? readFileStamp(document.uri.fsPath) : Promise.resolve(undefined);
    let panel = this.mount(document.uri, webviewPanel, media);
    let disposed = false;
    // A file rewritten while it is shown reloads its view: the merge after a retry rewrites the joined file
    // (atomically), and a view of it went on showing the failures the retry had answered.
    const watcher =
      document.uri.scheme === 'file'
        ? vscode.workspace.createFileSystemWatcher(
            new vscode.RelativePattern(
              vscode.Uri.file(path.dirname(document.uri.fsPath)),
              path.basename(document.uri.fsPath),
            ),
            false,
            false,
            true,
          )
        : undefined;
    // Only a version other than the one shown reloads: events come late and to every matching watcher, so the write
    // that made the file just before it was opened is heard once the view is open (another watch on its folder, a
    // closing view's, saw it); reloading then left whoever waited on the first panel waiting forever. An atomic
    // write brings a creation and a change: checked one after the other, the second finds the version shown.
    let checking = Promise.resolve();
    const reloadIfChanged = (): void => {
      checking = checking.then(async () => {
        const [was, now] = await Promise.all([shown, readFileStamp(document.uri.fsPath)]);
        if (disposed || sameFileStamp(was, now)) {
          return;
        }
        this.panels.delete(panel);
        panel.dispose();
        shown = Promise.resolve(now);
        panel = this.mount(document.uri, webviewPanel, media);
      });
    };
    // An atomic write (a temporary file renamed over it) may be seen as the file's creation.
    const changes = watcher && [watcher.onDidChange(reloadIfChanged), watcher.onDidCreate(reloadIfChanged)];
    webviewPanel.onDidDispose(() => {
      disposed = true;
      changes?.forEach((d) => d.dispose());
      watcher?.dispose();
      this.panels.delete(panel);
      panel.dispose();
    });
  }

  /** Loads the page into `webviewPanel` and starts the panel that reads `uri` for it. */
  private mount(uri: vscode.Uri, webviewPanel: vscode.WebviewPanel, media: vscode.Uri): ResultsPanel {
    const webview = webviewPanel.webview;
    const asUri = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(media, name)).toString();
    webview.html = resultsHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce((n) => randomBytes(n)),
      scripts: ['render.js', 'list.js', 'main.js'].map(asUri),
      styles: [asUri('results.css')],
      title: path.basename(uri.fsPath),
    });
    const input = uri.scheme === 'file' ? inputForResults(uri.fsPath, this.records()) : undefined;
    const panel = new ResultsPanel(uri, webviewPanel, input, this.log, this.prices());
    this.panels.add(panel);
    this.opened.fire(panel);
    return panel;
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
