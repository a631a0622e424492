import * as path from 'path';
import * as vscode from 'vscode';
import { SUBMIT_PARTS_COMMAND } from '../submit/submitParts';
import type { BatchKind } from '../../core/batchKind';
import {
  detectFileKind,
  SplitError,
  splitFile,
  splitSizing,
  stampParts,
  type SplitAsk,
  type SplitResult,
} from '../../core/split';
import { formatBytes, IssueCode } from '../../core/validation';
import { withCancellableProgress } from '../../adapters/cancellableProgress';
import { commandWithBoundary, UserFacingError } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { DIAGNOSTIC_SOURCE } from '../validation/issueDiagnostics';
import type { EstimateFeature } from '../estimate/registerEstimate';
import { fitsText, offerSmallerSplit } from './splitFits';

export const SPLIT_COMMAND = 'geminiBatch.file.split';

/** The words for a split that stopped (a cancel is silent: it never reaches here). */
function failureText(name: string, error: SplitError): string {
  switch (error.code) {
    case 'line-too-large':
      return vscode.l10n.t(
        '{0} cannot be split: line {1} alone is {2}, more than a part may hold ({3}). Nothing was written.',
        name,
        String(error.detail.line),
        formatBytes(error.detail.bytes ?? 0),
        formatBytes(error.detail.limit ?? 0),
      );
    case 'line-over-tokens':
      return vscode.l10n.t(
        '{0} cannot be split: line {1} alone has about {2} input tokens, more than a part may hold ({3}). Nothing was written.',
        name,
        String(error.detail.line),
        String(error.detail.tokens),
        String(error.detail.limit),
      );
    case 'read-failed':
      return vscode.l10n.t('{0} could not be read ({1}). Nothing was written.', name, String(error.detail.errno));
    default:
      return vscode.l10n.t(
        'The parts of {0} could not be written ({1}). Nothing was written.',
        name,
        String(error.detail.errno ?? error.code),
      );
  }
}

async function pickFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Split'),
    title: vscode.l10n.t('Split Batch File into Parts'),
    filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl', 'ndjson'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0];
}

/**
 * `geminiBatch.file.split` (also the "Split into Parts" quick fix): splits a batch file on disk into parts within
 * its provider's limits, beside it, behind a cancellable progress notification. An open, dirty editor is saved first
 * so the parts hold what the user sees. Resolves to the result (for tests and callers), undefined when cancelled.
 */
