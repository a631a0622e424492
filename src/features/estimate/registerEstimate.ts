import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { registerCommand } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import type { EstimateSummary } from '../../core/estimate/estimateTotals';
import type { JobsFeature } from '../jobs/registerJobs';
import type { KindResolver } from '../submit/preflight';
import { EstimateCodeLensProvider } from './estimateCodeLens';
import { sumSummaries } from '../../core/estimate/sumSummaries';
import { lastSubmittedModel } from '../../core/jobs/submitHistory';
import { assumptionWords, enqueuedWords, outputCapField, submitQuestion, type SubmitTarget } from './estimateText';
import { submitOverflow } from '../../core/estimate/enqueuedCheck';
import { firstRequestLine } from '../../core/jobs/batchHead';
import { exactSample, openAiExactCountWords } from './exactSample';
import type { TokenWorkerClient } from './tokenWorkerClient';
import { type ModelChoices, PersistentModelChoices, priceModelItems } from './modelChoices';
import { documentKind } from '../../core/validation/batchLineDetection';
import type { BatchKind } from '../../core/batchKind';
import { OverrideWarnings } from './overrideWarnings';

export interface CostDecision {
  go: boolean;
  /** The whole batch's estimate (of every part, for a group). */
  estimate?: EstimateSummary;
  /** Each file's own estimate, in the order given. */
  estimates?: EstimateSummary[];
}

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
    async confirmCost(uris, target) {
      const assumed = config.assumedOutputTokens(uris[0]);
      const options = { model: target.model, assumedOutputTokens: assumed };
      let estimates: EstimateSummary[];
      try {
        estimates = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Estimating tokens and cost…') },
          // One at a time: the worker counts a file on its own thread, and parts are many.
          async () => {
            const out: EstimateSummary[] = [];
            for (const uri of uris) {
              out.push(await worker.file(uri.fsPath, options, config.priceOverrides()));
            }
            return out;
          },
        );
      } catch (error) {
        // No estimate is no reason to block a submit the user asked for: say so in the log and go on.
        const files = uris.map((u) => u.fsPath).join(', ');
        log.warn(`[estimate] no estimate for ${files}: ${error instanceof Error ? error.message : String(error)}`);
        return { go: true };
      }
      const estimate = estimates.length === 1 ? estimates[0] : sumSummaries(estimates);
      const capField = outputCapField(await firstRequestLine(uris[0].fsPath).catch(() => ''));
      const submit = vscode.l10n.t('Submit');
      const question = submitQuestion(estimate, { ...target, parts: uris.length });
      const detail = assumptionWords(estimate, assumed, capField);
      // A file (or a part) over the enqueued-token limit on its own is said here too, not only in the lens.
      const over = submitOverflow(config.enqueuedTokens(), config.usageTier(), target.model, estimates);
      if (!over) {
        const go = await vscode.window.showInformationMessage(question, { modal: true, detail }, submit);
        return { go: go === submit, estimate, estimates };
      }
      const split = vscode.l10n.t('Split into Parts');
      const words = enqueuedWords(over.overflow, uris.length > 1 ? over.index + 1 : undefined);
      const go = await vscode.window.showWarningMessage(
        `${question}\n\n${words}`,
        { modal: true, detail },
        split,
        submit,
      );
      if (go === split) {
        const { tokensPerPart: maxTokens, linesPerPart: maxLines } = over.overflow;
        await vscode.commands.executeCommand('geminiBatch.file.split', uris[over.index], { maxTokens, maxLines });
      }
      return { go: go === submit, estimate, estimates };
    },
  };
}

/** The kind of a file as the editor validates it: its set kind, else the kind its first lines vote for. */
async function fileKind(kindFor: KindResolver, uri: vscode.Uri): Promise<BatchKind> {
  const set = kindFor(uri);
  return set !== 'auto' ? set : documentKind(await vscode.workspace.openTextDocument(uri));
}
