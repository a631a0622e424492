import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import type { ProviderId } from '../../core/providers/types';
import type { EmulatorHost } from './emulatorHost';
import { providerName } from '../estimate/estimateText';

/** What the status bar item shows; the test API reads it instead of scraping the status bar. */
export interface ProviderStatus {
  text: string;
  tooltip: string;
  command: string;
}

/**
 * The provider batch jobs go to, and for the emulator whether it runs: nothing else in the window said which
 * service a submit would reach (issue 11, "Emulator feedback"). A real service shows a cloud, the emulator a VM.
 */
export function providerStatus(id: ProviderId, emulator: Pick<EmulatorHost, 'isRunning' | 'baseUrl'>): ProviderStatus {
  const name = providerName(id);
  const command = 'geminiBatch.provider.select';
  if (id !== 'emulator') {
    return {
      text: `$(cloud) ${name}`,
      tooltip: vscode.l10n.t('Batch jobs run on {0}. Click to choose another provider.', name),
      command,
    };
  }
  if (emulator.baseUrl) {
    return {
      text: `$(vm-running) ${vscode.l10n.t('Emulator: running')}`,
      tooltip: vscode.l10n.t(
        'Batch jobs run on the local emulator at {0} (no key, no cost). Click to choose another provider.',
        emulator.baseUrl,
      ),
      command,
    };
  }
  return {
    text: `$(vm-outline) ${emulator.isRunning ? vscode.l10n.t('Emulator: starting') : vscode.l10n.t('Emulator: stopped')}`,
    tooltip: vscode.l10n.t(
      'Batch jobs run on the local emulator, which starts when it is needed. Click to choose another provider.',
    ),
    command,
  };
}

/** The status bar item: redrawn when the provider setting changes or the emulator starts or stops. */
export function registerProviderStatusBar(
  context: vscode.ExtensionContext,
  deps: { config: Config; emulator: EmulatorHost },
): () => ProviderStatus {
  const { config, emulator } = deps;
  const item = vscode.window.createStatusBarItem('geminiBatch.provider', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Gemini Batch Provider');
  const current = (): ProviderStatus => providerStatus(config.providerName(), emulator);
  const draw = (): void => {
    const status = current();
    item.text = status.text;
    item.tooltip = status.tooltip;
    item.command = status.command;
  };
  draw();
  item.show();
  context.subscriptions.push(item, config.onDidChange(['provider.name'], draw), emulator.onDidChange(draw));
  return current;
}
