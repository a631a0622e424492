import * as path from 'path';
import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { UserFacingError } from '../../adapters/errors';
import { FOLDER_COLUMNS, type FolderOptions, type Uploader } from '../../core/build';
import type { JobsModel } from '../jobs/jobsModel';

// A folder of files as the data of "New Batch File from Data…": one row a file (core/build/folderSource.ts). Media
// too large to go inline is uploaded through the current provider's Files API when the file is written.

/** What the preview shows for a file that will be uploaded when the batch file is written (nothing is sent before). */
const PENDING_URI = 'files/(uploaded when the batch file is written)';

/** Whether `uri` names a folder. */
export async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

const inlineMaxBytes = (config: Config): number => Math.floor(config.buildMediaInlineMaxMB() * 1024 * 1024);

/** The preview's folder options: every column, and large media shown with a placeholder URI instead of uploaded. */
export function previewFolderOptions(config: Config): FolderOptions {
  return {
    inlineMaxBytes: inlineMaxBytes(config),
    columns: FOLDER_COLUMNS,
    upload: () => Promise.resolve(PENDING_URI),
  };
}

/**
 * The build's folder options. Large media is uploaded through the current provider when it speaks the Gemini Files
 * API (Gemini, or the emulator); with OpenAI there is no uploader, so such files are listed as left out.
 */
export async function buildFolderOptions(
  config: Config,
  model: JobsModel,
  log: { info(message: string): void },
): Promise<Omit<FolderOptions, 'columns'>> {
  const provider = await model.provider();
  if (provider.id !== 'gemini' && provider.id !== 'emulator') {
    return { inlineMaxBytes: inlineMaxBytes(config) };
  }
  const upload: Uploader = async (file, mimeType, signal) => {
    const onRetryAfter = (ms: number) =>
      log.info(`[build] ${file}: rate-limited (429), trying again in ${Math.ceil(ms / 1000)} s`);
    const uploaded = await provider.uploadFile(file, {
      displayName: path.basename(file),
      mimeType,
      signal,
      onRetryAfter,
    });
    if (!uploaded.uri) {
      throw new UserFacingError(vscode.l10n.t('The upload of {0} returned no file URI.', path.basename(file)));
    }
    log.info(`[build] uploaded ${file} as ${uploaded.name}`);
    return uploaded.uri;
  };
  return { inlineMaxBytes: inlineMaxBytes(config), upload };
}

/** Asks whether the data is a table file or a folder of files, then for it. Undefined when dismissed. */
export async function pickDataSource(): Promise<vscode.Uri | undefined> {
  const table = { label: vscode.l10n.t('A table'), description: vscode.l10n.t('CSV, TSV, JSONL or a JSON array') };
  const folder = {
    label: vscode.l10n.t('A folder of files'),
    description: vscode.l10n.t('one line per file: text, images, audio, video, PDFs'),
  };
  const picked = await vscode.window.showQuickPick([table, folder], {
    title: vscode.l10n.t('New Batch File from Data'),
    placeHolder: vscode.l10n.t('Where the rows come from'),
  });
  if (!picked) {
    return undefined;
  }
  const chosen = await vscode.window.showOpenDialog({
    canSelectMany: false,
    canSelectFiles: picked === table,
    canSelectFolders: picked === folder,
    openLabel: vscode.l10n.t('Use Data'),
    title: vscode.l10n.t('New Batch File from Data'),
    filters:
      picked === table
        ? {
            [vscode.l10n.t('Tables')]: ['csv', 'tsv', 'tab', 'jsonl', 'ndjson', 'json'],
            [vscode.l10n.t('All files')]: ['*'],
          }
        : undefined,
  });
  return chosen?.[0];
}
