import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { registerCommand } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import type { EstimateSummary } from '../../core/estimate/estimateTotals';
import { MODEL_TABLE } from '../../core/models/modelTable';
import type { JobsFeature } from '../jobs/registerJobs';
import type { KindResolver } from '../submit/preflight';
import { EstimateCodeLensProvider } from './estimateCodeLens';
import { assumptionWords, submitQuestion } from './estimateText';
import { exactSample } from './exactSample';
import type { TokenWorkerClient } from './tokenWorkerClient';

export interface CostDecision {
  go: boolean;
  estimate?: EstimateSummary;
}

export interface EstimateFeature {
  /** Fires when a document's estimate changes (tests wait on it). */
  readonly onDidChangeEstimate: vscode.Event<void>;
  /** Each line's input tokens of an open batch document once all are counted (the split by tokens reads them). */
  lineTokens(uri: vscode.Uri): number[] | undefined;
  /**
   * Asks "Submit N requests: ≈ … ?" before an interactive submit: `go` true to go on, with the estimate shown (kept
   * on the job's record for its tooltip) when there was one.
   */
  confirmCost(uri: vscode.Uri, model: string): Promise<CostDecision>;
}

/** The estimate before submit: the CodeLens, the submit confirmation, the model pick and the exact sample count. */
export function registerEstimate(
  context: vscode.ExtensionContext,
  deps: { log: Log; config: Config; jobs: JobsFeature; kindFor: KindResolver; tokens: TokenWorkerClient },
): EstimateFeature {
  const { log, config, jobs } = deps;
  // The token worker is shared with the embedded emulator; extension.ts owns (and disposes) it.
  const worker = deps.tokens;
  const lens = new EstimateCodeLensProvider(worker, config, log, deps.kindFor);
  context.subscriptions.push(lens, vscode.languages.registerCodeLensProvider({ language: 'jsonl' }, lens));

  const pickModel = async (uri: vscode.Uri): Promise<string | undefined> => {
    const picked = await vscode.window.showQuickPick(
      MODEL_TABLE.map((m) => ({ label: m.id, description: m.displayName })),
      {
        placeHolder: vscode.l10n.t('Model to price this file at (Gemini lines do not name one)'),
      },
    );
    if (picked) {
      lens.models.set(uri.toString(), picked.label);
      lens.refresh();
    }
    return picked?.label;
  };
  registerCommand(context, log, 'geminiBatch.estimate.pickModel', async (uri?: vscode.Uri) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    return target ? pickModel(target) : undefined;
  });
  registerCommand(context, log, 'geminiBatch.estimate.exactCount', async (uri?: vscode.Uri) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      return undefined;
    }
    const model = lens.models.get(target.toString()) ?? (await pickModel(target));
    if (!model) {
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(target);
    const provider = await jobs.model.provider();
    const report = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Counting a sample with {0} countTokens…', provider.id),
      },
      () => exactSample(document, model, provider, worker, log),
    );
    void vscode.window.showInformationMessage(report);
    return report;
  });

  return {
    onDidChangeEstimate: lens.onDidChangeCodeLenses,
    lineTokens: (uri) => lens.lineTokens(uri),
    async confirmCost(uri, model) {
      const assumed = config.assumedOutputTokens(uri);
      let estimate;
      try {
        estimate = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Estimating tokens and cost…') },
          () => worker.file(uri.fsPath, { model, assumedOutputTokens: assumed }, config.priceOverrides()),
        );
      } catch (error) {
        // No estimate is no reason to block a submit the user asked for: say so in the log and go on.
        log.warn(`[estimate] no estimate for ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
        return { go: true };
      }
      const submit = vscode.l10n.t('Submit');
      const go = await vscode.window.showInformationMessage(
        submitQuestion(estimate),
        { modal: true, detail: assumptionWords(estimate, assumed) },
        submit,
      );
      return { go: go === submit, estimate };
    },
  };
}
