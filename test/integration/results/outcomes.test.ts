import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fixtureUri } from '../helpers/extension';
import { SettingsScope, batchApi, until } from '../jobs/runHelpers';
import type { GeminiBatchApi } from '../../../src/features/jobs/extensionApi';

const INPUT = [
  '{"key": "a", "request": {"contents": [{"role": "user", "parts": [{"text": "Say hello in French."}]}]}}',
  '',
  '{"key": "b", "request": {"contents": [{"role": "user", "parts": [{"text": "Count to three."}]}]}}',
  '{"key": "c", "request": {"contents": [{"role": "user", "parts": [{"text": "Name a color."}]}]}}',
];

/** Results in another order than the input (the service does not promise one), one failed, with markup in an answer. */
const RESULTS = [
  { key: 'c', error: { code: 8, message: 'Resource has been exhausted (e.g. check quota).' } },
  {
    key: 'b',
    response: {
      candidates: [
        {
          content: {
            parts: [{ text: 'One, two, three. <img src=x onerror=alert(1)> [link](command:workbench.action.quit)' }],
          },
          finishReason: 'STOP',
        },
      ],
      usageMetadata: { totalTokenCount: 12 },
    },
  },
  {
    key: 'a',
    response: {
      candidates: [{ content: { parts: [{ text: 'Bonjour !' }] }, finishReason: 'STOP' }],
      usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 3, totalTokenCount: 8 },
    },
  },
];

/** Outcomes on input lines: matched by key, drawn at the end of each request line, turned off and on by the toggle. */
suite('results: outcomes on input lines', function () {
  this.timeout(60000);
  const settings = new SettingsScope();
  let api: GeminiBatchApi;
  let folder: string;
  let input: vscode.Uri;

  suiteSetup(async () => {
    api = await batchApi();
    await settings.set('results.showOutcomes', true);
    folder = fixtureUri('run', 'retry', 'outcomes').fsPath;
    await fs.mkdir(folder, { recursive: true });
    input = vscode.Uri.file(path.join(folder, 'greet.jsonl'));
    await fs.writeFile(input.fsPath, `${INPUT.join('\n')}\n`);
    // Found by name: `<stem>.results.jsonl` beside the input, no job record needed.
    await fs.writeFile(path.join(folder, 'greet.results.jsonl'), RESULTS.map((r) => `${JSON.stringify(r)}\n`).join(''));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await settings.restore();
    await fs.rm(folder, { recursive: true, force: true });
  });

  const drawn = (count: number) =>
    until(
      `${count} outcomes drawn`,
      () => {
        const lines = api.outcomes!.rendered(input);
        return lines.length === count ? lines : undefined;
      },
      [api.outcomes!.onDidRender],
    );

  test("each request line shows its own result, matched by key, whatever the results' order", async () => {
    assert.ok(api.outcomes, 'the test API exposes the outcomes');
    await vscode.window.showTextDocument(input);
    const lines = await drawn(3);
    assert.deepEqual(
      lines.map((l) => [l.line, l.ok]),
      [
        [0, true],
        [2, true],
        [3, false],
      ],
    );
    assert.equal(lines[0].label, '✓ STOP · “Bonjour !” · 8 tok');
    assert.match(
      lines[1].label,
      /^✓ STOP · “One, two, three\. <img src=x onerror=alert\(1\)> \[link\]\(command:.*…” · 12 tok$/,
    );
    // The hover holds the whole answer as escaped text: untrusted, no HTML, the link shown, not followed.
    const hover = lines[1].hover;
    assert.equal(hover.isTrusted, false);
    assert.equal(hover.supportHtml, false);
    assert.match(hover.value, /\\\[link\\\]\\\(command:workbench\.action\.quit\\\)/);
    assert.match(hover.value, /Tokens:(&nbsp;| )total(&nbsp;| )12/);
    assert.equal(lines[2].label, '✗ RESOURCE_EXHAUSTED · Resource has been exhausted (e.g. check quota).');
  });

  test('the toggle command turns them off and on again', async () => {
    assert.equal(await vscode.commands.executeCommand('geminiBatch.results.toggleOutcomes'), false);
    await drawn(0);
    assert.equal(await vscode.commands.executeCommand('geminiBatch.results.toggleOutcomes'), true);
    await drawn(3);
  });
});
