import * as vscode from 'vscode';
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
      const saved = name ? await downloadResults(deps, name, options) : undefined;
      if (name && saved) {
        announceSaved(deps, name, saved.resultsPath);
      }
      return saved?.resultsPath;
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

/**
 * A download that ends in silence leaves the user wondering whether it happened and where the file went: says where,
 * with the next steps as buttons. Not awaited: the command resolves while the toast stays up.
 */
function announceSaved(deps: ResultsDeps, name: string, resultsPath: string): void {
  const open = vscode.l10n.t('Open Results');
  const reveal = vscode.l10n.t('Reveal in Explorer');
  const label = deps.model.get(name)?.displayName || name;
  const where = vscode.workspace.asRelativePath(resultsPath);
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Results of "{0}" saved to {1}', label, where), open, reveal)
    .then(async (choice) => {
      if (choice === open) {
        await vscode.commands.executeCommand('geminiBatch.job.openResults', name);
      } else if (choice === reveal) {
        await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(resultsPath));
      }
    });
}
