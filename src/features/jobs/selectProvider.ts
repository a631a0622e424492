import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { registerCommand } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import type { ProviderId } from '../../core/providers/types';

const PROVIDER_IDS: readonly ProviderId[] = ['gemini', 'geminiOpenAI', 'openai', 'emulator'];

/** The picker's rows, built on each call (not at load) so they follow the display language's bundle. */
function choices(): { id: ProviderId; label: string; detail: string }[] {
  return [
    {
      id: 'gemini',
      label: vscode.l10n.t('Gemini API'),
      detail: vscode.l10n.t('Gemini Batch Mode (generativelanguage.googleapis.com); key: GEMINI_API_KEY'),
    },
    {
      id: 'geminiOpenAI',
      label: vscode.l10n.t('Gemini (OpenAI-compatible)'),
      detail: vscode.l10n.t("Gemini's /v1beta/openai batch endpoint; same Gemini key"),
    },
    {
      id: 'openai',
      label: vscode.l10n.t('OpenAI'),
      detail: vscode.l10n.t('OpenAI Batch API or any compatible base URL; key: OPENAI_API_KEY'),
    },
    {
      id: 'emulator',
      label: vscode.l10n.t('Local Emulator'),
      detail: vscode.l10n.t('An in-process emulator on 127.0.0.1: no key, no network, no cost'),
    },
  ];
}

/**
 * `geminiBatch.provider.select`: a quick pick (or a provider id argument) that writes `geminiBatch.provider.name`;
 * the provider session notices the setting and the jobs view reloads.
 */
export function registerProviderSelect(context: vscode.ExtensionContext, deps: { log: Log; config: Config }): void {
  const { log, config } = deps;
  registerCommand(context, log, 'geminiBatch.provider.select', async (arg?: unknown) => {
    const current = config.providerName();
    const id = PROVIDER_IDS.includes(arg as ProviderId)
      ? (arg as ProviderId)
      : (
          await vscode.window.showQuickPick(
            choices().map((c) => ({ ...c, description: c.id === current ? vscode.l10n.t('current') : undefined })),
            { placeHolder: vscode.l10n.t('Where should batch jobs run?') },
          )
        )?.id;
    if (!id) {
      return undefined;
    }
    if (id !== current) {
      await config.setProviderName(id);
    }
    log.info(`[session] provider set to ${id}`);
    return id;
  });
}
