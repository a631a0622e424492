import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors } from '../helpers/documents';
import { pressingEnter } from '../helpers/quickPick';
import { emulatorSuite, scratchFolder } from '../jobs/runHelpers';

/** Exact count (sample) against the embedded emulator, whose countTokens is the local count itself. */
suite('estimate: Exact count (sample) on the emulator', function () {
  this.timeout(60000);
  emulatorSuite(1);
  const folder = scratchFolder('exact-count');
  teardown(closeAllEditors);

  test('the report gives both counts and says they agree by design, not that the estimate is exact', async () => {
    const input = vscode.Uri.file(path.join(folder.path, 'sample.jsonl'));
    const line = (key: string, text: string) =>
      JSON.stringify({ key, request: { contents: [{ role: 'user', parts: [{ text }] }] } });
    await fs.writeFile(input.fsPath, `${line('a', 'Why is the sky blue?')}\n${line('b', 'Hi')}\n`);
    await vscode.window.showTextDocument(input);
    const report = await pressingEnter(
      vscode.commands.executeCommand<string | undefined>('geminiBatch.estimate.exactCount', input),
    );
    assert.match(
      report ?? '',
      /^2 sampled lines \([^)]+\): local estimate (\d+) tokens, countTokens \1 \(local \+0\.0%\)\./,
    );
    assert.match(
      report ?? '',
      /The emulator's countTokens counts with this same local tokenizer, so they agree by design/,
    );
  });
});
