import * as path from 'path';
import * as vscode from 'vscode';
import {
  buildFile,
  DataFileError,
  dataFormatOf,
  describeRowProblem,
  readFirstRows,
  renderPreview,
  type BuildResult,
  type DataFormat,
  type DataRow,
  type KeySource,
} from '../../core/build';
import { commandWithBoundary, UserFacingError } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { PREVIEW_ROWS, promptTemplate } from './templatePrompt';

export const BUILD_COMMAND = 'geminiBatch.file.buildFromData';

const FORMATS: readonly DataFormat[] = ['csv', 'tsv', 'jsonl', 'json'];

async function pickData(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Use Data',
    title: 'New Batch File from Data',
    filters: { Tables: ['csv', 'tsv', 'tab', 'jsonl', 'ndjson', 'json'], 'All files': ['*'] },
  });
  return picked?.[0];
}

async function pickKeys(columns: readonly string[]): Promise<KeySource | undefined> {
  const rowItem = { label: 'Row numbers', description: 'row-1, row-2, …' };
  const items = [rowItem, ...columns.map((c) => ({ label: c, description: 'column' }))];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'New Batch File from Data: keys',
    placeHolder: 'Where the key of each line comes from',
  });
  return picked === undefined ? undefined : picked === rowItem ? 'row-number' : { column: picked.label };
}

/** What a scripted run gives instead of the questions: the template line, the key column (row numbers when absent), the output path. */
export interface BuildScript {
  template: string;
  key?: string;
  out: string;
}

/** The questions: the template (previewed live), where keys come from, where to write. Undefined when dismissed. */
async function ask(
  rows: readonly DataRow[],
  format: DataFormat,
  columns: readonly string[],
  data: string,
): Promise<{ template: string; keys: KeySource; out: string } | undefined> {
  const template = await promptTemplate(rows, format, columns);
  if (template === undefined) {
    return undefined;
  }
  const keys = await pickKeys(columns);
  if (keys === undefined) {
    return undefined;
  }
  const stem = data.slice(0, data.length - path.extname(data).length);
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(`${stem}.batch.jsonl`),
    filters: { 'JSON Lines': ['jsonl'] },
    title: 'Save the batch file',
  });
  return target ? { template, keys, out: target.fsPath } : undefined;
}

/** The rows left out, as a plain text document: one line per row with its number and why. */
async function showRejected(data: string, result: BuildResult): Promise<void> {
  const lines = result.rejected.map(({ row, problem }) => `row ${row}: ${describeRowProblem(problem)}`);
  const more = result.rejectedCount - result.rejected.length;
  if (more > 0) {
    lines.push(`… and ${more} more rows`);
  }
  const doc = await vscode.workspace.openTextDocument({
    content: `Rows of ${data} left out (${result.rejectedCount}):\n${lines.join('\n')}\n`,
    language: 'plaintext',
  });
  await vscode.window.showTextDocument(doc);
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
    { location: vscode.ProgressLocation.Notification, title: `Writing ${name}`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      try {
        return await buildFile(
          {
            ...options,
            signal: abort.signal,
            onProgress: (rows) => progress.report({ message: `${rows.toLocaleString('en-US')} rows` }),
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
 * `geminiBatch.file.buildFromData` ("New Batch File from Data…"): a data file (CSV, TSV, JSONL, JSON array), a
 * template line previewed live against its first rows, where keys come from, and where to write; then the file is
 * written streamed with progress and cancel. Rows that give no valid line are left out and listed by number. With a
 * {@link BuildScript} after the data's uri it asks nothing (for tests and other extensions).
 */
export function registerBuildFromDataCommand(log: Log): vscode.Disposable {
  return commandWithBoundary(
    log,
    BUILD_COMMAND,
    async (arg?: vscode.Uri, script?: BuildScript): Promise<BuildResult | undefined> => {
      const dataUri = arg instanceof vscode.Uri ? arg : await pickData();
      if (!dataUri) {
        return undefined;
      }
      if (dataUri.scheme !== 'file') {
        throw new UserFacingError(`Only files on disk can be used as data (got ${dataUri.scheme}:).`);
      }
      const data = dataUri.fsPath;
      const format =
        dataFormatOf(data) ??
        ((await vscode.window.showQuickPick(
          FORMATS.map((f) => f),
          { title: `Format of ${path.basename(data)}` },
        )) as DataFormat | undefined);
      if (!format) {
        return undefined;
      }
      let rows: DataRow[];
      try {
        rows = await readFirstRows(data, format, PREVIEW_ROWS);
      } catch (error) {
        if (error instanceof DataFileError) {
          throw new UserFacingError(
            `${path.basename(data)} cannot be read as ${format} rows (${error.errno ?? error.code}).`,
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
        : await ask(rows, format, columns, data);
      if (!chosen) {
        return undefined;
      }
      const target = vscode.Uri.file(chosen.out);
      const result = await runBuild(
        { template: chosen.template, data, format, keys: chosen.keys, kind: 'auto' },
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
      const left = result.rejectedCount > 0 ? ` ${result.rejectedCount.toLocaleString('en-US')} rows left out.` : '';
      if (result.empty) {
        const choice = await vscode.window.showWarningMessage(
          `No row gave a valid batch line: nothing was written.${left}`,
          'Show Rows Left Out',
        );
        if (choice) {
          await showRejected(data, result);
        }
        return result;
      }
      await vscode.window.showTextDocument(target);
      void vscode.window
        .showInformationMessage(
          `Wrote ${result.written.toLocaleString('en-US')} ${result.kind} lines to ${path.basename(target.fsPath)}.${left}`,
          ...(left ? ['Show Rows Left Out'] : []),
        )
        .then((choice) => {
          if (choice) {
            void showRejected(data, result);
          }
        });
      return result;
    },
  );
}
