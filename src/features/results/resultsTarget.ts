import { existsSync } from 'fs';
import * as vscode from 'vscode';
import { isWrittenResultsName } from '../../core/jobs/resultFileNames';
import { inputCandidates } from '../../core/results/resultSiblings';
import type { JobsNode } from '../jobs/jobTreeItems';
import { resolveJobName } from '../jobs/jobsCommands';
import { rootOf } from './attempts';
import type { ResultsDeps } from './downloadResults';

/** What a results command acts on: a job of this workspace (and its attempts), or result files with no job. */
export type ResultsTarget =
  { kind: 'job'; name: string } | { kind: 'files'; resultPaths: string[]; inputPath?: string; joined: boolean };

function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) {
    return arg;
  }
  // The results view posts its document's URI; across the webview boundary it may arrive as a string.
  if (typeof arg === 'string' && /^[a-z][\w+.-]*:/i.test(arg) && !arg.startsWith('batches/')) {
    return vscode.Uri.parse(arg);
  }
  return undefined;
}

/** The job whose files include `fsPath` (results, errors, joined or input): its original job when it is a retry. */
function jobOfFile(deps: ResultsDeps, fsPath: string): string | undefined {
  const record = deps.model.records
    .all()
    .find((r) => [r.resultsPath, r.errorsPath, r.joinedPath, r.inputPath].includes(fsPath));
  return record ? rootOf(deps.model.records, record.jobName) : undefined;
}

/**
 * Resolves a command's argument: a results file URI (from the results view or the explorer), a tree node or a job
 * name (the job's context menu, scripts), or nothing (the palette: the results file in the active editor, else a
 * pick of the jobs). A file no job knows is taken alone, with its input found by name when it can be.
 */
export async function resolveResultsTarget(deps: ResultsDeps, arg: unknown): Promise<ResultsTarget | undefined> {
  let uri = uriOf(arg);
  if (!uri && arg === undefined) {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active?.scheme === 'file' && isWrittenResultsName(active.fsPath)) {
      uri = active;
    }
  }
  if (uri) {
    const job = jobOfFile(deps, uri.fsPath);
    if (job) {
      return { kind: 'job', name: job };
    }
    const inputPath = inputCandidates(uri.fsPath).find((p) => existsSync(p));
    return { kind: 'files', resultPaths: [uri.fsPath], inputPath, joined: /\.joined\.jsonl$/i.test(uri.fsPath) };
  }
  const name = await resolveJobName(deps.model, arg as JobsNode | string | undefined);
  return name ? { kind: 'job', name: rootOf(deps.model.records, name) } : undefined;
}
