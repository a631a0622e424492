import * as path from 'path';
import * as vscode from 'vscode';
import { kindToValidate } from '../../core/jobs/resultFileNames';
import { validateFile } from '../../core/validation';
import { IssueCode } from '../../core/validation/issueCodes';
import type { ValidationSummary } from '../../core/validation/types';
import { withCancellableProgress } from '../../adapters/cancellableProgress';
import { commandWithBoundary, UserFacingError } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { toDiagnostics } from './issueDiagnostics';
import type { KindOverrides } from './kindOverrides';
import { readValidationSettings } from './validationSettings';

/** The summary's button labels; a clicked button comes back as its localized label, so choices are compared with these. */
function buttonLabels(): { setKind: string; split: string; showProblems: string } {
  return {
    setKind: vscode.l10n.t('Set Batch Kind for This File…'),
    split: vscode.l10n.t('Split into Parts'),
    showProblems: vscode.l10n.t('Show Problems'),
  };
}

/** The summary's button: choosing a kind for a (text) file that is not a batch, the problems when there are any. */
function buttonFor(
  summary: ValidationSummary,
  total: number,
  labels: ReturnType<typeof buttonLabels>,
): string | undefined {
  if (summary.notBatch) {
    return summary.issues.some((issue) => issue.code === IssueCode.BinaryFile) ? undefined : labels.setKind;
  }
  return total > 0 ? labels.showProblems : undefined;
}

/** What "Validate" says of the results of a job (output or error lines, a joined file): they are not requests. */
function resultsText(name: string): string {
  return vscode.l10n.t(
    '{0} holds the results of a batch job (output or error lines, or input joined with results), not requests: it was not validated. To validate it as a batch file anyway, set a batch kind for this file.',
    name,
  );
}

/** Counts of the kept issues (the dropped ones, past the cap, are only counted in total). */
function countBySeverity(summary: ValidationSummary): Record<'error' | 'warning' | 'info', number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const issue of summary.issues) {
    counts[issue.severity]++;
  }
  return counts;
}

async function pickFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Validate'),
    title: vscode.l10n.t('Validate Batch File'),
    filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl', 'ndjson'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0];
}

/**
 * `geminiBatch.validate.file`: validates a file on disk of any size (streamed by the core, so files too large for the
 * editor work too) behind a cancellable progress notification, and puts the findings in the Problems panel under the
 * file's uri (capped by geminiBatch.validation.maxProblems), unless the file is open and validated live already.
 * Resolves to the summary, or undefined when cancelled.
 */
export function registerValidateFileCommand(
  overrides: KindOverrides,
  log: Log,
  isLive: (uri: vscode.Uri) => boolean,
): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('geminiBatch.file');
  // Through the shared boundary: a failure is logged and shown once, with "Show Logs".
  const command = commandWithBoundary(log, 'geminiBatch.validate.file', async (arg?: vscode.Uri) => {
    const uri = arg instanceof vscode.Uri ? arg : await pickFile();
    if (!uri) {
      return undefined;
    }
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') {
      throw new UserFacingError(vscode.l10n.t('Only files on disk can be validated (got {0}:).', uri.scheme));
    }
    const settings = readValidationSettings(uri);
    const kind = kindToValidate(uri.path, overrides.get(uri), settings.kind);
    const name = path.basename(uri.fsPath);
    const summary = await withCancellableProgress(
      vscode.l10n.t('Validating {0}', name),
      (_done, _total, percent) => `${percent}%`,
      async (signal, onProgress) => {
        try {
          return await validateFile(uri.fsPath, { kind, maxIssues: settings.maxProblems, signal, onProgress });
        } catch (error) {
          // Cancelled by the user: nothing to report.
          if (signal.aborted) {
            return undefined;
          }
          throw error;
        }
      },
    ).then(undefined, (error: unknown) => {
      // The boundary logs the error it is given; keep the original stack in the log too.
      log.error(
        `[validation] validating ${uri.fsPath} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      throw new UserFacingError(
        vscode.l10n.t('Could not validate {0}: {1}', name, error instanceof Error ? error.message : String(error)),
      );
    });
    if (!summary) {
      return undefined;
    }
    const labels = buttonLabels();
    if (summary.results) {
      // Not validated: its one note is said here, and no entry goes to the Problems panel (as when it is open).
      collection.set(uri, []);
      log.info(`[validation] ${uri.fsPath}: results of a batch job, not validated`);
      void vscode.window.showInformationMessage(resultsText(name), labels.setKind).then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand('geminiBatch.validate.selectKind', uri);
        }
      });
      return summary;
    }
    const total = summary.issues.length + (summary.issuesDropped ?? 0);
    // An open document already has live diagnostics (of its unsaved text too): listing the file's as well would
    // show every problem twice.
    collection.set(uri, isLive(uri) ? [] : toDiagnostics(uri, summary.issues, settings.maxProblems, total));
    const counts = countBySeverity(summary);
    log.info(`[validation] ${uri.fsPath}: ${summary.requests} requests, ${total} problems`);
    const counted = [name, summary.requests, summary.kind, counts.error, counts.warning, counts.info] as const;
    const text = summary.issuesDropped
      ? vscode.l10n.t(
          '{0}: {1} requests ({2}), {3} errors, {4} warnings, {5} notes ({6} problems in all; the first {7} are listed).',
          ...counted,
          total,
          summary.issues.length,
        )
      : vscode.l10n.t('{0}: {1} requests ({2}), {3} errors, {4} warnings, {5} notes.', ...counted);
    // A button only where it leads somewhere: a split for a file over a provider limit (too large, too many
    // requests), the listed problems, or, for a file no line of which looked like a batch request, choosing its kind.
    const splittable = summary.issues.some(
      (i) => i.code === IssueCode.FileTooLarge || i.code === IssueCode.TooManyLines,
    );
    const action = buttonFor(summary, total, labels);
    void vscode.window
      .showInformationMessage(text, ...(splittable ? [labels.split] : []), ...(action ? [action] : []))
      .then((choice) => {
        if (choice === labels.split) {
          void vscode.commands.executeCommand('geminiBatch.file.split', uri);
        }
        if (choice === labels.showProblems) {
          void vscode.commands.executeCommand('workbench.actions.view.problems');
        }
        if (choice === labels.setKind) {
          void vscode.commands.executeCommand('geminiBatch.validate.selectKind', uri);
        }
      });
    return summary;
  });
  // Once the file is open and validated live, the editor's diagnostics replace these (they follow unsaved edits).
  const onOpen = vscode.workspace.onDidOpenTextDocument((doc) => {
    if (doc.languageId === 'jsonl') {
      collection.delete(doc.uri);
    }
  });
  return vscode.Disposable.from(command, onOpen, collection);
}
