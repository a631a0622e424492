import * as vscode from 'vscode';
import type { Log } from '../../adapters/log';
import type { EstimateSummary } from '../../core/estimate/estimateTotals';
import { sumSummaries } from '../../core/estimate/sumSummaries';
import { firstRequestLine } from '../../core/jobs/batchHead';
import { submitOverflow } from '../../core/estimate/enqueuedCheck';
import type { EnqueuedTokenTable, UsageTier } from '../../core/split/splitLimits';
import {
  assumptionWords,
  emulatorCostNote,
  enqueuedWords,
  outputCapField,
  submitQuestion,
  unestimatedQuestion,
  type SubmitTarget,
} from './estimateText';

export interface CostDecision {
  go: boolean;
  /** The whole batch's estimate (of every part, for a group). */
  estimate?: EstimateSummary;
  /** Each file's own estimate, in the order given. */
  estimates?: EstimateSummary[];
}

export interface CostDeps {
  log: Pick<Log, 'warn'>;
  /** The estimate of one file (the token worker's count). */
  estimateFile(filePath: string): Promise<EstimateSummary>;
  /** The output tokens assumed per request for the first file (the setting). */
  assumedOutputTokens(uri: vscode.Uri): number;
  /** The enqueued-token limits and the account's tier (the settings). */
  enqueuedLimits(): { limits: EnqueuedTokenTable; tier: UsageTier };
}

/**
 * Asks "Submit N requests to <model> (<provider>): ≈ … ?" once for all `uris` (a single file, or the parts of a
 * group). Always asked: a file that cannot be estimated is no reason to block the submit, but neither is it a reason
 * to skip the question, which is the user's last chance to stop (a group once went out unasked because part-03 was
 * gone and the estimate's failure read as "go"). Then it says that there is no estimate, and why.
 */
export async function confirmCost(
  deps: CostDeps,
  uris: readonly vscode.Uri[],
  target: SubmitTarget,
): Promise<CostDecision> {
  const submit = vscode.l10n.t('Submit');
  const assumed = deps.assumedOutputTokens(uris[0]);
  let estimates: EstimateSummary[];
  try {
    estimates = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Estimating tokens and cost…') },
      // One at a time: the worker counts a file on its own thread, and parts are many.
      async () => {
        const out: EstimateSummary[] = [];
        for (const uri of uris) {
          out.push(await deps.estimateFile(uri.fsPath));
        }
        return out;
      },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.log.warn(`[estimate] no estimate for ${uris.map((u) => u.fsPath).join(', ')}: ${reason}`);
    const go = await vscode.window.showInformationMessage(
      unestimatedQuestion({ ...target, parts: uris.length }),
      {
        modal: true,
        detail: [target.context, vscode.l10n.t('No estimate of tokens or cost could be made: {0}', reason)]
          .filter(Boolean)
          .join('\n'),
      },
      submit,
    );
    return { go: go === submit };
  }
  const estimate = estimates.length === 1 ? estimates[0] : sumSummaries(estimates);
  const capField = outputCapField(await firstRequestLine(uris[0].fsPath).catch(() => ''));
  const question = submitQuestion(estimate, { ...target, parts: uris.length });
  const detail = [target.context, assumptionWords(estimate, assumed, capField), emulatorCostNote(target.provider)]
    .filter((words) => words !== undefined)
    .join('\n');
  // A file (or a part) over the enqueued-token limit on its own is said here too, not only in the lens.
  const { limits, tier } = deps.enqueuedLimits();
  const over = submitOverflow(limits, tier, target.model, estimates);
  if (!over) {
    const go = await vscode.window.showInformationMessage(question, { modal: true, detail }, submit);
    return { go: go === submit, estimate, estimates };
  }
  const split = vscode.l10n.t('Split into Parts');
  const words = enqueuedWords(over.overflow, uris.length > 1 ? over.index + 1 : undefined);
  const go = await vscode.window.showWarningMessage(`${question}\n\n${words}`, { modal: true, detail }, split, submit);
  if (go === split) {
    const { tokensPerPart: maxTokens, linesPerPart: maxLines } = over.overflow;
    await vscode.commands.executeCommand('geminiBatch.file.split', uris[over.index], { maxTokens, maxLines });
  }
  return { go: go === submit, estimate, estimates };
}
