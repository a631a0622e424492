import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** What the estimate feature exposes to tests: an event after each estimate change. */
export interface EstimateApi {
  onDidChangeEstimate: vscode.Event<void>;
}

/** The titles of the CodeLenses VS Code shows on `uri`. */
export async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return lenses.map((l) => l.command?.title ?? '');
}

/** Re-reads the lenses after each estimate change until one matches; bounded, so a broken estimate fails the test. */
export async function lensMatching(
  uri: vscode.Uri,
  pattern: RegExp,
  api: EstimateApi,
  timeoutMs = 20000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const changed = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      const sub = api.onDidChangeEstimate(() => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      });
    });
    const found = (await lensTitles(uri)).find((t) => pattern.test(t));
    if (found) {
      return found;
    }
    if (Date.now() >= deadline) {
      assert.fail(`no CodeLens matching ${pattern}; last: ${(await lensTitles(uri)).join(' | ')}`);
    }
    await changed;
  }
}
