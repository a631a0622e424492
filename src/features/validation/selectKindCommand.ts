import * as vscode from 'vscode';
import { commandWithBoundary, UserFacingError } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { BATCH_KINDS, isBatchKind, type BatchKind } from '../../core/batchKind';
import type { KindOverrides } from './kindOverrides';

interface KindPick extends vscode.QuickPickItem {
  value: BatchKind | 'auto';
}

/** Built on each call (not at load) so the words follow the display language's bundle. */
function descriptions(): Record<BatchKind | 'auto', string> {
  return {
    auto: vscode.l10n.t('Detect from the lines (follow the geminiBatch.validation.kind setting)'),
    // The JSON shapes are code, not words: they stay as they are in every language.
    'gemini-generate': 'Gemini {"key", "request": GenerateContentRequest}',
    'gemini-embed': 'Gemini {"key", "request": EmbedContentRequest}',
    openai: 'OpenAI {"custom_id", "method", "url", "body"}',
  };
}

/**
 * `geminiBatch.validate.selectKind`: overrides the batch kind of one document (the active one, or the uri given).
 * An explicit kind argument skips the quick pick (used by tests and other commands).
 */
export function registerSelectKindCommand(overrides: KindOverrides, log: Log): vscode.Disposable {
  return commandWithBoundary(
    log,
    'geminiBatch.validate.selectKind',
    async (uri?: vscode.Uri, kind?: BatchKind | 'auto') => {
      if (kind !== undefined && kind !== 'auto' && !isBatchKind(kind)) {
        throw new UserFacingError(
          vscode.l10n.t('"{0}" is not a batch kind (expected auto, {1}).', String(kind), BATCH_KINDS.join(', ')),
        );
      }
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a .jsonl batch file to set its kind.'));
        return;
      }
      let chosen = kind;
      if (chosen === undefined) {
        const current = overrides.get(target) ?? 'auto';
        const words = descriptions();
        const items: KindPick[] = (['auto', ...BATCH_KINDS] as const).map((k) => ({
          label: k === current ? `$(check) ${k}` : k,
          description: words[k],
          value: k,
        }));
        chosen = (
          await vscode.window.showQuickPick(items, {
            title: vscode.l10n.t('Batch kind for this file'),
            placeHolder: current,
          })
        )?.value;
      }
      if (chosen !== undefined) {
        await overrides.set(target, chosen);
      }
    },
  );
}
