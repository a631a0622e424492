import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SubmitCodeLensProvider } from '../../../src/features/submit/submitCodeLens';
import { batchApi, until } from '../jobs/runHelpers';
import { fixtureUri } from '../helpers/extension';

/** Validation commands fail through the shared command boundary (logged, one message with "Show Logs"). */
suite('validation: command failures and kind changes', () => {
  test('"Validate Batch File…" on a missing file fails through the command boundary', async () => {
    const api = await batchApi();
    const start = api.logLines().length;
    const result = await vscode.commands.executeCommand(
      'geminiBatch.validate.file',
      fixtureUri('validation', 'no-such-file.jsonl'),
    );
    assert.equal(result, undefined);
    assert.ok(
      api
        .logLines()
        .slice(start)
        .some((l) => l.startsWith('error [geminiBatch.validate.file] failed')),
      'the boundary logged it',
    );
  });

  test('"Set Batch Kind" with an unknown kind fails through the command boundary', async () => {
    const api = await batchApi();
    const start = api.logLines().length;
    await vscode.commands.executeCommand(
      'geminiBatch.validate.selectKind',
      fixtureUri('validation', 'clean.jsonl'),
      'gemini-chat',
    );
    assert.ok(
      api
        .logLines()
        .slice(start)
        .some((l) => l.startsWith('error [geminiBatch.validate.selectKind] failed')),
      'the boundary logged it',
    );
  });

  test("the Submit CodeLens asks to be refreshed when a file's kind override changes", async () => {
    const kindChanged = new vscode.EventEmitter<vscode.Uri>();
    const provider = new SubmitCodeLensProvider(() => 'auto', kindChanged.event);
    try {
      let refreshed = 0;
      const counting = provider.onDidChangeCodeLenses(() => refreshed++);
      kindChanged.fire(fixtureUri('run', 'events.jsonl'));
      await until('the lens refresh', () => refreshed > 0, [provider.onDidChangeCodeLenses], 2000).finally(() =>
        counting.dispose(),
      );
    } finally {
      provider.dispose();
      kindChanged.dispose();
    }
  });
});