function registerSplitCommand(
  log: Log,
  kindOf: (uri: vscode.Uri) => BatchKind | 'auto',
  estimate: Pick<EstimateFeature, 'lineTokens'>,
): vscode.Disposable {
  return commandWithBoundary(
    log,
    SPLIT_COMMAND,
    async (arg?: vscode.Uri, options?: SplitAsk): Promise<SplitResult | undefined> => {
      const uri =
        arg instanceof vscode.Uri ? arg : (vscode.window.activeTextEditor?.document.uri ?? (await pickFile()));
      if (!uri) {
        return undefined;
      }
      if (uri.scheme !== 'file') {
        throw new UserFacingError(vscode.l10n.t('Only files on disk can be split (got {0}:).', uri.scheme));
      }
      const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
      if (open?.isDirty) {
        await open.save();
      }
      const name = path.basename(uri.fsPath);
      const asked = kindOf(uri);
      const kind = asked === 'auto' ? await detectFileKind(uri.fsPath) : asked;
      // The estimate lens asks for parts under the enqueued-token limit: sized by its counts of the (saved) lines.
      const limits = splitSizing(kind, options, estimate.lineTokens(uri));
      let result: SplitResult;
      try {
        result = await withCancellableProgress(
          vscode.l10n.t('Splitting {0}', name),
          (_done, _total, percent) => `${percent}%`,
          (signal, onProgress) => splitFile(uri.fsPath, { ...limits, signal, onProgress }),
        );
      } catch (error) {
        if (error instanceof SplitError && error.code === 'cancelled') {
          return undefined;
        }
        if (error instanceof SplitError) {
          throw new UserFacingError(failureText(name, error));
        }
        throw error;
      }
      if (result.fits) {
        offerSmallerSplit(uri, fitsText(name, kind, limits), options === undefined, (maxLines) => {
          void vscode.commands.executeCommand(SPLIT_COMMAND, uri, { maxLines });
        });
        return result;
      }
      log.info(
        `[split] ${uri.fsPath} → ${result.parts.length} parts: ${result.parts.map((p) => path.basename(p)).join(', ')}`,
      );
      // Each part as written: "Submit All Parts…" clicked after a later split of the same file (which rewrites part-01…
      // and removes the rest) refuses the stale group instead of sending a mix (features/submit/partsGuard.ts).
      const stamps = await stampParts(result.parts).catch(() => undefined);
      // The clicked button comes back as its localized label, so it is compared with the same strings.
      const buttons = {
        submitAll: vscode.l10n.t('Submit All Parts…'),
        openFirst: vscode.l10n.t('Open First Part'),
        reveal: vscode.l10n.t('Reveal in Explorer'),
      };
      void vscode.window
        .showInformationMessage(
          [
            vscode.l10n.t(
              '{0} was split into {1} parts beside it ({2}).',
              name,
              String(result.parts.length),
              result.parts.map((p) => path.basename(p)).join(', '),
            ),
            // Said, as the CLI says it: files the user may have opened are gone (core/split/earlierParts.ts).
            ...(result.removed.length
              ? [
                  vscode.l10n.t(
                    'The parts of an earlier split that these do not replace were removed: {0}.',
                    result.removed.map((p) => path.basename(p)).join(', '),
                  ),
                ]
              : []),
          ].join(' '),
          buttons.submitAll,
          buttons.openFirst,
          buttons.reveal,
        )
        .then((choice) => {
          if (choice === buttons.submitAll) {
            void vscode.commands.executeCommand(
              SUBMIT_PARTS_COMMAND,
              result.parts.map((p) => vscode.Uri.file(p)),
              { source: uri.fsPath, stamps },
            );
          }
          if (choice === buttons.openFirst) {
            void vscode.window.showTextDocument(vscode.Uri.file(result.parts[0]));
          }
          if (choice === buttons.reveal) {
            void vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(result.parts[0]));
          }
        });
      return result;
    },
  );
}

/** The diagnostics a split resolves: the file is over its provider's size or request cap. */
const SPLITTABLE: ReadonlySet<string> = new Set([IssueCode.FileTooLarge, IssueCode.TooManyLines]);

/**
 * "Split into Parts" on a file-too-large or too-many-lines diagnostic: runs {@link SPLIT_COMMAND} on the document's
 * file. A command, not an edit: the parts are new files and the original stays as it is.
 */
function registerSplitQuickFix(): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: 'jsonl' },
    {
      provideCodeActions(document, _range, context) {
        const diagnostics = context.diagnostics.filter(
          (d) => d.source === DIAGNOSTIC_SOURCE && SPLITTABLE.has(String(d.code)),
        );
        if (diagnostics.length === 0 || document.uri.scheme !== 'file') {
          return undefined;
        }
        const action = new vscode.CodeAction(vscode.l10n.t('Split into Parts'), vscode.CodeActionKind.QuickFix);
        action.diagnostics = diagnostics;
        action.isPreferred = true;
        action.command = {
          command: SPLIT_COMMAND,
          title: vscode.l10n.t('Split into Parts'),
          arguments: [document.uri],
        };
        return [action];
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

/**
 * "Split into Parts": the command and its quick fix on the limit diagnostics. `kindOf` is the kind the editor
 * validates a file with, so a split keeps that kind's limits.
 */
export function registerSplit(
  log: Log,
  kindOf: (uri: vscode.Uri) => BatchKind | 'auto',
  estimate: Pick<EstimateFeature, 'lineTokens'>,
): vscode.Disposable {
  return vscode.Disposable.from(registerSplitCommand(log, kindOf, estimate), registerSplitQuickFix());
}
