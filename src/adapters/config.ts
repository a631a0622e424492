import * as vscode from 'vscode';
import type { ProviderId } from '../core/providers/types';
import type { EnqueuedTokenTable, UsageTier } from '../core/split/splitLimits';

const SECTION = 'geminiBatch';

/** A setting name below `geminiBatch.` that the run loop reads. */
export type SettingKey =
  | 'provider.name'
  | 'gemini.baseUrl'
  | 'gemini.apiVersion'
  | 'openai.baseUrl'
  | 'emulator.port'
  | 'emulator.jobSeconds'
  | 'jobs.pollMinSeconds'
  | 'jobs.pollMaxSeconds'
  | 'jobs.pageSize'
  | 'submit.inlineMaxMB'
  | 'build.mediaInlineMaxMB'
  | 'results.folder'
  | 'results.showOutcomes'
  | 'estimate.assumedOutputTokens'
  | 'estimate.codeLens'
  | 'pricing.overrides'
  | 'limits.tier'
  | 'limits.enqueuedTokens';

/**
 * The only place that reads settings: typed getters (defaults live in package.json only, so there is no second
 * default here) and one `onDidChangeConfiguration` listener that routes changes to whoever asked.
 */
export class Config implements vscode.Disposable {
  private readonly routes = new Set<{ keys: readonly SettingKey[]; handler: () => void }>();
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((event) => {
      for (const route of [...this.routes]) {
        if (route.keys.some((key) => event.affectsConfiguration(`${SECTION}.${key}`))) {
          route.handler();
        }
      }
    });
  }

  /** Calls `handler` whenever one of `keys` changes. */
  onDidChange(keys: readonly SettingKey[], handler: () => void): vscode.Disposable {
    const route = { keys, handler };
    this.routes.add(route);
    return new vscode.Disposable(() => this.routes.delete(route));
  }

  providerName(): ProviderId {
    return this.get('provider.name');
  }
  geminiBaseUrl(): string {
    return this.get('gemini.baseUrl');
  }
  geminiApiVersion(): 'v1' | 'v1beta' {
    return this.get('gemini.apiVersion');
  }
  openaiBaseUrl(): string {
    return this.get('openai.baseUrl');
  }
  emulatorPort(): number {
    return this.get('emulator.port');
  }
  emulatorJobSeconds(): number {
    return this.get('emulator.jobSeconds');
  }
  pollMinSeconds(): number {
    return this.get('jobs.pollMinSeconds');
  }
  pollMaxSeconds(): number {
    return this.get('jobs.pollMaxSeconds');
  }
  pageSize(): number {
    return this.get('jobs.pageSize');
  }
  inlineMaxMB(): number {
    return this.get('submit.inlineMaxMB');
  }
  buildMediaInlineMaxMB(): number {
    return this.get('build.mediaInlineMaxMB');
  }
  resultsFolder(scope?: vscode.Uri): string {
    return this.get('results.folder', scope);
  }
  assumedOutputTokens(scope?: vscode.Uri): number {
    return this.get('estimate.assumedOutputTokens', scope);
  }
  estimateCodeLens(scope?: vscode.Uri): boolean {
    return this.get('estimate.codeLens', scope);
  }
  /** Raw: parsed (and malformed entries dropped) by core/pricing/prices.ts parseOverrides. */
  priceOverrides(): unknown {
    return this.get('pricing.overrides');
  }
  showOutcomes(): boolean {
    return this.get('results.showOutcomes');
  }
  usageTier(): UsageTier {
    return this.get('limits.tier');
  }
  enqueuedTokens(): EnqueuedTokenTable {
    return this.get('limits.enqueuedTokens');
  }

  /** Shows or hides the outcomes on input lines: in the workspace when a folder is open, else for the user. */
  async setShowOutcomes(value: boolean): Promise<void> {
    const target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(SECTION).update('results.showOutcomes', value, target);
  }

  /**
   * An endpoint's effective value and the user's own (user settings, else the default): a workspace or folder value
   * that points elsewhere must be confirmed before a key goes there (see features/trust).
   */
  endpoint(key: 'gemini.baseUrl' | 'openai.baseUrl'): { value: string; userValue: string } {
    const inspected = vscode.workspace.getConfiguration(SECTION).inspect<string>(key);
    return { value: this.get(key), userValue: inspected?.globalValue ?? inspected?.defaultValue ?? '' };
  }

  /** Switches the provider: in the workspace when a folder is open, else for the user. */
  async setProviderName(id: ProviderId): Promise<void> {
    const target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(SECTION).update('provider.name', id, target);
  }

  dispose(): void {
    this.listener.dispose();
    this.routes.clear();
  }

  private get<T>(key: SettingKey, scope?: vscode.Uri): T {
    return vscode.workspace.getConfiguration(SECTION, scope).get<T>(key) as T;
  }
}

export function createConfig(context: vscode.ExtensionContext): Config {
  const config = new Config();
  context.subscriptions.push(config);
  return config;
}
