import * as vscode from 'vscode';
import type { ValidationController } from './validationController';

/**
 * A status bar entry for the active jsonl batch document: its kind (detected or set), or "results" for the output of a
 * job (not validated); a click sets the kind.
 */
export class KindStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'geminiBatch.validation.kind',
    vscode.StatusBarAlignment.Right,
    100,
  );
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly controller: ValidationController) {
    this.item.name = vscode.l10n.t('Gemini Batch: Kind');
    this.item.command = 'geminiBatch.validate.selectKind';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      controller.onDidUpdate((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) {
          this.update();
        }
      }),
    );
    this.update();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const info = uri ? this.controller.kindInfo(uri) : undefined;
    if (!info) {
      if (uri && this.controller.isResults(uri)) {
        this.item.text = `$(output) ${vscode.l10n.t('results')}`;
        this.item.tooltip = vscode.l10n.t(
          'Results of a batch job (output lines or a joined file): not validated. Click to validate it as a batch kind.',
        );
        this.item.show();
      } else {
        this.item.hide();
      }
      return;
    }
    this.item.text = `$(checklist) ${info.kind}`;
    this.item.tooltip = info.overridden
      ? vscode.l10n.t('Batch kind set for this file: {0}. Click to change.', info.kind)
      : vscode.l10n.t('Batch kind detected from the lines: {0}. Click to set it for this file.', info.kind);
    this.item.show();
  }
}
