import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { UserFacingError } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { foreignOrigin, hostOf } from '../../core/endpointOrigin';
import type { ProviderId } from '../../core/providers/types';
import { confirmHostInModal, type ConfirmHost } from './userConsent';

/** Origins the user confirmed, shared by every workspace (globalState): each host is asked about once. */
const APPROVED_KEY = 'geminiBatch.trust.approvedOrigins';
/** Scripted runs pre-approve origins here (comma-separated); the environment is the user's own, unlike settings. */
const APPROVED_ENV = 'GEMINI_BATCH_TRUSTED_ORIGINS';

/**
 * Guards the API key against a cloned repository: a committed `.vscode/settings.json` can point an endpoint at
 * any host. Before a provider with a key is built, the endpoint it would use must be the user's own, or a host the
 * user confirmed in a modal dialog naming it. In Restricted Mode no real provider is built at all (userConsent.ts;
 * the emulator, which runs on loopback with no key, still is).
 */
export class EndpointTrust implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Workspace trust was granted: a provider refused before may be built now. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private confirm: ConfirmHost = confirmHostInModal;

  constructor(
    private readonly state: vscode.Memento,
    private readonly config: Config,
    private readonly log: Log,
  ) {
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()));
  }

  /**
   * Resolves when `provider` may send its key to its endpoint; throws a readable error when it may not. Not
   * cached by the session, so the next listing or command asks again after a "no".
   */
  async ensureEndpointAllowed(provider: ProviderId): Promise<void> {
    if (provider === 'emulator') {
      return;
    }
    const setting = provider === 'openai' ? 'openai.baseUrl' : 'gemini.baseUrl';
    const { value, userValue } = this.config.endpoint(setting);
    const origin = foreignOrigin(value, userValue);
    if (origin === undefined || this.isApproved(origin)) {
      return;
    }
    this.log.info(`[trust] this workspace sets geminiBatch.${setting} to ${origin}: asking the user`);
    if (!(await this.confirm(hostOf(origin), origin, `geminiBatch.${setting}`))) {
      throw new UserFacingError(
        vscode.l10n.t(
          "Not sending your API key to {0}: this workspace's {1} points there and the host was not confirmed.",
          hostOf(origin),
          `geminiBatch.${setting}`,
        ),
      );
    }
    await this.approve(origin);
  }

  isApproved(origin: string): boolean {
    const fromEnv = (process.env[APPROVED_ENV] ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    return fromEnv.includes(origin) || this.approved().includes(origin);
  }

  /** Remembers `origin` as confirmed (the dialog's "yes", or a script pre-approving it). */
  async approve(origin: string): Promise<void> {
    if (this.approved().includes(origin)) {
      return;
    }
    await this.state.update(APPROVED_KEY, [...this.approved(), origin]);
    this.log.info(`[trust] ${origin} approved`);
  }

  /** Answers the dialog instead of the user (tests); dispose to restore the modal. */
  usePrompt(confirm: ConfirmHost): vscode.Disposable {
    this.confirm = confirm;
    return new vscode.Disposable(() => {
      this.confirm = confirmHostInModal;
    });
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private approved(): string[] {
    return this.state.get<string[]>(APPROVED_KEY) ?? [];
  }
}

export function registerTrust(context: vscode.ExtensionContext, deps: { config: Config; log: Log }): EndpointTrust {
  const trust = new EndpointTrust(context.globalState, deps.config, deps.log);
  context.subscriptions.push(trust);
  return trust;
}
