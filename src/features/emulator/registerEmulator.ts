import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { setEmulatorRunning } from '../../adapters/contextKeys';
import { registerCommand } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { EmulatorHost } from './emulatorHost';
import { rehearseFailures } from './rehearseFailures';

/** Options of `geminiBatch.emulator.start` when called from code (tests, keybindings). */
interface StartOptions {
  /** Also select the emulator as the provider. Default: true for a plain call (welcome link, palette). */
  selectProvider?: boolean;
}

/**
 * `geminiBatch.emulator.start` / `stop`. Start resolves to `{baseUrl}` (tests use it to inject faults through the
 * admin endpoint) and, unless told otherwise, makes the emulator the selected provider: that is what the
 * "Try the Local Emulator" welcome link promises.
 */
export function registerEmulator(context: vscode.ExtensionContext, deps: { log: Log; config: Config }): EmulatorHost {
  const { log, config } = deps;
  const host = new EmulatorHost(context.globalStorageUri, config, log);
  context.subscriptions.push(host);
  void setEmulatorRunning(false);

  registerCommand(context, log, 'geminiBatch.emulator.start', async (options?: StartOptions) => {
    const emulator = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Starting the local batch emulator…' },
      () => host.ensureStarted(),
    );
    if ((options?.selectProvider ?? true) && config.providerName() !== 'emulator') {
      await config.setProviderName('emulator');
    }
    return { baseUrl: emulator.baseUrl };
  });

  registerCommand(context, log, 'geminiBatch.emulator.stop', () => host.stop());
  registerCommand(context, log, 'geminiBatch.emulator.rehearseFailures', (ids?: string[]) => rehearseFailures(host, log, ids));
  return host;
}
