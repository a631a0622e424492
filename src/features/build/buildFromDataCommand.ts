import * as path from 'path';
import * as vscode from 'vscode';
import { commandOptions } from '../../adapters/commandOptions';
import {
  buildFile,
  DataFileError,
  dataFormatOf,
  readFirstRows,
  renderPreview,
  type BuildResult,
  type DataFormat,
  type DataRow,
} from '../../core/build';
import { commandWithBoundary, UserFacingError } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import type { Config } from '../../adapters/config';
import type { JobsModel } from '../jobs/jobsModel';
import { ask, showRejected } from './buildQuestions';
import { buildFolderOptions, isFolder, pickDataSource, previewFolderOptions } from './folderData';
import { PREVIEW_ROWS } from './templateCheck';
import { TemplateEditors } from './templateEditor';

export const BUILD_COMMAND = 'geminiBatch.file.buildFromData';

const FORMATS: readonly DataFormat[] = ['csv', 'tsv', 'jsonl', 'json'];

/** What a scripted run gives instead of the questions: the template line, the key column (row numbers when absent), the output path. */
export interface BuildScript {
  template: string;
  key?: string;
  out: string;
}

/**
 * Runs the build behind a cancellable progress notification that counts rows. Resolves to undefined when cancelled
 * (the output is then left as it was: the build writes under a temporary name).
 */
function runBuild(
  options: Parameters<typeof buildFile>[0],
  out: string,
  name: string,
): Thenable<BuildResult | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Writing {0}', name), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      try {
        return await buildFile(
          {
            ...options,
            signal: abort.signal,
            onProgress: (rows) => progress.report({ message: vscode.l10n.t('{0} rows', rows.toLocaleString('en-US')) }),
          },
          out,
        );
      } catch (error) {
        if (abort.signal.aborted) {
          return undefined;
        }
        throw error;
      } finally {
        cancel.dispose();
      }
    },
  );
}

/**
 * `geminiBatch.file.buildFromData` ("New Batch File from Data…"): a data file (CSV, TSV, JSONL, JSON array) or a
 * folder of files, a template line written in the template editor and checked live against its first rows, where
 * keys come from, and where to write; then the file is written streamed with progress and cancel (a folder's large
 * media uploaded on the way). Rows that give no valid line are left out and listed by number. With a
 * {@link BuildScript} after the data's uri it asks nothing (for tests and other extensions).
 */
export function registerBuildFromDataCommand(deps: { log: Log; config: Config; model: JobsModel }): vscode.Disposable {
  const { log, config } = deps;
  const templates = new TemplateEditors();
  const command = commandWithBoundary(
    log,
    BUILD_COMMAND,
    async (arg?: vscode.Uri, options?: unknown): Promise<BuildResult | undefined> => {
      const script = commandOptions<BuildScript>(options);
      const dataUri = arg instanceof vscode.Uri ? arg : await pickDataSource();
      if (!dataUri) {
        return undefined;
      }
      if (dataUri.scheme !== 'file') {
        throw new UserFacingError(vscode.l10n.t('Only files on disk can be used as data (got {0}:).', dataUri.scheme));
      }
      const data = dataUri.fsPath;
      const folder = await isFolder(dataUri);
      const format =
        (folder ? 'folder' : dataFormatOf(data)) ??
        ((await vscode.window.showQuickPick(
          FORMATS.map((f) => f),
          { title: vscode.l10n.t('Format of {0}', path.basename(data)) },
        )) as DataFormat | undefined);
      if (!format) {
        return undefined;
      }
      let rows: DataRow[];
      try {
        rows = await readFirstRows(
          data,
          format,
          PREVIEW_ROWS,
          undefined,
          folder ? previewFolderOptions(config) : undefined,
        );
      } catch (error) {
        if (error instanceof DataFileError) {
          throw new UserFacingError(
            vscode.l10n.t(
              '{0} cannot be read as {1} rows ({2}).',
              path.basename(data),
              format,
              String(error.errno ?? error.code),
            ),
          );
        }
        throw error;
      }
      const columns = renderPreview(rows, '{}', format, 'row-number', 'auto').columns;
      const chosen = script
        ? {
            template: script.template,
            keys: script.key === undefined ? ('row-number' as const) : { column: script.key },
            out: script.out,
          }
        : await ask(templates, { rows, format, columns }, data);
      if (!chosen) {
        return undefined;
      }
      const target = vscode.Uri.file(chosen.out);
      const folderOptions = folder ? await buildFolderOptions(config, deps.model, log) : undefined;
      const result = await runBuild(
        { template: chosen.template, data, format, keys: chosen.keys, kind: 'auto', folder: folderOptions },
        target.fsPath,
        path.basename(target.fsPath),
      );
      if (!result) {
        return undefined;
      }
      log.info(
        `[build] ${data} → ${target.fsPath}: ${result.written} lines (${result.kind}), ${result.rejectedCount} rows left out`,
      );
      // Scripted: no editor opened, no message to wait on.
      if (script) {
        return result;
      }
      const left =
        result.rejectedCount > 0
          ? ` ${vscode.l10n.t('{0} rows left out.', result.rejectedCount.toLocaleString('en-US'))}`
          : '';
      const showLeftOut = vscode.l10n.t('Show Rows Left Out');
      if (result.empty) {
        const choice = await vscode.window.showWarningMessage(
          `${vscode.l10n.t('No row gave a valid batch line: nothing was written.')}${left}`,
          showLeftOut,
        );
        if (choice) {
          await showRejected(data, result);
        }
        return result;
      }
      await vscode.window.showTextDocument(target);
      void vscode.window
        .showInformationMessage(
          `${vscode.l10n.t(
            'Wrote {0} {1} lines to {2}.',
            result.written.toLocaleString('en-US'),
            result.kind,
            path.basename(target.fsPath),
          )}${left}`,
          ...(left ? [showLeftOut] : []),
        )
        .then((choice) => {
          if (choice) {
            void showRejected(data, result);
          }
        });
      return result;
    },
  );
  return vscode.Disposable.from(templates, command);
}
