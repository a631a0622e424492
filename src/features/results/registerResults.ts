import type * as vscode from 'vscode';
import { registerCommand } from '../../adapters/errors';
import { resolveJobName } from '../jobs/jobsCommands';
import { downloadResults, type DownloadOptions, type ResultsDeps } from './downloadResults';
import { openResults } from './openResults';

/**
 * `geminiBatch.job.downloadResults` and `geminiBatch.job.openResults`, from the tree, a notification, or scripted
 * with `(jobName, {ifExists})`. Both resolve to the local results path (undefined when dismissed).
 */
export function registerResults(context: vscode.ExtensionContext, deps: ResultsDeps): void {
  registerCommand(
    context,
    deps.log,
    'geminiBatch.job.downloadResults',
    async (arg?: unknown, options?: DownloadOptions) => {
      const name = await resolveJobName(deps.model, arg);
      return name ? (await downloadResults(deps, name, options))?.resultsPath : undefined;
    },
  );

  registerCommand(
    context,
    deps.log,
    'geminiBatch.job.openResults',
    async (arg?: unknown, options?: DownloadOptions) => {
      const name = await resolveJobName(deps.model, arg);
      return name ? (await openResults(deps, name, options))?.resultsPath : undefined;
    },
  );
}
