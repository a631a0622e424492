import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { registerCommand } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { confirmCost, type CostDecision } from './confirmCost';
import type { JobsFeature } from '../jobs/registerJobs';
import type { KindResolver } from '../submit/preflight';
import { EstimateCodeLensProvider } from './estimateCodeLens';
import { lastSubmittedModel } from '../../core/jobs/submitHistory';
import type { SubmitTarget } from './estimateText';
import { exactSample, openAiExactCountWords } from './exactSample';
import type { TokenWorkerClient } from './tokenWorkerClient';
import { type ModelChoices, PersistentModelChoices, priceModelItems } from './modelChoices';
import { documentKind } from '../../core/validation/batchLineDetection';
import type { BatchKind } from '../../core/batchKind';
import { OverrideWarnings } from './overrideWarnings';

export type { CostDecision };

export interface EstimateFeature {
  /** Fires when a document's estimate changes (tests wait on it). */
  readonly onDidChangeEstimate: vscode.Event<void>;
  /** Each line's input tokens of an open batch document once all are counted (the split by tokens reads them). */
  lineTokens(uri: vscode.Uri): number[] | undefined;
  /**
   * Asks "Submit N requests to <model> (<provider>): ≈ … ?" before an interactive submit, once for all the files of
   * a group: `go` true to go on, with the estimate shown (kept on the job's record for its tooltip) when there was one.
   */
  confirmCost(uris: readonly vscode.Uri[], target: SubmitTarget): Promise<CostDecision>;
  readonly models: ModelChoices;
}

/** The estimate before submit: the CodeLens, the submit confirmation, the model pick and the exact sample count. */
export function registerEstimate(
  context: vscode.ExtensionContext,
  deps: { log: Log; config: Config; jobs: JobsFeature; kindFor: KindResolver; tokens: TokenWorkerClient },
): EstimateFeature {
  const { log, config, jobs } = deps;
  // The token worker is shared with the embedded emulator; extension.ts owns (and disposes) it.
  const worker = deps.tokens;
  // Unpicked, a Gemini file is priced at the model it was last submitted with: the one its submit picker starts on.
  // An OpenAI file names its model in its lines, which the lens reads (a record would outlive an edit of them).
  const submitted = (uri: vscode.Uri): string | undefined =>
    lastSubmittedModel(
      jobs.model.records.all().filter((r) => r.kind !== 'openai'),
      uri.fsPath,
    );
  // Kept in the workspace's state: a file priced at a model is still priced (and submitted) at it after a reload.
  const models = new PersistentModelChoices(context.workspaceState, () => lens.refresh());
  const lens = new EstimateCodeLensProvider(
    worker,
    config,
    log,
    deps.kindFor,
    (uri) => models.chosen(uri) ?? submitted(uri),
  );
  context.subscriptions.push(
    lens,
    vscode.languages.registerCodeLensProvider({ language: 'jsonl' }, lens),
    jobs.model.records.onDidChange(() => lens.refresh()),
  );
  const overrideWarnings = new OverrideWarnings(config, log);
  context.subscriptions.push(overrideWarnings);
  void overrideWarnings.check();

  const pickModel = async (uri: vscode.Uri): Promise<string | undefined> => {
    const kind = await fileKind(deps.kindFor, uri);
    const picked = await vscode.window.showQuickPick(
      priceModelItems(kind, models.chosen(uri) ?? submitted(uri), vscode.l10n.t('current')),
      {
        placeHolder:
          kind === 'openai'
            ? vscode.l10n.t('Model to price this file at (instead of the one its lines name)')
            : vscode.l10n.t('Model to price this file at (Gemini lines do not name one)'),
      },
    );
    if (picked) {
      models.choose(uri, picked.label);
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
    // Before any model pick: an OpenAI-format file gets no exact count from either service (exactSample.ts).
    if ((await fileKind(deps.kindFor, target)) === 'openai') {
      const report = openAiExactCountWords();
      void vscode.window.showInformationMessage(report);
      return report;
    }
    const model = models.chosen(target) ?? (await pickModel(target));
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
    models,
    confirmCost: (uris, target) =>
      confirmCost(
        {
          log,
          assumedOutputTokens: (uri) => config.assumedOutputTokens(uri),
          enqueuedLimits: () => ({ limits: config.enqueuedTokens(), tier: config.usageTier() }),
          estimateFile: (filePath) =>
            worker.file(
              filePath,
              { model: target.model, assumedOutputTokens: config.assumedOutputTokens(uris[0]) },
              config.priceOverrides(),
            ),
        },
        uris,
        target,
      ),
  };
}

/** The kind of a file as the editor validates it: its set kind, else the kind its first lines vote for. */
async function fileKind(kindFor: KindResolver, uri: vscode.Uri): Promise<BatchKind> {
  const set = kindFor(uri);
  return set !== 'auto' ? set : documentKind(await vscode.workspace.openTextDocument(uri));
}
