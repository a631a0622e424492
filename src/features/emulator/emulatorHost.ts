import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { setEmulatorRunning } from '../../adapters/contextKeys';
import type { Log } from '../../adapters/log';
import type { RunningEmulator } from '../../emulator';
import type { TokenWorkerClient } from '../estimate/tokenWorkerClient';

/**
 * Owns the in-process emulator: at most one, on a loopback port, with its data under the extension's global storage
 * (so jobs survive a reload). Starting twice returns the running one; concurrent starts share one promise. Changing
 * `geminiBatch.emulator.port` or `jobSeconds` while it runs restarts it (its jobs are on disk and carry on).
 */
export class EmulatorHost implements vscode.Disposable {
  private running: Promise<RunningEmulator> | undefined;
  /** The emulator once it listens (dispose() closes it without waiting for a promise). */
  private started: RunningEmulator | undefined;
  /** True after `stop()` until the next start: a stopped emulator is not restarted behind the user's back. */
  private stoppedByUser = false;
  private disposed = false;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the emulator started or stopped. */
  readonly onDidChange = this.changed.event;
  private readonly settings: vscode.Disposable;

  constructor(
    private readonly storage: vscode.Uri,
    private readonly config: Config,
    private readonly log: Log,
    /**
     * The estimate's token worker (owned by extension.ts): the emulator's usage is counted there, so an offline run
     * reports what the CodeLens estimated, and loading a vocabulary never blocks the extension host's main thread.
     */
    private readonly tokens?: Pick<TokenWorkerClient, 'inputTokens'>,
  ) {
    this.settings = config.onDidChange(['emulator.port', 'emulator.jobSeconds'], () => void this.restart());
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }
  get wasStopped(): boolean {
    return this.stoppedByUser;
  }
  /** Where the running emulator listens (undefined while stopped or starting). */
  get baseUrl(): string | undefined {
    return this.started?.baseUrl;
  }

  /** The user chose the emulator again: it may start on demand. */
  rearm(): void {
    this.stoppedByUser = false;
  }

  /** The running emulator, started if needed. */
  ensureStarted(): Promise<RunningEmulator> {
    this.stoppedByUser = false;
    if (!this.running) {
      const starting = this.start();
      this.running = starting;
      starting.then(
        (emulator) => {
          if (this.running !== starting) {
            return;
          }
          this.started = emulator;
          this.log.info(`[emulator] listening on ${emulator.baseUrl}`);
          void setEmulatorRunning(true);
          this.changed.fire();
        },
        (error: unknown) => {
          if (this.running === starting) {
            this.running = undefined;
          }
          this.log.error(`[emulator] could not start: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    }
    return this.running;
  }

  async stop(): Promise<void> {
    this.stoppedByUser = true;
    await this.close();
  }

  /**
   * Closes the emulator without waiting: VS Code disposes subscriptions synchronously and awaits none of them (and
   * `deactivate()` has no way to reach this host without module state). Safe because the close is initiated
   * synchronously here (the server stops listening and every job run is told to stop at once), and an extension host
   * that exits before it completes loses nothing: job metadata is written through a temp file and a rename, a job
   * interrupted mid-run is never marked final, and the next start re-runs it from its input (truncating any partial
   * results file).
   */
  dispose(): void {
    this.disposed = true;
    this.settings.dispose();
    this.started?.close().catch(() => undefined);
    void this.close();
    this.changed.dispose();
  }

  /** A port or job-duration setting changed: a running emulator is restarted with it, a stopped one stays stopped. */
  private async restart(): Promise<void> {
    if (!this.running) {
      return;
    }
    this.log.info('[emulator] settings changed: restarting');
    await this.close();
    if (this.isRunning || this.stoppedByUser || this.disposed) {
      return;
    }
    await this.ensureStarted().catch(() => undefined);
  }

  private async close(): Promise<void> {
    const running = this.running;
    if (!running) {
      return;
    }
    this.running = undefined;
    this.started = undefined;
    const emulator = await running.catch(() => undefined);
    const failure = await emulator?.close().then(
      () => undefined,
      (error: unknown) => error,
    );
    if (this.disposed) {
      return;
    }
    if (failure) {
      this.log.warn(`[emulator] closing failed: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
    this.log.info('[emulator] stopped');
    void setEmulatorRunning(false);
    this.changed.fire();
  }

  private async start(): Promise<RunningEmulator> {
    const dataDir = vscode.Uri.joinPath(this.storage, 'emulator');
    await vscode.workspace.fs.createDirectory(dataDir);
    // Loaded on first use, like the providers: most sessions never start the emulator.
    const { startEmulator } = await import('../../emulator');
    const tokens = this.tokens;
    return startEmulator({
      port: this.config.emulatorPort(),
      host: '127.0.0.1',
      dataDir: dataDir.fsPath,
      jobSeconds: this.config.emulatorJobSeconds(),
      log: (line) => this.log.debug(`[emulator] ${line}`),
      promptTokens: tokens && ((line, model) => tokens.inputTokens(line, model)),
    });
  }
}
