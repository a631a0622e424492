import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openUntitled, replaceLine } from '../helpers/documents';
import { activateExtension } from '../helpers/extension';

interface EstimateApi {
  onDidChangeEstimate: vscode.Event<void>;
}

const line = (key: string, text: string): string =>
  JSON.stringify({
    key,
    request: { contents: [{ role: 'user', parts: [{ text }] }], generationConfig: { maxOutputTokens: 100 } },
  });

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
      const sub = api.onDidChangeEstimate(() => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      });
    });
    const found = (await titles(uri)).find((t) => pattern.test(t));
    if (found) {
      return found;
    }
    if (Date.now() >= deadline) {
      assert.fail(`no CodeLens matching ${pattern}; last: ${(await titles(uri)).join(' | ')}`);
    }
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

  test('over the enqueued-token limit of its model and tier: a warning lens that splits into parts under it', async () => {
    const settings = vscode.workspace.getConfiguration('geminiBatch');
    await settings.update(
      'limits.enqueuedTokens',
      { 'gemini-2.5-flash': { tier1: 20 } },
      vscode.ConfigurationTarget.Global,
    );
    try {
      // OpenAI-format lines for Gemini's compatibility layer name their model, so the limit is known without a pick.
      const body = (text: string) => ({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: text }] });
      const lines = ['a', 'b', 'c', 'd'].map((k) =>
        JSON.stringify({
          custom_id: k,
          method: 'POST',
          url: '/v1/chat/completions',
          body: body('Why is the sky blue on a clear day?'),
        }),
      );
      const doc = await openUntitled(`${lines.join('\n')}\n`);
      const warning = await lensMatching(doc.uri, /enqueued-token limit of gemini-2\.5-flash \(tier1\)/, api);
      assert.match(warning, /over the 20 enqueued-token limit/);
      const lens = (
        await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)
      ).find((l) => l.command?.title === warning);
      assert.equal(lens?.command?.command, 'geminiBatch.file.split');
      const [, options] = lens?.command?.arguments as [vscode.Uri, { maxLines: number }];
      assert.ok(options.maxLines >= 1 && options.maxLines < 4, `parts of ${options.maxLines} requests`);
    } finally {
      await settings.update('limits.enqueuedTokens', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
