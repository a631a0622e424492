import * as vscode from 'vscode';
import { commandWithBoundary, UserFacingError } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { BATCH_KINDS, isBatchKind, type BatchKind } from '../../core/batchKind';
import type { KindOverrides } from './kindOverrides';

interface KindPick extends vscode.QuickPickItem {
  value: BatchKind | 'auto';
}

const DESCRIPTIONS: Record<BatchKind | 'auto', string> = {
  auto: 'Detect from the lines (follow the geminiBatch.validation.kind setting)',
  'gemini-generate': 'Gemini {"key", "request": GenerateContentRequest}',
  'gemini-embed': 'Gemini {"key", "request": EmbedContentRequest}',
  openai: 'OpenAI {"custom_id", "method", "url", "body"}',
};

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
        throw new UserFacingError(`"${String(kind)}" is not a batch kind (expected auto, ${BATCH_KINDS.join(', ')}).`);
      }
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target) {
        void vscode.window.showInformationMessage('Open a .jsonl batch file to set its kind.');
        return;
      }
      let chosen = kind;
      if (chosen === undefined) {
        const current = overrides.get(target) ?? 'auto';
        const items: KindPick[] = (['auto', ...BATCH_KINDS] as const).map((k) => ({
          label: k === current ? `$(check) ${k}` : k,
          description: DESCRIPTIONS[k],
          value: k,
        }));
        chosen = (await vscode.window.showQuickPick(items, { title: 'Batch kind for this file', placeHolder: current }))
          ?.value;
      }
      if (chosen !== undefined) {
        await overrides.set(target, chosen);
      }
    },
  );
}
