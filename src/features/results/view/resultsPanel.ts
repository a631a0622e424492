import * as vscode from 'vscode';
import type { PriceOverride } from '../../../core/pricing/prices';
import type { Log } from '../../../adapters/log';
import { InputIndex } from '../../../core/results/inputIndex';
import { ResultsModel } from '../../../core/results/resultsModel';
import { ALL_ROWS, toRowQuery } from '../../../core/results/rowQuery';
import { adviceText } from './adviceText';
import { noAnswerText } from './noAnswerText';
import { revealInputLine } from './revealInputLine';

/** What the webview reports when the host probes it (tests prove with it that nothing injected ran). */
export interface RenderProbe {
  listRows: number;
  detailText: string;
  detailHtml: string;
  /** Script elements inside the areas results are rendered in (the page's own scripts are in the head). */
  scripts: number;
  /** Elements with an `on…` attribute, `href`s that are not http(s), anything a payload could have planted. */
  handlers: number;
  badHrefs: string[];
  /** Set only if an injected script or handler ran: the payloads of the tests write it. */
  pwned: boolean;
  /** `securitypolicyviolation` events the page saw: an injected handler blocked by the CSP would show here. */
  violations: string[];
  /** What the list says when it has no rows ('' while it has some). */
  emptyText: string;
  /** The listbox's aria-activedescendant, the ids of the options marked selected, the status glyphs' names. */
  activeDescendant: string;
  selectedRows: string[];
  statusLabels: string[];
  /** Toolbar controls without an accessible name. */
  unnamedControls: number;
}

type Incoming = Record<string, unknown>;
const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * One results view: binds a webview to a ResultsModel of its file. Every message from the webview is checked
 * before use; answers go back as data (the page renders them as text). Disposed with the webview panel.
 */
export class ResultsPanel implements vscode.Disposable {
  private readonly model: ResultsModel;
  private readonly abort = new AbortController();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly probes: ((probe: RenderProbe) => void)[] = [];
  private readonly cspChecks: ((result: { ran: boolean; violations: string[] }) => void)[] = [];
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly renderEmitter = new vscode.EventEmitter<number>();
  /** Fires when the page has loaded, and each time the table or the query changes (tests wait on these). */
  readonly onDidReady = this.readyEmitter.event;
  readonly onDidChange = this.changeEmitter.event;
  /** Fires with the table index of the row the page has just shown in full. */
  readonly onDidRender = this.renderEmitter.event;
  private readonly copyEmitter = new vscode.EventEmitter<number>();
  /** Fires with the row's index once Copy Answer has put its answer on the clipboard. */
  readonly onDidCopy = this.copyEmitter.event;
  ready = false;

