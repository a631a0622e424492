import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { answering, messagesAnswerable } from '../helpers/answeringMessages';
import { collectJobEnds, emulatorSuite, scratchFolder, until } from './runHelpers';

/** The price table read by the job's tooltip: the estimate confirmed at submit, then what the results cost. */
suite('jobs: cost in the tooltip', function () {
  this.timeout(90000);
  const emu = emulatorSuite(2);
  const ends = collectJobEnds(emu);
  const scratch = scratchFolder('cost-tooltip');

  test('an interactive submit keeps the confirmed estimate; opened results add their cost at batch price', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    // OpenAI-format lines for Gemini's compatibility layer: the emulator answers them, and the table prices the model.
    const input = vscode.Uri.file(path.join(scratch.path, 'priced.jsonl'));
    const line = (id: string, text: string) =>
      JSON.stringify({
        custom_id: id,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: text }] },
      });
    await fs.writeFile(input.fsPath, `${line('a', 'Why is the sky blue?')}\n${line('b', 'Name three rivers.')}\n`);
    const window = vscode.window as unknown as { showInputBox: typeof vscode.window.showInputBox };
    const askName = window.showInputBox;
    // The display name is the one question besides the cost (an OpenAI file names its own model).
    window.showInputBox = () => Promise.resolve('priced run');
    let name: string | undefined;
    let asked;
    try {
      ({ result: name, questions: asked } = await answering('showInformationMessage', 'Submit', () =>
        vscode.commands.executeCommand<string>('geminiBatch.job.submit', input),
      ));
    } finally {
      window.showInputBox = askName;
    }
    assert.ok(name, 'submitted');
    assert.match(
      asked[0]?.message ?? '',
      /^Submit \d+ requests to gemini-2\.5-flash \(Local Emulator\): ≈ .* input tokens, (≈ \$[\d.]+|< \$0\.01) at batch price/,
    );
    const estimate = emu.api.model.records.get(name)?.estimate;
    assert.ok(estimate && estimate.batchUsd !== undefined && estimate.standardUsd !== undefined, 'estimate kept');
    assert.ok(Math.abs(estimate.batchUsd * 2 - estimate.standardUsd) < 1e-12, 'batch is half the standard price');
    const tooltip = () =>
      (emu.api.tree.getTreeItem(emu.api.tree.nodeFor(name!)).tooltip as vscode.MarkdownString).value;
    // Worded as the confirmation: a fraction of a cent is "< $0.01" there and here (`\<` in the tooltip's Markdown).
    assert.match(
      tooltip(),
      /Estimate at submit \| \d+ requests · ≈ \d+ input tokens · (≈ \$[\d.]+|\\< \$0\.01) at batch price \((\$[\d.]+|\\< \$0\.01) standard\)/,
    );

    assert.equal((await ends.ended(name)).job.state, 'succeeded');
    // The emulator names the model as asked (as real answers do), so the table prices what the results used.
    await vscode.commands.executeCommand('geminiBatch.job.openResults', name, { ifExists: 'replace' });
    const priced = await until('the results cost on the record', () => emu.api.model.records.get(name!)?.actualCost, [
      emu.api.model.records.onDidChange,
    ]);
    assert.equal(priced.pricedRows, 2);
    assert.equal(priced.unpricedRows, 0);
    assert.ok(priced.batchUsd > 0);
    assert.match(tooltip(), /Cost from results \| ≈ \$[\d.]+ at batch price/);
    // A user's price for it (geminiBatch.pricing.overrides) is read by the same table: ten times the price, ten times the cost.
    await emu.settings.set(
      'pricing.overrides',
      { 'gemini-2.5-flash': { input: 3, output: 25 } },
      vscode.ConfigurationTarget.Global,
    );
    await vscode.commands.executeCommand('geminiBatch.job.openResults', name, { ifExists: 'replace' });
    const cost = await until(
      'the overridden results cost on the record',
      () => {
        const c = emu.api.model.records.get(name!)?.actualCost;
        return c && c.batchUsd !== priced.batchUsd ? c : undefined;
      },
      [emu.api.model.records.onDidChange],
    );
    assert.equal(cost.pricedRows, 2);
    assert.ok(Math.abs(cost.batchUsd - 10 * priced.batchUsd) < 1e-9, `${cost.batchUsd} vs ${priced.batchUsd}`);
    assert.match(tooltip(), /Cost from results \| ≈ \$[\d.]+ at batch price/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
