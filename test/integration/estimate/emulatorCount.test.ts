import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type EstimateApi, lensMatching } from '../helpers/codeLens';
import { closeAllEditors } from '../helpers/documents';
import { activateExtension } from '../helpers/extension';

suite('estimate: the embedded emulator counts as the CodeLens does', function () {
  this.timeout(60000);
  let api: EstimateApi;
  let extensionUri: vscode.Uri;
  suiteSetup(async () => {
    const ext = await activateExtension();
    api = ext.exports as EstimateApi;
    extensionUri = ext.extensionUri;
  });
  teardown(async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('geminiBatch.emulator.stop');
  });

  test("the sample's countTokens, line by line, add up to the lens's input tokens", async () => {
    const doc = await vscode.workspace.openTextDocument(
      vscode.Uri.joinPath(extensionUri, 'sample', 'gemini-generate.jsonl'),
    );
    await vscode.window.showTextDocument(doc);
    const lines = doc
      .getText()
      .split('\n')
      .filter((l) => l.trim() !== '');
    // No model picked: the lens counts by the current (2.5+) rules, which gemini-2.5-flash follows.
    const lens = await lensMatching(doc.uri, new RegExp(`^${lines.length} requests · ≈ [\\d,]+ input tokens`), api);
    const estimated = Number(/≈ ([\d,]+) input tokens/.exec(lens)![1].replace(/,/g, ''));
    const started = await vscode.commands.executeCommand<{ baseUrl: string }>('geminiBatch.emulator.start', {
      selectProvider: false,
    });
    let counted = 0;
    for (const line of lines) {
      const { request } = JSON.parse(line) as { request: Record<string, unknown> };
      const res = await fetch(`${started.baseUrl}/v1beta/models/gemini-2.5-flash:countTokens`, {
        method: 'POST',
        headers: { 'x-goog-api-key': 'any', 'content-type': 'application/json' },
        body: JSON.stringify({ generateContentRequest: { model: 'models/gemini-2.5-flash', ...request } }),
      });
      assert.equal(res.status, 200);
      counted += ((await res.json()) as { totalTokens: number }).totalTokens;
    }
    assert.equal(counted, estimated);
  });
});