  constructor(
    readonly uri: vscode.Uri,
    private readonly panel: vscode.WebviewPanel,
    private readonly inputPath: string | undefined,
    private readonly log: Log,
    prices?: ReadonlyMap<string, PriceOverride>,
  ) {
    this.model = new ResultsModel(uri.fsPath, () => this.postState(), this.abort.signal, prices);
    this.model.scanned.catch((error: unknown) => {
      if (this.abort.signal.aborted) {
        return;
      }
      this.log.warn(`[results] cannot read ${uri.fsPath}: ${String(error)}`);
      void this.post({
        type: 'error',
        message: vscode.l10n.t('Cannot read {0}.', vscode.workspace.asRelativePath(uri)),
      });
    });
    if (inputPath) {
      InputIndex.build(inputPath, this.abort.signal).then(
        (input) => {
          this.model.setInput(input);
          void this.post({ type: 'refresh' });
        },
        () => undefined,
      );
    }
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (typeof m === 'object' && m !== null) {
          this.receive(m as Incoming).catch((error: unknown) =>
            this.log.warn(`[results] view message failed: ${String(error)}`),
          );
        }
      }),
      this.readyEmitter,
      this.changeEmitter,
      this.renderEmitter,
      this.copyEmitter,
    );
  }

  private post(message: unknown): Thenable<boolean> {
    return this.abort.signal.aborted ? Promise.resolve(false) : this.panel.webview.postMessage(message);
  }

  private postState(): void {
    void this.post({ type: 'state', state: this.model.state(), inputKnown: this.inputPath !== undefined });
    this.changeEmitter.fire();
  }

  private async receive(m: Incoming): Promise<void> {
    switch (m.type) {
      case 'ready':
        // A (re)loaded page starts from "all rows": the page is dropped while its tab is hidden.
        await this.model.setQuery(ALL_ROWS, '');
        this.ready = true;
        this.postState();
        this.readyEmitter.fire();
        return;
      case 'query':
        await this.model.setQuery(toRowQuery(m.query), typeof m.search === 'string' ? m.search.slice(0, 1000) : '');
        this.postState();
        return;
      case 'page': {
        const start = num(m.start);
        const rows = await this.model.page(start, num(m.count, 50));
        await this.post({ type: 'page', seq: num(m.seq), start, rows });
        return;
      }
      case 'detail': {
        const row = await this.model.detail(num(m.index, -1));
        await this.post({
          type: 'detail',
          row,
          advice: row?.error ? adviceText(row.error.advice) : undefined,
          notice: row ? noAnswerText(row.noAnswer, row.cutShort) : undefined,
          inputKnown: this.inputPath !== undefined,
        });
        return;
      }
      case 'revealInput':
        return this.revealInput(num(m.index, -1));
      case 'copyAnswer': {
        // Read again from the file: the page only names the row, so nothing it holds reaches the clipboard.
        const text = (await this.model.detail(num(m.index, -1)))?.copyText;
        if (text !== undefined) {
          await vscode.env.clipboard.writeText(text);
          await this.post({ type: 'copied', index: num(m.index, -1) });
          this.copyEmitter.fire(num(m.index, -1));
        }
        return;
      }
      case 'openLink':
        if (typeof m.href === 'string' && /^https?:\/\//i.test(m.href)) {
          await vscode.env.openExternal(vscode.Uri.parse(m.href, true));
        }
        return;
      case 'command':
        if (m.command === 'retryFailed' || m.command === 'export') {
          await vscode.commands.executeCommand(`geminiBatch.results.${m.command}`, this.uri);
        } else if (m.command === 'openText') {
          await vscode.commands.executeCommand('vscode.openWith', this.uri, 'default');
        }
        return;
      case 'rendered':
        this.renderEmitter.fire(num(m.index, -1));
        return;
      case 'cspCheck':
        this.cspChecks
          .splice(0)
          .forEach((resolve) =>
            resolve({ ran: m.ran === true, violations: Array.isArray(m.violations) ? m.violations.map(String) : [] }),
          );
        return;
      case 'probe':
        this.probes.splice(0).forEach((resolve) => resolve(m.probe as RenderProbe));
        return;
    }
  }

  private async revealInput(index: number): Promise<void> {
    const row = this.inputPath ? await this.model.detail(index) : undefined;
    if (this.inputPath && row?.inputLine !== undefined) {
      await revealInputLine(vscode.Uri.file(this.inputPath), row.inputLine);
    }
  }

  /** Selects the row with this key (from "Show Result of This Line"). */
  async revealKey(key: string): Promise<boolean> {
    const found = await this.model.locate(key);
    if (found) {
      await this.post({ type: 'select', index: found.index, position: found.position });
    }
    return found !== undefined;
  }

  /** Asks the page what it rendered: for tests that prove model output stays text. */
  probe(): Promise<RenderProbe> {
    return new Promise((resolve) => {
      this.probes.push(resolve);
      void this.post({ type: 'probe' });
    });
  }

  /** Has the page try a script without the nonce (the control of the injection test): the CSP must block it. */
  cspCheck(): Promise<{ ran: boolean; violations: string[] }> {
    return new Promise((resolve) => {
      this.cspChecks.push(resolve);
      void this.post({ type: 'cspCheck' });
    });
  }

  /** Sets the page's filters, search and order as the toolbar would (tests). */
  applyQuery(
    query: { status?: string; sort?: string; finishReason?: string; errorCode?: string },
    search = '',
  ): Thenable<boolean> {
    return this.post({ type: 'applyQuery', query, search });
  }

  /** Clicks the shown row's Copy Answer button, as a user would (tests). */
  clickCopyAnswer(): Thenable<boolean> {
    return this.post({ type: 'clickCopy' });
  }

  /** Selects a row as a click would (tests). */
  select(index: number, position: number): Thenable<boolean> {
    return this.post({ type: 'select', index, position });
  }

  state() {
    return this.model.state();
  }

  dispose(): void {
    this.abort.abort();
    this.model.dispose();
    this.disposables.splice(0).forEach((d) => d.dispose());
  }
}
