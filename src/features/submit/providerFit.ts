import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import { kindRequests } from '../../core/batchKindWords';
import { modelFit } from '../../core/providers/modelFit';
import { runsKind } from '../../core/providers/providerKinds';
import type { Log } from '../../adapters/log';
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

/**
 * Whether the file's model is one the provider serves, when its list is known offline (core/providers/modelFit.ts:
 * the emulator's): if not, warns before anything is uploaded, as every line would come back `model_not_found`, with
 * "Switch Provider…" and "Submit Anyway" (the modal's Cancel stops). A scripted submit asks nothing: it is logged and
 * goes on (its caller chose; the parts of a group were asked once by Submit All Parts). Resolves true to go on.
 */
export async function modelServed(
  provider: ProviderId,
  model: string | undefined,
  fileName: string,
  scripted: boolean,
  log: Pick<Log, 'warn'>,
): Promise<boolean> {
  if (modelFit(provider, model) !== 'notServed') {
    return true;
  }
  const message = vscode.l10n.t(
    '{0} names model {1}: {2} does not serve it, so every request would fail with model_not_found. Submit it to a provider that runs {1}, or name a model {2} serves.',
    fileName,
    String(model),
    providerName(provider),
  );
  if (scripted) {
    log.warn(`[submit] ${message}`);
    return true;
  }
  const switchProvider = vscode.l10n.t('Switch Provider…');
  const anyway = vscode.l10n.t('Submit Anyway');
  const choice = await vscode.window.showWarningMessage(message, { modal: true }, switchProvider, anyway);
  if (choice === switchProvider) {
    await vscode.commands.executeCommand('geminiBatch.provider.select');
  }
  return choice === anyway;
}
