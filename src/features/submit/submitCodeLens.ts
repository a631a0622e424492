import * as vscode from 'vscode';

/**
 * "Submit Batch Job" and "Validate" above the first line of a JSONL file, so the run loop starts where the batch is
 * written. Lenses are computed from the first line only: cheap even for huge files.
 */
export class SubmitCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.lineCount === 1 && document.lineAt(0).isEmptyOrWhitespace) { return []; }
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: '$(cloud-upload) Submit Batch Job', command: 'geminiBatch.job.submit', arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: '$(checklist) Validate', command: 'geminiBatch.validate.file', arguments: [document.uri] }),
    ];
  }
}

export function registerSubmitCodeLens(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider({ language: 'jsonl' }, new SubmitCodeLensProvider()),
  );
}
