import { existsSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { UserFacingError } from '../../adapters/errors';
import type { ExportFormat } from '../../core/results/exportFormat';
import { exportToFile } from '../../core/results/exportResults';
import { joinedRows, readResultRows } from '../../core/results/resultRows';
import type { ResultRow } from '../../core/results/resultRow';
import { attemptChain, downloadEnded, writeMerged } from './attempts';
import type { ResultsDeps } from './downloadResults';
import type { ResultsTarget } from './resultsTarget';

/** For scripts and tests: what the command would otherwise ask. */
export interface ExportOptions {
  format?: ExportFormat;
  /** Where to write (a URI or a path). */
  to?: vscode.Uri | string;
  failedOnly?: boolean;
}

/** The rows to export and the file they are named after: a job's merged joined file, or the files given. */
async function rowsOf(
  deps: ResultsDeps,
  target: ResultsTarget,
): Promise<{ rows: AsyncIterable<ResultRow>; near: string }> {
  if (target.kind === 'files') {
    const rows = target.joined ? readResultRows(target.resultPaths) : joinedRows(target.resultPaths, target.inputPath);
    return { rows, near: target.resultPaths[0] };
  }
  // With its input on disk, a job is exported as its joined file, merged across retries (prompts included).
  const merged = await writeMerged(deps, target.name);
  if (merged) {
    return { rows: readResultRows([merged.path]), near: merged.path };
  }
  await downloadEnded(deps, attemptChain(deps.model.records, target.name));
  const record = deps.model.records.get(target.name);
  const paths = [...new Set([record?.resultsPath, record?.errorsPath])].filter((p): p is string =>
    Boolean(p && existsSync(p)),
  );
  if (paths.length === 0) {
    throw new UserFacingError(vscode.l10n.t('This job has no results to export yet.'));
  }
  return { rows: readResultRows(paths), near: paths[0] };
}

async function askFormat(): Promise<ExportFormat | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: vscode.l10n.t('for spreadsheets'), format: 'csv' as const },
      { label: 'JSONL', description: vscode.l10n.t('one JSON object per line, for scripts'), format: 'jsonl' as const },
    ],
    { title: vscode.l10n.t('Export Results'), placeHolder: vscode.l10n.t('Format') },
  );
  return pick?.format;
}

/**
 * "Export Results…": key, prompt, answer text, finish reason, tokens, error and outcome per request, as CSV or JSONL,
 * streamed to a temp file and renamed into place. Resolves to the written path (undefined when dismissed).
 */
export async function exportResults(
  deps: ResultsDeps,
  target: ResultsTarget,
  options: ExportOptions = {},
): Promise<string | undefined> {
  const format = options.format ?? (await askFormat());
  if (!format) {
    return undefined;
  }
  const { rows, near } = await rowsOf(deps, target);
  const suggested = vscode.Uri.file(
    near.replace(/(\.(results|errors)(-\d+)?|\.joined)?\.jsonl$/i, '') + (format === 'csv' ? '.csv' : '.export.jsonl'),
  );
  const given = typeof options.to === 'string' ? vscode.Uri.file(options.to) : options.to;
  const to =
    given ??
    (await vscode.window.showSaveDialog({
      defaultUri: suggested,
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSONL: ['jsonl'] },
    }));
  if (!to) {
    return undefined;
  }
  const summary = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Exporting results to {0}', path.basename(to.fsPath)),
    },
    () => exportToFile(rows, to.fsPath, { format, failedOnly: options.failedOnly }),
  );
  deps.log.info(`[results] exported ${summary.total} rows (${summary.failed} failed) → ${to.fsPath}`);
  const open = vscode.l10n.t('Open');
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t(
        'Exported {0} results ({1} failed) to {2}.',
        summary.total,
        summary.failed,
        path.basename(to.fsPath),
      ),
      open,
    )
    .then((choice) => {
      if (choice === open) {
        void vscode.commands.executeCommand('vscode.open', to);
      }
    });
  return to.fsPath;
}
