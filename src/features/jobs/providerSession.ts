import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import type { Log } from '../../adapters/log';
import { UserFacingError } from '../../adapters/errors';
import type { ApiKeys } from '../../adapters/secrets';
import type { ApiCallRecord, BatchProvider, ProviderId } from '../../core/providers/types';
import type { EmulatorHost } from '../emulator/emulatorHost';
import type { EndpointTrust } from '../trust/endpointTrust';
import { providerName } from '../estimate/estimateText';
import { explainRestrictedMode, isRestricted } from '../trust/userConsent';

export type Session =
  | { status: 'ready'; id: ProviderId; provider: BatchProvider }
  | { status: 'noKey'; id: ProviderId }
  | { status: 'restricted'; id: ProviderId }
  | { status: 'unavailable'; id: ProviderId; reason: string };

/**
 * The provider the settings, the stored key and the emulator currently describe. It is rebuilt lazily after any of
 * them changes, and `onDidChange` tells the jobs model to reload. API calls are logged one line each, never the key.
 */
export class ProviderSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private current: Promise<Session> | undefined;

  constructor(
    private readonly config: Config,
    private readonly keys: ApiKeys,
    private readonly emulator: EmulatorHost,
    private readonly log: Log,
    private readonly trust: EndpointTrust,
  ) {
    const invalidate = (): void => {
      this.current = undefined;
      this.changed.fire();
    };
    this.disposables.push(
      config.onDidChange(['provider.name'], () => {
        if (config.providerName() === 'emulator') {
          emulator.rearm();
        }
      }),
      config.onDidChange(['provider.name', 'gemini.baseUrl', 'gemini.apiVersion', 'openai.baseUrl'], invalidate),
      keys.onDidChange(invalidate),
      emulator.onDidChange(invalidate),
      trust.onDidChange(invalidate),
    );
  }

  /** The current provider, or why there is none. */
  resolve(): Promise<Session> {
    if (!this.current) {
      const building: Promise<Session> = this.build().catch((error: unknown) => {
        // Not cached: the next resolve tries again (e.g. the emulator's port was busy).
        if (this.current === building) {
          this.current = undefined;
        }
        const reason = error instanceof Error ? error.message : String(error);
        return { status: 'unavailable', id: this.config.providerName(), reason: this.log.scrub(reason) };
      });
      this.current = building;
    }
    return this.current;
  }

  /** The provider for a command; throws a readable error when there is none. */
  async provider(): Promise<BatchProvider> {
    const session = await this.resolve();
    if (session.status === 'ready') {
      return session.provider;
    }
    if (session.status === 'noKey') {
      // The way out as a button: the key command for this very provider (no pick to make).
      throw new UserFacingError(vscode.l10n.t('No API key is set for {0}.', providerName(session.id)), {
        title: vscode.l10n.t('Set API Key…'),
        command: 'geminiBatch.auth.setApiKey',
        arguments: [session.id],
      });
    }
    if (session.status === 'restricted') {
      explainRestrictedMode();
    }
    throw new UserFacingError(session.reason);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private async build(): Promise<Session> {
    // Loaded on first use: the SDKs behind it cost ~80 ms, which activation for validation alone need not pay.
    const { createProvider } = await import('../../core/providers/createProvider');
    const id = this.config.providerName();
    const onCall = (call: ApiCallRecord): void => {
      this.log.info(`[api] ${call.method} ${call.path} ${call.status} ${call.ms}ms`);
    };
    if (id === 'emulator') {
      if (!this.emulator.isRunning && this.emulator.wasStopped) {
        return { status: 'unavailable', id, reason: vscode.l10n.t('The local emulator is stopped.') };
      }
      const emulator = await this.emulator.ensureStarted();
      // The emulator speaks both API versions; v1beta is the one with every Batch and Files endpoint.
      const provider = createProvider({
        id,
        apiKey: 'emulator-key',
        geminiBaseUrl: emulator.baseUrl,
        geminiApiVersion: 'v1beta',
        openaiBaseUrl: `${emulator.baseUrl}/v1`,
        onCall,
      });
      return { status: 'ready', id, provider };
    }
    if (isRestricted(id)) {
      return { status: 'restricted', id };
    } // the jobs view says why (viewsWelcome)
    const { key, source } = await this.keys.get(id);
    if (!key) {
      return { status: 'noKey', id };
    }
    // Before any client exists: a workspace's endpoint gets the key only once the user confirmed its host.
    await this.trust.ensureEndpointAllowed(id);
    this.log.info(`[session] provider ${id} (key from ${source})`);
    const provider = createProvider({
      id,
      apiKey: key,
      geminiBaseUrl: this.config.geminiBaseUrl(),
      geminiApiVersion: this.config.geminiApiVersion(),
      openaiBaseUrl: this.config.openaiBaseUrl(),
      onCall,
    });
    return { status: 'ready', id, provider };
  }
}
