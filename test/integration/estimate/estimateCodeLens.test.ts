import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openUntitled, replaceLine } from '../helpers/documents';
import { activateExtension } from '../helpers/extension';

interface EstimateApi { onDidChangeEstimate: vscode.Event<void> }

const line = (key: string, text: string): string => JSON.stringify({ key, request: { contents: [{ role: 'user', parts: [{ text }] }], generationConfig: { maxOutputTokens: 100 } } });

async function titles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return lenses.map((l) => l.command?.title ?? '');
}

/** Re-reads the lenses after each estimate change until one matches; bounded, so a broken estimate fails the test. */
async function lensMatching(uri: vscode.Uri, pattern: RegExp, api: EstimateApi, timeoutMs = 20000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const changed = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      const sub = api.onDidChangeEstimate(() => { clearTimeout(timer); sub.dispose(); resolve(); });
    });
    const found = (await titles(uri)).find((t) => pattern.test(t));
    if (found) { return found; }
    if (Date.now() >= deadline) { assert.fail(`no CodeLens matching ${pattern}; last: ${(await titles(uri)).join(' | ')}`); }
    await changed;
  }
}

suite('estimate: CodeLens on the first line', function () {
  this.timeout(60000);
  let api: EstimateApi;
  suiteSetup(async () => {
    api = (await activateExtension()).exports as EstimateApi;
  });
  teardown(closeAllEditors);

  test('requests, input tokens and the price state; an edit re-counts its line', async () => {
    const doc = await openUntitled(`${line('a', "What's the highest mountain in Africa?")}\n${line('b', 'Hi')}\n`);
    // 10 tokens (9 text + 1 per Content, as countTokens on 2.5) + 2 ("Hi" + 1): no model picked, so no price.
    const first = await lensMatching(doc.uri, /^2 requests · ≈ 12 input tokens · price unknown/, api);
    assert.match(first, /price unknown/);
    await replaceLine(doc, 1, line('b', 'Why is the sky blue?'));
    await lensMatching(doc.uri, /^2 requests · ≈ 17 input tokens/, api);
  });
});
