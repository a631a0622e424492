import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { setEmulatorRunning } from '../../adapters/contextKeys';
import { registerCommand } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import type { TokenWorkerClient } from '../estimate/tokenWorkerClient';
import { EmulatorHost } from './emulatorHost';
import { rehearseFailures } from './rehearseFailures';

/** Options of `geminiBatch.emulator.start` when called from code (tests, keybindings). */
interface StartOptions {
  /** Also select the emulator as the provider. Default: true for a plain call (welcome link, palette). */
  selectProvider?: boolean;
}

/** What Start said: it started, or it was running already; and whether jobs now go to it. */
function startedMessage(wasRunning: boolean, selected: boolean, baseUrl: string): string {
  const where = wasRunning
    ? vscode.l10n.t('The local emulator is already running at {0}.', baseUrl)
    : vscode.l10n.t('The local emulator is running at {0}.', baseUrl);
  return selected ? `${where} ${vscode.l10n.t('Batch jobs now run on it: no key, no cost.')}` : where;
}

/**
 * `geminiBatch.emulator.start` / `stop`. Start resolves to `{baseUrl}` (tests use it to inject faults through the
 * admin endpoint) and, unless told otherwise, makes the emulator the selected provider: that is what the
 * "Try the Local Emulator" welcome link promises.
 */
export function registerEmulator(
  context: vscode.ExtensionContext,
  deps: { log: Log; config: Config; tokens: TokenWorkerClient },
): EmulatorHost {
  const { log, config } = deps;
  const host = new EmulatorHost(context.globalStorageUri, config, log, deps.tokens);
  context.subscriptions.push(host);
  void setEmulatorRunning(false);

  registerCommand(context, log, 'geminiBatch.emulator.start', async (options?: StartOptions) => {
    const wasRunning = host.baseUrl !== undefined;
    const emulator = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Starting the local batch emulator…') },
      () => host.ensureStarted(),
    );
    const select = (options?.selectProvider ?? true) && config.providerName() !== 'emulator';
    if (select) {
      await config.setProviderName('emulator');
    }
    // A click (no options: welcome link, palette, menu) that may change nothing visible needs words; scripted calls
    // stay quiet. Not awaited, so the command does not wait for a dismissal.
    if (options === undefined) {
      void vscode.window.showInformationMessage(startedMessage(wasRunning, select, emulator.baseUrl));
    }
    return { baseUrl: emulator.baseUrl, alreadyRunning: wasRunning };
  });

  registerCommand(context, log, 'geminiBatch.emulator.stop', () => host.stop());
  registerCommand(context, log, 'geminiBatch.emulator.rehearseFailures', (ids?: string[]) =>
    rehearseFailures(host, log, ids),
  );
  return host;
}
