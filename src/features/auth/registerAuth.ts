import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { registerCommand } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { ApiKeys } from '../../adapters/secrets';
import type { ProviderId } from '../../core/providers/types';
import { providerName } from '../estimate/estimateText';

/** The provider a key command applies to: the argument, else the selected one, else ask (the emulator needs none). */
async function targetProvider(config: Config, keys: ApiKeys, arg: unknown): Promise<ProviderId | undefined> {
  if (arg === 'gemini' || arg === 'geminiOpenAI' || arg === 'openai') {
    return arg;
  }
  const selected = config.providerName();
  if (keys.needsKey(selected)) {
    return selected;
  }
  const pick = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('Gemini API (also used by the OpenAI-compatible Gemini endpoint)'),
        id: 'gemini' as const,
      },
      { label: vscode.l10n.t('OpenAI'), id: 'openai' as const },
    ],
    { placeHolder: vscode.l10n.t('Which provider is the key for?') },
  );
  return pick?.id;
}

/**
 * `geminiBatch.auth.setApiKey` and `clearApiKey`. Scripts and tests may pass `(provider, key)`; otherwise the key is
 * asked for in a password box. Keys go to SecretStorage only.
 */
export function registerAuth(context: vscode.ExtensionContext, deps: { log: Log; config: Config }): ApiKeys {
  const { log, config } = deps;
  const keys = new ApiKeys(context.secrets, (secret) => log.redact(secret));
  context.subscriptions.push(keys);

  registerCommand(context, log, 'geminiBatch.auth.setApiKey', async (providerArg?: unknown, keyArg?: unknown) => {
    const provider = await targetProvider(config, keys, providerArg);
    if (!provider) {
      return false;
    }
    const key =
      typeof keyArg === 'string'
        ? keyArg
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('API key for {0}', providerName(provider)),
            prompt: vscode.l10n.t("Stored in VS Code's secret storage, never in settings."),
            password: true,
            ignoreFocusOut: true,
            validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The key cannot be empty.')),
          });
    if (!key?.trim()) {
      return false;
    }
    await keys.set(provider, key.trim());
    log.info(`[auth] API key stored for ${provider}`);
    return true;
  });

  registerCommand(context, log, 'geminiBatch.auth.clearApiKey', async (providerArg?: unknown) => {
    const provider = await targetProvider(config, keys, providerArg);
    if (!provider) {
      return false;
    }
    await keys.clear(provider);
    log.info(`[auth] API key cleared for ${provider}`);
    return true;
  });

  return keys;
}
