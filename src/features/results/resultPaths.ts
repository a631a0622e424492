import { existsSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { UserFacingError } from '../../adapters/errors';
import type { BatchJob } from '../../core/providers/types';
import type { LocalJobRecord } from '../jobs/jobRecordStore';

/** Where a job's files go: `geminiBatch.results.folder` beside the input, else in the first workspace folder. */
export function resultsFolder(config: Config, record: LocalJobRecord | undefined): string {
  const anchor = record?.inputPath
    ? path.dirname(record.inputPath)
    : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!anchor) {
    throw new UserFacingError(
      vscode.l10n.t('Open a folder first: results are saved beside the input or in the workspace.'),
    );
  }
  const setting = config.resultsFolder(record?.inputPath ? vscode.Uri.file(record.inputPath) : undefined);
  return path.resolve(anchor, setting);
}

/** A file-name stem for the job: the input file's name, else the job id. */
export function stemFor(job: BatchJob, record: LocalJobRecord | undefined): string {
  if (record?.inputPath) {
    return path.basename(record.inputPath).replace(/\.jsonl$/i, '');
  }
  return job.name.replace(/^batches\//, '').replace(/[^\w.-]+/g, '_');
}

export type ConflictChoice = { path: string; overwrite: boolean } | undefined;

/** Asks whether to replace an existing file or keep both; the clicked label is mapped back to a decision. */
async function askConflict(wanted: string): Promise<'replace' | 'keepBoth' | undefined> {
  const replace = vscode.l10n.t('Replace');
  const keepBoth = vscode.l10n.t('Keep Both');
  const clicked = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists in {1}.', path.basename(wanted), path.dirname(wanted)),
    { modal: true, detail: vscode.l10n.t('Replace it with the downloaded results, or keep both files?') },
    replace,
    keepBoth,
  );
  if (clicked === replace) {
    return 'replace';
  }
  return clicked === keepBoth ? 'keepBoth' : undefined;
}

/**
 * `wanted` when free; otherwise asks (modal) whether to replace it or keep both (then a `-1`, `-2`… name).
 * `decided` answers for scripted calls. Resolves to undefined when the user dismissed the question.
 */
export async function resolveConflict(wanted: string, decided?: 'replace' | 'keepBoth'): Promise<ConflictChoice> {
  if (!existsSync(wanted)) {
    return { path: wanted, overwrite: false };
  }
  const choice = decided ?? (await askConflict(wanted));
  if (choice === 'replace') {
    return { path: wanted, overwrite: true };
  }
  if (choice !== 'keepBoth') {
    return undefined;
  }
  const ext = path.extname(wanted);
  const base = wanted.slice(0, wanted.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = `${base}-${n}${ext}`;
    if (!existsSync(candidate)) {
      return { path: candidate, overwrite: false };
    }
  }
}
