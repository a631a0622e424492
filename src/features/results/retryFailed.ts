import { existsSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { UserFacingError } from '../../adapters/errors';
import { isTerminal } from '../../core/providers/types';
import type { AttemptFiles } from '../../core/results/attemptMatch';
import { writeRetryFile, type RetryFileResult } from '../../core/results/retryFile';
import { confirmRetry, retryWords } from './retryConfirm';
import { detectFileKind, splitFile, splitLimitsFor, type SplitLimits } from '../../core/split';
import { attemptChain, attemptFiles, downloadEnded, requestsOf } from './attempts';
import { attemptRole } from '../../core/jobs/jobRecords';
import { groupName } from '../../core/jobs/jobRow';
import type { ResultsDeps } from './downloadResults';
import type { ResultsTarget } from './resultsTarget';

/**
 * For scripts and tests: answer the confirmation, and (for files no job knows) the model and display name. `limits`:
 * tighter per-file limits than the provider's, for tests (a retry over them is sent in parts).
 */
export interface RetryOptions {
  confirmed?: boolean;
  model?: string;
  displayName?: string;
  limits?: Partial<SplitLimits>;
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

/** Writes the retry file, with a progress notification: a group of 50,000 lines takes seconds to read and write. */
function planRetry(
  inputPath: string,
  attempts: AttemptFiles[],
  next: number,
): Thenable<RetryFileResult & { attempt: number }> {
  const target = retryPathFor(inputPath, next);
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Writing the lines to retry of {0}…', path.basename(inputPath)),
    },
    async () => ({ ...(await writeRetryFile(inputPath, attempts, target.path)), attempt: target.attempt }),
  );
}

/**
 * The files to submit for a retry: the retry file, or its parts when it is over the provider's limits for its kind
 * (a group of split parts retried at once can be: 50,010 failed lines of two OpenAI parts made one file over the
 * 50,000-request cap, which submit then refused). The parts are written by the split command's core, beside it.
 */
async function retryFiles(file: string, options: RetryOptions): Promise<string[]> {
  const limits = splitLimitsFor(await detectFileKind(file), options.limits);
  const split = await splitFile(file, limits);
  return split.fits ? [file] : split.parts;
}

/**
 * "Retry Failed Lines": writes the input's failed, expired and missing lines (keys and bytes unchanged) to
 * `x.retry-<n>.jsonl` beside the input, and submits it as a follow-up job linked to the original (its record carries
 * `retryOf` and `attempt`), with the original's model; a file over the provider's limits goes as parts, each such a
 * job. Resolves to the (first) new job's name; undefined when nothing is left to retry or the user declined (the
 * retry file stays for them to submit or edit).
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
  // The next retry's number: a group's later parts are attempt 0 too (submitParts.ts), and a retry sent as parts
  // is one attempt, so the chain's length would skip numbers.
  const retries = fresh.filter((r) => attemptRole(r) === 'retry').map((r) => r.attempt ?? 1);
  const plan = await planRetry(requests, attemptFiles(fresh), Math.max(0, ...retries) + 1);
  // A group's retry is named for the group ("big (retry 1)"), not for its first part ("big · part 1/2 (retry 1)").
  const name = root.displayName ?? root.jobName;
  const label = root.groupSource ? groupName(name) : name;
  return submitPlan(deps, plan, label, options, { root: root.jobName, model: root.model });
}

/**
 * Asks before a retry is sent: the submit's cost question for all its files at once (the submit that follows is
 * scripted and asks nothing), with what is sent again and why under it; without a model (results no job knows, whose
 * submit asks for one) or a cost question, the retry's own question.
 */
async function confirmRetryCost(
  deps: ResultsDeps,
  plan: RetryFileResult & { attempt: number },
  label: string,
  files: readonly string[],
  model: string | undefined,
): Promise<boolean> {
  if (!deps.confirmCost || !model) {
    return confirmRetry(plan, label, files);
  }
  const context = `${vscode.l10n.t('A retry of "{0}":', label)} ${retryWords(plan, label, files).detail}`;
  const provider = (await deps.model.provider()).id;
  const uris = files.map((f) => vscode.Uri.file(f));
  return (await deps.confirmCost(uris, { model, provider, parts: files.length, context })).go;
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
  const files = await retryFiles(plan.path, options);
  deps.log.info(
    `[results] retry ${plan.attempt} of ${label}: ${plan.indices.length} lines → ${files.map((f) => path.basename(f)).join(', ')}`,
  );
  const model = options.model ?? link?.model;
  if (!options.confirmed && !(await confirmRetryCost(deps, plan, label, files, model))) {
    return undefined;
  }
  const displayName = options.displayName ?? `${label} (retry ${plan.attempt})`;
  let first: string | undefined;
  for (const [index, file] of files.entries()) {
    const name = await vscode.commands.executeCommand<string | undefined>(
      'geminiBatch.job.submit',
      vscode.Uri.file(file),
      { model, displayName: files.length > 1 ? `${displayName} · part ${index + 1}/${files.length}` : displayName },
    );
    if (!name) {
      // What was sent stays, linked; the lines of the parts not sent are still failed and can be retried again.
      return first;
    }
    first ??= name;
    if (link) {
      const provider = deps.model.records.get(name)?.provider ?? (await deps.model.provider()).id;
      await deps.model.records.upsert({ jobName: name, provider, retryOf: link.root, attempt: plan.attempt });
    }
  }
  return first;
}
