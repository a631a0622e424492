import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type EstimateApi, lensMatching, lensTitles } from '../helpers/codeLens';
import { closeAllEditors, openUntitled, replaceLine } from '../helpers/documents';
import { activateExtension } from '../helpers/extension';

const line = (key: string, text: string): string =>
  JSON.stringify({
    key,
    request: { contents: [{ role: 'user', parts: [{ text }] }], generationConfig: { maxOutputTokens: 100 } },
  });

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

  test('Exact count (sample): offered on a Gemini file; not on an OpenAI-format one, whose command says why', async () => {
    const gemini = await openUntitled(`${line('a', 'Hi')}\n`);
    await lensMatching(gemini.uri, /^Exact count \(sample\)$/, api);
    const openai = JSON.stringify({
      custom_id: 'a',
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] },
    });
    const doc = await openUntitled(`${openai}\n${openai.replace('"a"', '"b"')}\n`);
    await lensMatching(doc.uri, /^2 requests · ≈ \d+ input tokens/, api);
    assert.ok(!(await lensTitles(doc.uri)).includes('Exact count (sample)'), 'no exact-count lens on OpenAI lines');
    // Said at once: no model pick (its lines name one), nothing sent as a Gemini countTokens request.
    const report = await vscode.commands.executeCommand<string>('geminiBatch.estimate.exactCount', doc.uri);
    assert.match(report, /^An exact count is not available for OpenAI-format files/);
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
      const [, options] = lens?.command?.arguments as [vscode.Uri, { maxLines: number; maxTokens: number }];
      assert.ok(options.maxLines >= 1 && options.maxLines < 4, `parts of ${options.maxLines} requests`);
      assert.equal(options.maxTokens, 19, 'parts sized by tokens at 95% of the limit');
    } finally {
      await settings.update('limits.enqueuedTokens', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('the lens splits uneven requests by their counted tokens: every part under the limit, every line once', async () => {
    const settings = vscode.workspace.getConfiguration('geminiBatch');
    await settings.update(
      'limits.enqueuedTokens',
      { 'gemini-2.5-flash': { tier1: 200 } },
      vscode.ConfigurationTarget.Global,
    );
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gbs-split-tokens-'));
    try {
      // One long request among short ones: parts sized by request count in proportion would put it over the limit.
      const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i % 9}`).join(' ');
      const sizes = [4, 4, 60, 4, 4, 4, 4, 40, 4, 4];
      const body = (n: number) => ({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: words(n) }] });
      const text = sizes
        .map((n, i) =>
          JSON.stringify({ custom_id: `k${i}`, method: 'POST', url: '/v1/chat/completions', body: body(n) }),
        )
        .join('\n');
      const file = path.join(dir, 'uneven.jsonl');
      await fs.writeFile(file, `${text}\n`);
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc);
      const warning = await lensMatching(doc.uri, /enqueued-token limit of gemini-2\.5-flash \(tier1\)/, api);
      const lens = (
        await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)
      ).find((l) => l.command?.title === warning);
      const args = lens?.command?.arguments as [vscode.Uri, { maxTokens: number }];
      assert.equal(lens?.command?.command, 'geminiBatch.file.split');
      // The lens's own options; the uri is passed as the editor would (executeCodeLensProvider hands back its JSON).
      const result = await vscode.commands.executeCommand<{ parts: string[]; tokens: number[] }>(
        'geminiBatch.file.split',
        doc.uri,
        args[1],
      );
      assert.ok(result.parts.length >= 2, `split into ${result.parts.length} parts`);
      assert.equal(result.tokens.length, result.parts.length, 'sized by tokens, not by request count');
      for (const t of result.tokens) {
        assert.ok(t <= args[1].maxTokens, `a part of ${t} tokens over ${args[1].maxTokens}`);
      }
      const joined = (await Promise.all(result.parts.map((p) => fs.readFile(p, 'utf8')))).join('');
      assert.equal(joined, `${text}\n`, 'every line once, in order');
    } finally {
      await settings.update('limits.enqueuedTokens', undefined, vscode.ConfigurationTarget.Global);
      await closeAllEditors();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
