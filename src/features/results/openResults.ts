import { existsSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { joinResults, summarizeResults } from '../../core/jobs/results';
import { joinedNameFor } from '../../core/jobs/resultFileNames';
import { parseOverrides } from '../../core/pricing/prices';
import { resultsCost } from '../../core/results/resultsCost';
import type { MergedCounts } from '../../core/results/mergedJoin';
import { attemptChain, writeMerged } from './attempts';
import { mergedText, summaryText } from './resultsNotice';
import { RESULTS_VIEW_TYPE } from './view/resultsEditorProvider';
import { downloadResults, type DownloadOptions, type DownloadedResults, type ResultsDeps } from './downloadResults';

export interface OpenedResults extends DownloadedResults {
  /** The input lines joined with their results, when the input file is known. */
  joinedPath?: string;
}

/**
 * Opens a job's results in the results view, downloading them first when they are not on disk. When the input file
 * is known, writes the input joined line by line with its results and opens that, and reports successes and
 * failures by code.
 */
export async function openResults(
  deps: ResultsDeps,
  name: string,
  options: DownloadOptions = {},
): Promise<OpenedResults | undefined> {
  const local = await downloadResults(deps, name, { ...options, ifMissing: true });
  if (!local) {
    return undefined;
  }

  // When every OpenAI request failed, the errors file is the results file too (downloadResults): read it once, or
  // each request would be joined and counted twice.
  const errorsPath = local.errorsPath === local.resultsPath ? undefined : local.errorsPath;
  const record = deps.model.records.get(name);
  const inputPath = record?.inputPath;
  let joinedPath: string | undefined;
  let merged: { counts: MergedCounts } | undefined;
  if (inputPath && existsSync(inputPath)) {
    // Derived from files already on disk, so it is simply rewritten. A group's is named for its unsplit file.
    const named = record?.groupSource
      ? path.join(path.dirname(local.resultsPath), path.basename(record.groupSource))
      : undefined;
    joinedPath = joinedNameFor(named ?? local.resultsPath);
    // A job with follow-ups ("Retry Failed Lines") joins the best answer per request across its attempts.
    merged = attemptChain(deps.model.records, name).length > 1 ? await writeMerged(deps, name, joinedPath) : undefined;
    if (!merged) {
      await joinResults(inputPath, local.resultsPath, errorsPath, joinedPath);
    }
    await deps.model.records.upsert({ jobName: name, provider: deps.model.records.get(name)!.provider, joinedPath });
  }
  // The results view; on the joined file when there is one, as it carries each request and its input line too.
  await vscode.commands.executeCommand(
    'vscode.openWith',
    vscode.Uri.file(joinedPath ?? local.resultsPath),
    RESULTS_VIEW_TYPE,
    { preview: false },
  );
  const summary = await summarizeResults({ results: local.resultsPath, errors: errorsPath });
  void recordCost(deps, name, [local.resultsPath, errorsPath]);
  // After retries, what the user has is the merge: the original's own counts would still show the failures that a
  // retry answered.
  const text = merged ? mergedText(merged.counts) : summaryText(summary);
  const failed = merged ? merged.counts.failed + merged.counts.missing : summary.failed;
  deps.log.info(`[results] ${name}: ${text}`);
  void (failed > 0 ? vscode.window.showWarningMessage(text) : vscode.window.showInformationMessage(text));
  return { ...local, joinedPath };
}

/** Keeps what the results cost on the job's record (the job's tooltip shows it); a failure only loses the figure. */
async function recordCost(deps: ResultsDeps, name: string, paths: (string | undefined)[]): Promise<void> {
  try {
    // Only an errors file: it stands as the results file too, so each path is read once.
    const existing = [...new Set(paths)].filter((p): p is string => p !== undefined && existsSync(p));
    const actualCost = await resultsCost(existing, parseOverrides(deps.config.priceOverrides()));
    const record = deps.model.records.get(name);
    if (record) {
      await deps.model.records.upsert({ jobName: name, provider: record.provider, actualCost });
    }
  } catch (error) {
    deps.log.warn(`[results] ${name}: no cost: ${error instanceof Error ? error.message : String(error)}`);
  }
}
