import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import { kindRequests } from '../../core/batchKindWords';
import { runsKind } from '../../core/providers/providerKinds';
import type { ProviderId } from '../../core/providers/types';
import { providerName } from '../estimate/estimateText';

/**
 * Whether the current provider runs `kind` (core/providers/providerKinds.ts); if not, says so before anything is
 * asked or uploaded, with "Switch Provider…" (scripted submits get the same error and no button pressed). Resolves
 * true when the submit may go on.
 */
export async function providerFits(provider: ProviderId, kind: BatchKind, fileName: string): Promise<boolean> {
  if (runsKind(provider, kind)) {
    return true;
  }
  const switchProvider = vscode.l10n.t('Switch Provider…');
  const choice = await vscode.window.showErrorMessage(
    vscode.l10n.t(
      '{0} holds {1}; {2} runs OpenAI-format files only ({3} lines). Switch to the Gemini API or the Local Emulator to submit it.',
      fileName,
      vscode.l10n.t(kindRequests(kind)),
      providerName(provider),
      '{"custom_id","method","url","body"}',
    ),
    switchProvider,
  );
  if (choice === switchProvider) {
    await vscode.commands.executeCommand('geminiBatch.provider.select');
  }
  return false;
}
