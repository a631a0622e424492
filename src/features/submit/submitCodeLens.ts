import * as vscode from 'vscode';
import { isBatchDocument, type KindResolver } from './preflight';

/**
 * "Submit Batch Job" and "Validate" above the first line of a batch file, so the run loop starts where the batch is
 * written. Other JSON Lines files (logs, datasets, results) get no lens. Decided from the first lines only: cheap even for
 * huge files.
 */
export class SubmitCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  // The kind setting or a file's kind override can turn a plain JSON Lines file into a batch file (edits re-ask
  // for lenses by themselves).
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly kindFor: KindResolver,
    onDidChangeKind?: vscode.Event<unknown>,
  ) {
    this.listeners = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('geminiBatch.validation.kind')) {
          this.changed.fire();
        }
      }),
      ...(onDidChangeKind ? [onDidChangeKind(() => this.changed.fire())] : []),
    ];
  }

  dispose(): void {
    this.listeners.forEach((l) => l.dispose());
    this.changed.dispose();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!isBatchDocument(this.kindFor, document)) {
      return [];
    }
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, {
        title: `$(cloud-upload) ${vscode.l10n.t('Submit Batch Job')}`,
        command: 'geminiBatch.job.submit',
        arguments: [document.uri],
      }),
      new vscode.CodeLens(top, {
        title: `$(checklist) ${vscode.l10n.t('Validate')}`,
        command: 'geminiBatch.validate.file',
        arguments: [document.uri],
      }),
    ];
  }
}

export function registerSubmitCodeLens(
  context: vscode.ExtensionContext,
  kindFor: KindResolver,
  onDidChangeKind?: vscode.Event<unknown>,
): void {
  const provider = new SubmitCodeLensProvider(kindFor, onDidChangeKind);
  context.subscriptions.push(provider, vscode.languages.registerCodeLensProvider({ language: 'jsonl' }, provider));
}
