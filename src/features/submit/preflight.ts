import * as path from 'path';
import * as vscode from 'vscode';
import type { Log } from '../../adapters/log';
import { validateFile } from '../../core/validation';
import { holdsBatchLines } from '../../core/validation/batchLineDetection';
import type { ValidationSummary } from '../../core/validation/types';
import type { BatchKind } from '../../core/batchKind';
import { kindToValidate } from '../../core/jobs/resultFileNames';
import type { KindOverrides } from '../validation/kindOverrides';
import { readValidationSettings } from '../validation/validationSettings';
import { refusalAction, refusalOf } from '../../core/jobs/refusal';

/** The kind a file is validated and submitted as; 'auto' means "detect it from the lines". */
export type KindResolver = (uri: vscode.Uri) => BatchKind | 'auto';

/**
 * The same precedence the editor validates with, so submit never disagrees with the squiggles: the per-file override
 * ("Set Batch Kind for This File…"), then the `geminiBatch.validation.kind` setting (not on the result files the
 * extension writes), then detection.
 */
export function createKindResolver(overrides: Pick<KindOverrides, 'get'>): KindResolver {
  return (uri) => kindToValidate(uri.path, overrides.get(uri), readValidationSettings(uri).kind);
}

/**
 * Whether a document is a batch file worth the lenses above its first line (submit, estimate): an explicit kind says
 * so, otherwise the core's kind vote over its first lines must call it a batch file, as the live validation does: a
 * log of JSON records and the results of a job (output lines, joined files) get none.
 */
export function isBatchDocument(kindFor: KindResolver, document: vscode.TextDocument): boolean {
  return kindFor(document.uri) !== 'auto' || holdsBatchLines(document);
}

/**
 * Validates the file as it is on disk (an open, dirty editor is saved first) before anything is uploaded, with the
 * kind the editor validates it with (`kindFor`). A file with errors is refused with a "Show Problems" action:
 * resolves to undefined, and no job is created.
 */
export async function preflight(
  uri: vscode.Uri,
  log: Log,
  kindFor: KindResolver,
): Promise<ValidationSummary | undefined> {
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
  if (open?.isDirty) {
    await open.save();
  }
  const name = path.basename(uri.fsPath);
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Validating {0}', name) },
    () => validateFile(uri.fsPath, { kind: kindFor(uri) }),
  );
  const errors = summary.issues.filter((issue) => issue.severity === 'error').length;
  let note = '';
  if (summary.results) {
    note = ', results of a job';
  } else if (summary.notBatch) {
    note = ', not a batch file';
  }
  log.info(`[submit] ${name}: ${summary.requests} requests (${summary.kind}), ${errors} errors${note}`);
  const message = refusalOf(name, summary);
  if (message === undefined) {
    return summary;
  }
  const action = refusalAction(summary);
  const buttons = { showProblems: vscode.l10n.t('Show Problems'), setKind: vscode.l10n.t('Set Batch Kind…') };
  const button = action && buttons[action];
  void vscode.window.showErrorMessage(message, ...(button ? [button] : [])).then(async (choice) => {
    if (!choice) {
      return;
    }
    if (action === 'setKind') {
      await vscode.commands.executeCommand('geminiBatch.validate.selectKind', uri);
      return;
    }
    // Opening the file lets the live validation publish its diagnostics to the Problems panel.
    await vscode.window.showTextDocument(uri, { preview: false });
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return undefined;
}
