import * as vscode from 'vscode';
import { type BatchKind, isBatchKind } from '../../core/batchKind';

const STATE_KEY = 'geminiBatch.validation.kindOverrides';

/**
 * Per-document batch kinds chosen with "Set Batch Kind for This File…", kept in workspaceState so they survive a reload.
 * A document without an override follows the `geminiBatch.validation.kind` setting.
 */
export class KindOverrides implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  get(uri: vscode.Uri): BatchKind | undefined {
    const kind = this.all()[uri.toString()];
    return isBatchKind(kind) ? kind : undefined;
  }

  /** Sets the kind for one document; 'auto' removes the override. */
  async set(uri: vscode.Uri, kind: BatchKind | 'auto'): Promise<void> {
    const all = { ...this.all() };
    if (kind === 'auto') {
      delete all[uri.toString()];
    } else {
      all[uri.toString()] = kind;
    }
    await this.state.update(STATE_KEY, all);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private all(): Record<string, unknown> {
    return this.state.get<Record<string, unknown>>(STATE_KEY) ?? {};
  }
}
