import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ValidationSummary } from '../../../src/core/validation/types';
import { activateExtension, fixtureUri } from '../helpers/extension';
import { ourDiagnostics, summarize, waitForDiagnostics } from '../helpers/diagnostics';
import { closeAllEditors, openInEditor } from '../helpers/documents';

suite('validation: commands', () => {
  test('every command in package.json is registered after activation', async () => {
    const ext = await activateExtension();
    const declared = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map(
      (c) => c.command,
    );
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.ok(declared.length > 0);
    assert.equal(missing.length, 0, `declared in package.json but not registered: ${missing.join(', ')}`);
  });

  test('"Validate Batch File…" on a file that is not open fills the Problems entries for its uri', async () => {
    await activateExtension();
    const uri = fixtureUri('validation', 'on-disk.jsonl');
    assert.equal(
      vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
      false,
      'the file is not open',
    );
    const summary = await vscode.commands.executeCommand<ValidationSummary | undefined>(
      'geminiBatch.validate.file',
      uri,
    );
    assert.ok(summary, 'the command resolves to the summary');
    assert.equal(summary.kind, 'openai');
    assert.equal(summary.requests, 3);
    // The command has set them before it resolves: no waiting needed.
    assert.deepEqual(summarize(ourDiagnostics(uri)), [
      ['duplicate-key', 1, 1, 1, 12],
      ['type-mismatch', 2, 114, 2, 126],
    ]);
  });

  test('"Validate Batch File…" on a file open in an editor does not list its problems twice', async () => {
    await activateExtension();
    const uri = fixtureUri('validation', 'mistakes.jsonl');
    await openInEditor(uri);
    const live = await waitForDiagnostics(uri, (d) => d.length === 3);
    const summary = await vscode.commands.executeCommand<ValidationSummary | undefined>(
      'geminiBatch.validate.file',
      uri,
    );
    assert.equal(summary?.issues.length, 3);
    assert.deepEqual(summarize(ourDiagnostics(uri)), summarize(live));
    await closeAllEditors();
  });
});
