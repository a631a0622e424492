import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { registerCommand } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import type { ProviderId } from '../../core/providers/types';

const CHOICES: { id: ProviderId; label: string; detail: string }[] = [
  {
    id: 'gemini',
    label: 'Gemini API',
    detail: 'Gemini Batch Mode (generativelanguage.googleapis.com); key: GEMINI_API_KEY',
  },
  {
    id: 'geminiOpenAI',
    label: 'Gemini (OpenAI-compatible)',
    detail: "Gemini's /v1beta/openai batch endpoint; same Gemini key",
  },
  { id: 'openai', label: 'OpenAI', detail: 'OpenAI Batch API or any compatible base URL; key: OPENAI_API_KEY' },
  {
    id: 'emulator',
    label: 'Local Emulator',
    detail: 'An in-process emulator on 127.0.0.1: no key, no network, no cost',
  },
];

/**
 * `geminiBatch.provider.select`: a quick pick (or a provider id argument) that writes `geminiBatch.provider.name`;
 * the provider session notices the setting and the jobs view reloads.
 */
export function registerProviderSelect(context: vscode.ExtensionContext, deps: { log: Log; config: Config }): void {
  const { log, config } = deps;
  registerCommand(context, log, 'geminiBatch.provider.select', async (arg?: unknown) => {
    const current = config.providerName();
    const id = CHOICES.some((c) => c.id === arg)
      ? (arg as ProviderId)
      : (
          await vscode.window.showQuickPick(
            CHOICES.map((c) => ({ ...c, description: c.id === current ? 'current' : undefined })),
            { placeHolder: 'Where should batch jobs run?' },
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
