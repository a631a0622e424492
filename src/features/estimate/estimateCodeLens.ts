import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import type { Log } from '../../adapters/log';
import { enqueuedOverflow } from '../../core/estimate/enqueuedCheck';
import { LineEstimates } from '../../core/estimate/lineEstimates';
import { parseOverrides } from '../../core/pricing/prices';
import { assumptionWords, compactCount, outputCapField, pricedWords } from './estimateText';
import { isBatchDocument, type KindResolver } from '../submit/preflight';
import { documentKind } from '../../core/validation/batchLineDetection';
import type { TokenWorkerClient } from './tokenWorkerClient';

/** Lines sent to the worker per message: small enough that a fresh edit is not queued behind a huge first count. */
const BATCH = 2000;

interface DocState {
  store: LineEstimates;
  /** Bumped by every edit: counts started before it are dropped, their lines being pending again. */
  generation: number;
  counting: boolean;
}

/**
 * The estimate above the first line of a batch file: requests, input tokens and the cost at batch against standard
 * price, output labelled assumed. Counted in the token worker, incrementally: an edit re-counts only its lines.
 */
export class EstimateCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly docs = new Map<string, DocState>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly worker: TokenWorkerClient,
    private readonly config: Config,
    private readonly log: Log,
    private readonly kindFor: KindResolver,
    /**
     * The model to price a document at: the one the user picked for it (Gemini lines do not name one), else the one
     * it was last submitted with (what its submit starts on); undefined prices at the model its lines name.
     */
    private readonly priceModel: (uri: vscode.Uri) => string | undefined = () => undefined,
  ) {
    this.subscriptions = [
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.docs.delete(d.uri.toString())),
      config.onDidChange(
        [
          'estimate.assumedOutputTokens',
          'estimate.codeLens',
          'pricing.overrides',
          'limits.tier',
          'limits.enqueuedTokens',
        ],
        () => this.resetAll(),
      ),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.config.estimateCodeLens(document.uri) || !isBatchDocument(this.kindFor, document)) {
      return [];
    }
    const key = document.uri.toString();
    let state = this.docs.get(key);
    if (!state) {
      state = { store: new LineEstimates(), generation: 0, counting: false };
      state.store.reset(document.lineCount);
      this.docs.set(key, state);
      void this.count(document, state);
    }
    const top = new vscode.Range(0, 0, 0, 0);
    const model = this.priceModel(document.uri);
    const { summary, complete } = state.store.summary(parseOverrides(this.config.priceOverrides()), model);
    if (!complete && summary.requests === 0) {
      return [new vscode.CodeLens(top, { title: `$(sync~spin) ${vscode.l10n.t('Estimating tokens…')}`, command: '' })];
    }
    if (summary.requests === 0) {
      return [];
    }
    const counts = vscode.l10n.t(
      '{0} requests · ≈ {1} input tokens · {2}',
      summary.requests.toLocaleString('en-US'),
      compactCount(summary.inputTokens),
      pricedWords(summary, model ?? summary.model),
    );
    const title = complete ? counts : `$(sync~spin) ${counts}`;
    // The first line names the cap field (an OpenAI endpoint's, or Gemini's); only its start is read.
    const head = document.lineAt(0).text;
    const tooltip = assumptionWords(
      summary,
      this.config.assumedOutputTokens(document.uri),
      outputCapField(head.length < 1_000_000 ? head : ''),
    );
    const lenses = [
      new vscode.CodeLens(top, {
        title,
        tooltip,
        command: 'geminiBatch.estimate.pickModel',
        arguments: [document.uri],
      }),
    ];
    // No service counts an OpenAI-format file's lines (exactSample.ts): no lens that could only say so.
    const set = this.kindFor(document.uri);
    if ((set !== 'auto' ? set : documentKind(document)) !== 'openai') {
      lenses.push(
        new vscode.CodeLens(top, {
          title: vscode.l10n.t('Exact count (sample)'),
          tooltip: vscode.l10n.t("Count a sample of lines with the provider's countTokens, beside the local estimate"),
          command: 'geminiBatch.estimate.exactCount',
          arguments: [document.uri],
        }),
      );
    }
    const over = enqueuedOverflow(
      this.config.enqueuedTokens(),
      this.config.usageTier(),
      model ?? summary.model,
      summary.requests,
      summary.inputTokens,
    );
    if (over) {
      lenses.push(
        new vscode.CodeLens(top, {
          title: `$(warning) ${vscode.l10n.t(
            '≈ {0} input tokens: over the {1} enqueued-token limit of {2} ({3}) · Split into Parts',
            compactCount(over.inputTokens),
            compactCount(over.limit),
            over.model,
            over.tier,
          )}`,
          tooltip: vscode.l10n.t(
            'The Batch API holds at most {0} input tokens enqueued for {1} at your tier (geminiBatch.limits.*): this file alone cannot be enqueued whole. Split it into parts of at most {2} input tokens each (as estimated) and submit them one after another.',
            over.limit.toLocaleString('en-US'),
            over.model,
            over.tokensPerPart.toLocaleString('en-US'),
          ),
          command: 'geminiBatch.file.split',
          arguments: [document.uri, { maxTokens: over.tokensPerPart, maxLines: over.linesPerPart }],
        }),
      );
    }
    return lenses;
  }

  /**
   * Each line's input tokens in an open document, once all are counted (undefined before, or for a document the
   * lens does not follow): the split command sizes parts by them, so a part holds what the lens promised.
   */
  lineTokens(uri: vscode.Uri): number[] | undefined {
    return this.docs.get(uri.toString())?.store.inputTokensByLine();
  }

  /** Re-prices (a model picked) or re-counts everything (a setting changed). */
  refresh(): void {
    this.changed.fire();
  }

  private resetAll(): void {
    this.docs.clear();
    this.changed.fire();
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    const state = this.docs.get(event.document.uri.toString());
    if (!state || event.contentChanges.length === 0) {
      return;
    }
    state.generation++;
    // VS Code orders a multi-range edit so that applying the changes in turn is correct.
    for (const change of event.contentChanges) {
      const inserted = change.text.split('\n').length;
      state.store.edit(change.range.start.line, change.range.end.line - change.range.start.line + 1, inserted);
    }
    void this.count(event.document, state);
  }

  private async count(document: vscode.TextDocument, state: DocState): Promise<void> {
    if (state.counting) {
      return;
    }
    state.counting = true;
    try {
      for (;;) {
        const generation = state.generation;
        const pending = state.store
          .pending()
          .slice(0, BATCH)
          .filter((i) => i < document.lineCount);
        if (pending.length === 0) {
          break;
        }
        const lines = pending.map((index) => ({ index, text: document.lineAt(index).text }));
        const estimates = await this.worker.lines(lines, {
          assumedOutputTokens: this.config.assumedOutputTokens(document.uri),
        });
        if (generation !== state.generation) {
          continue;
        }
        pending.forEach((line, i) => state.store.set(line, estimates[i] ?? undefined));
        this.changed.fire();
      }
    } catch (error) {
      this.log.warn(`[estimate] ${document.uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.counting = false;
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) {
      s.dispose();
    }
    this.docs.clear();
  }
}
