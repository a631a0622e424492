import * as vscode from 'vscode';
import type { ProviderId } from '../core/providers/types';

/** Environment variables read when no key is stored, in order. */
const ENV_FALLBACKS: Record<ProviderId, readonly string[]> = {
  gemini: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  geminiOpenAI: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  openai: ['OPENAI_API_KEY'],
  emulator: [],
};

/** Gemini's native and OpenAI-compatible endpoints take the same Google key, so they share one slot. */
function slot(provider: ProviderId): string {
  return `geminiBatch.apiKey.${provider === 'geminiOpenAI' ? 'gemini' : provider}`;
}

export interface KeyLookup {
  key?: string;
  source?: 'secretStorage' | 'env';
}

/**
 * API keys, one per provider, in SecretStorage (shared across windows, hence the change event), with the usual
 * environment variables as a fallback. Every key read is handed to `redact` so the log can never print it.
 */
export class ApiKeys implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly redact: (secret: string) => void,
  ) {
    this.listener = secrets.onDidChange((e) => {
      if (e.key.startsWith('geminiBatch.apiKey.')) {
        this.changed.fire();
      }
    });
  }

  needsKey(provider: ProviderId): boolean {
    return provider !== 'emulator';
  }

  async get(provider: ProviderId): Promise<KeyLookup> {
    const stored = await this.secrets.get(slot(provider));
    if (stored) {
      this.redact(stored);
      return { key: stored, source: 'secretStorage' };
    }
    for (const name of ENV_FALLBACKS[provider]) {
      const value = process.env[name];
      if (value) {
        this.redact(value);
        return { key: value, source: 'env' };
      }
    }
    return {};
  }

  async set(provider: ProviderId, key: string): Promise<void> {
    this.redact(key);
    await this.secrets.store(slot(provider), key);
  }

  async clear(provider: ProviderId): Promise<void> {
    await this.secrets.delete(slot(provider));
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
