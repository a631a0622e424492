import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { setEmulatorRunning } from '../../adapters/contextKeys';
import type { Log } from '../../adapters/log';
import { startEmulator } from '../../core/emulator';
import type { RunningEmulator } from '../../core/emulator/types';

/**
 * Owns the in-process emulator: at most one, on a loopback port, with its data under the extension's global storage
 * (so jobs survive a reload). Starting twice returns the running one; concurrent starts share one promise.
 */
export class EmulatorHost implements vscode.Disposable {
  private running: Promise<RunningEmulator> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the emulator started or stopped. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly storage: vscode.Uri,
    private readonly config: Config,
    private readonly log: Log,
  ) {}

  /** True after `stop()` until the next start: a stopped emulator is not restarted behind the user's back. */
  private stoppedByUser = false;

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  get wasStopped(): boolean {
    return this.stoppedByUser;
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
          this.log.info(`[emulator] listening on ${emulator.baseUrl}`);
          void setEmulatorRunning(true);
          this.changed.fire();
        },
        (error: unknown) => {
          if (this.running === starting) { this.running = undefined; }
          this.log.error(`[emulator] could not start: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    }
    return this.running;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.stoppedByUser = true;
    if (!running) { return; }
    this.running = undefined;
    const emulator = await running.catch(() => undefined);
    await emulator?.close();
    this.log.info('[emulator] stopped');
    void setEmulatorRunning(false);
    this.changed.fire();
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }

  private async start(): Promise<RunningEmulator> {
    const dataDir = vscode.Uri.joinPath(this.storage, 'emulator');
    await vscode.workspace.fs.createDirectory(dataDir);
    return startEmulator({
      port: this.config.emulatorPort(),
      host: '127.0.0.1',
      dataDir: dataDir.fsPath,
      jobSeconds: this.config.emulatorJobSeconds(),
      log: (line) => this.log.debug(`[emulator] ${line}`),
    });
  }
}
