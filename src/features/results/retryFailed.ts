import { existsSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { UserFacingError } from '../../adapters/errors';
import { isTerminal } from '../../core/providers/types';
import type { AttemptFiles } from '../../core/results/attemptMatch';
import { writeRetryFile, type RetryFileResult } from '../../core/results/retryFile';
import { attemptChain, attemptFiles, downloadEnded, requestsOf } from './attempts';
import type { ResultsDeps } from './downloadResults';
import type { ResultsTarget } from './resultsTarget';

/** For scripts and tests: answer the confirmation, and (for files no job knows) the model and display name. */
export interface RetryOptions {
  confirmed?: boolean;
  model?: string;
  displayName?: string;
}

/** `x.jsonl` → `x.retry-<n>.jsonl` beside it, the first free n from `attempt` on (a name is never reused). */
function retryPathFor(inputPath: string, attempt: number): { path: string; attempt: number } {
  const stem = inputPath.replace(/\.jsonl$/i, '');
  for (let n = attempt; ; n++) {
    const candidate = `${stem}.retry-${n}.jsonl`;
    if (!existsSync(candidate)) {
      return { path: candidate, attempt: n };
    }
  }
}

async function confirm(plan: RetryFileResult, label: string, options: RetryOptions): Promise<boolean> {
  if (options.confirmed) {
    return true;
  }
  const parts = [
    plan.failed && vscode.l10n.t('{0} failed', plan.failed),
    plan.missing && vscode.l10n.t('{0} had no result', plan.missing),
  ].filter(Boolean);
  const submit = vscode.l10n.t('Submit');
  const choice = await vscode.window.showWarningMessage(
    plan.indices.length === 1
      ? vscode.l10n.t('Retry 1 line of "{0}" as a new batch job?', label)
      : vscode.l10n.t('Retry {0} lines of "{1}" as a new batch job?', plan.indices.length, label),
    {
      modal: true,
      detail: [
        vscode.l10n.t(
          '{0}; {1} succeeded and are not sent again. The lines are in {2}.',
          parts.join(', '),
          plan.succeeded,
          path.basename(plan.path!),
        ),
        ...(plan.needsFix
          ? [
              vscode.l10n.t(
                '{0} of them failed with an error that a retry does not fix (such as INVALID_ARGUMENT) and fail again unless fixed: to fix them first, cancel, edit {1}, then submit it.',
                plan.needsFix,
                path.basename(plan.path!),
              ),
            ]
          : []),
      ].join(' '),
    },
    submit,
  );
  return choice === submit;
}

async function planRetry(
  inputPath: string,
  attempts: AttemptFiles[],
  next: number,
): Promise<RetryFileResult & { attempt: number }> {
  const target = retryPathFor(inputPath, next);
  return { ...(await writeRetryFile(inputPath, attempts, target.path)), attempt: target.attempt };
}

/**
 * "Retry Failed Lines": writes the input's failed, expired and missing lines (keys and bytes unchanged) to
 * `x.retry-<n>.jsonl` beside the input, and submits it as a follow-up job linked to the original (its record carries
 * `retryOf` and `attempt`), with the original's model. Resolves to the new job's name; undefined when nothing is
 * left to retry or the user declined (the retry file stays for them to submit or edit).
 */
export async function retryFailed(
  deps: ResultsDeps,
  target: ResultsTarget,
  options: RetryOptions = {},
): Promise<string | undefined> {
  if (target.kind === 'files') {
    const inputPath =
      target.inputPath ??
      (
        await vscode.window.showOpenDialog({
          title: vscode.l10n.t('The batch file these results are for'),
          filters: { [vscode.l10n.t('Batch files')]: ['jsonl'] },
        })
      )?.[0]?.fsPath;
    if (!inputPath) {
      return undefined;
    }
    const plan = await planRetry(inputPath, [{ inputPath, resultPaths: target.resultPaths }], 1);
    return submitPlan(deps, plan, path.basename(inputPath), options, undefined);
  }
  const chain = attemptChain(deps.model.records, target.name);
  const root = chain[0];
  const requests = root ? requestsOf(root) : undefined;
  if (!root || !requests || !existsSync(requests)) {
    throw new UserFacingError(
      vscode.l10n.t('The input file of this job is not in this workspace, so its lines cannot be sent again.'),
    );
  }
  const running = chain.find((r) => {
    const job = deps.model.get(r.jobName);
    return job && !isTerminal(job.state);
  });
  if (running) {
    throw new UserFacingError(
      vscode.l10n.t('"{0}" has not ended yet: retry once it has.', running.displayName ?? running.jobName),
    );
  }
  await downloadEnded(deps, chain);
  const fresh = attemptChain(deps.model.records, target.name);
  const plan = await planRetry(requests, attemptFiles(fresh), fresh.length);
  return submitPlan(deps, plan, root.displayName ?? root.jobName, options, { root: root.jobName, model: root.model });
}

async function submitPlan(
  deps: ResultsDeps,
  plan: RetryFileResult & { attempt: number },
  label: string,
  options: RetryOptions,
  link: { root: string; model?: string } | undefined,
): Promise<string | undefined> {
  if (!plan.path) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Every request of "{0}" succeeded: nothing to retry.', label),
    );
    return undefined;
  }
  deps.log.info(`[results] retry ${plan.attempt} of ${label}: ${plan.indices.length} lines → ${plan.path}`);
  if (!(await confirm(plan, label, options))) {
    return undefined;
  }
  const displayName = options.displayName ?? `${label} (retry ${plan.attempt})`;
  const model = options.model ?? link?.model;
  const name = await vscode.commands.executeCommand<string | undefined>(
    'geminiBatch.job.submit',
    vscode.Uri.file(plan.path),
    { model, displayName },
  );
  if (!name) {
    return undefined;
  }
  if (link) {
    const provider = deps.model.records.get(name)?.provider ?? (await deps.model.provider()).id;
    await deps.model.records.upsert({ jobName: name, provider, retryOf: link.root, attempt: plan.attempt });
  }
  return name;
}
