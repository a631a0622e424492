import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri } from '../helpers/extension';
import { waitForDiagnostics } from '../helpers/diagnostics';
import { closeAllEditors, openInEditor, openUntitled } from '../helpers/documents';

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return (lenses ?? []).map((lens) => lens.command?.title ?? '');
}

/** Outputs are not inputs: result files get no diagnostics and no Submit lens; broken batch files get their errors. */
suite('validation: results files and broken batch files in the editor', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(closeAllEditors);

  for (const name of ['results.jsonl', 'openai.results.jsonl']) {
    test(`${name} (real output lines) gets no diagnostics and no Submit lens, unless a kind is set for it`, async () => {
      const uri = fixtureUri('validation', name);
      await openInEditor(uri);
      try {
        // Forced to a kind, the result lines are validated as requests (and fail); back on auto they are left alone.
        await vscode.commands.executeCommand('geminiBatch.validate.selectKind', uri, 'gemini-generate');
        await waitForDiagnostics(uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
        assert.ok(
          (await lensTitles(uri)).some((t) => t.includes('Submit Batch Job')),
          'a set kind makes it a batch file',
        );
      } finally {
        await vscode.commands.executeCommand('geminiBatch.validate.selectKind', uri, 'auto');
      }
      await waitForDiagnostics(uri, (d) => d.length === 0);
      assert.deepEqual(
        (await lensTitles(uri)).filter((t) => t.includes('Submit')),
        [],
      );
    });
  }

  test('a file whose every line misspells `request` is a broken batch file: its lines get errors', async () => {
    const line = (k: string) => `{"key": "${k}", "reqeust": {"contents": [{"parts": [{"text": "Hi"}]}]}}`;
    const doc = await openUntitled([line('a'), line('b')].join('\n'));
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length >= 2);
    assert.deepEqual([...new Set(diagnostics.map((d) => d.range.start.line))], [0, 1]);
    assert.ok((await lensTitles(doc.uri)).some((t) => t.includes('Submit Batch Job')));
  });
});
