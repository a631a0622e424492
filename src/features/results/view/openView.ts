import * as path from 'path';
import * as vscode from 'vscode';
import { UserFacingError } from '../../../adapters/errors';
import { headLines } from '../../../core/jsonl';
import { holdsBatchLines } from '../../../core/validation/batchDetection';
import type { LocalJobRecord } from '../../jobs/jobRecordStore';
import { resultsForInput } from './inputForResults';
import { RESULTS_VIEW_TYPE } from './resultsEditorProvider';

export interface OpenViewDeps {
  records: () => readonly LocalJobRecord[];
  resultsFolder: (input: vscode.Uri) => string;
}

/** Whether the file on disk holds batch request lines (an input), by the kind vote over its first lines. */
async function isInputFile(file: string): Promise<boolean> {
  return holdsBatchLines(await headLines(file));
}

/**
 * "Open in Results View". On a batch file of requests (the Explorer offers it on any .jsonl) it opens that file's
 * results when they are here (the job's record, or `<stem>.joined/results.jsonl`), and otherwise says so: shown as
 * results, each request read as an unrecognised failed line, which told the user their requests had failed.
 */
export async function openView(deps: OpenViewDeps, uri: vscode.Uri | undefined): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    return;
  }
  if (target.scheme === 'file' && (await isInputFile(target.fsPath))) {
    const results = resultsForInput(target.fsPath, deps.records(), deps.resultsFolder(target));
    if (!results) {
      throw new UserFacingError(
        vscode.l10n.t(
          '{0} is a batch file of requests, not results, and its results are not here yet: submit it, or open them from the Jobs view once its job has ended.',
          path.basename(target.fsPath),
        ),
      );
    }
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(results), RESULTS_VIEW_TYPE);
    return;
  }
  await vscode.commands.executeCommand('vscode.openWith', target, RESULTS_VIEW_TYPE);
}
