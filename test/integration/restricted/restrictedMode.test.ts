import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answering } from '../helpers/answeringMessages';
import { waitForDiagnostics } from '../helpers/diagnostics';
import { openInEditor } from '../helpers/documents';
import { activateExtension, fixtureUri } from '../helpers/extension';
import { RecordingServer } from '../helpers/recordingServer';
import { SettingsScope, batchApi, until } from '../jobs/runHelpers';
import { hiddenKeys } from '../helpers/hiddenKeys';

const KEY = 'AIzaSy-restricted-mode-key';

/**
 * The window opens test/fixtures/restricted untrusted (scripts/test-integration.js --restricted: workspace trust on,
 * fresh profile). package.json declares `untrustedWorkspaces: limited`: what reads files works, what could send the
 * key somewhere explains itself and sends nothing.
 */
suite('restricted mode', function () {
  this.timeout(60000);
  const settings = new SettingsScope();
  const service = new RecordingServer();
  const keys = hiddenKeys();

  suiteSetup(async () => {
    await service.listen();
    keys.hide();
  });

  suiteTeardown(async () => {
    keys.restore();
    await settings.restore();
    service.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the folder is not trusted, and the extension runs in it', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this pass must run untrusted (WORKSPACE_TRUST=1, fresh profile)');
    const ext = await activateExtension();
    assert.ok(ext.isActive);
  });

  test('the workspace settings of restrictedConfigurations are ignored, the others read', () => {
    const config = vscode.workspace.getConfiguration('geminiBatch');
    // Read at all: a setting outside the list comes from the same .vscode/settings.json.
    assert.equal(config.inspect('estimate.codeLens')?.workspaceValue, false);
    for (const key of ['provider.name', 'gemini.baseUrl', 'results.folder']) {
      assert.equal(config.inspect(key)?.workspaceValue, undefined, `${key} from the workspace is ignored`);
    }
    assert.equal(config.get('provider.name'), config.inspect('provider.name')?.defaultValue);
  });

  test('a batch file gets its diagnostics', async () => {
    const doc = await openInEditor(fixtureUri('mistakes.jsonl'));
    const found = await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    assert.ok(
      found.some((d) => d.range.start.line === 0),
      'the misplaced config is flagged',
    );
  });

  test('completion offers the fields inside a request, and the snippets on a new line', async () => {
    const doc = await openInEditor(fixtureUri('mistakes.jsonl'));
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.range.start.line === 1)); // validated: the kind is known
    const line = doc.lineAt(1).text;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(1, line.lastIndexOf(', ') + 2),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('generationConfig'), `offered: ${labels.join(', ')}`);
    const onNewLine = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(2, 0),
    );
    const snippets = onNewLine.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(snippets.length > 0, 'the snippets are offered on a new line');
  });

  test('a results file opens in the results view', async () => {
    const view = (await batchApi()).resultsView;
    assert.ok(view, 'the API exposes the results view');
    const uri = fixtureUri('answers.results.jsonl');
    const loaded = view.whenPanel(uri);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'geminiBatch.resultsView', { preview: false });
    const panel = await loaded;
    await until('the results to be read', () => panel.state().done, [panel.onDidChange]);
    assert.equal(panel.state().scanned, 2);
  });

  test('submitting and listing jobs explain Restricted Mode and send nothing, even with a key and own endpoint', async () => {
    // The user's own endpoint and key: with trust, both commands would reach this server.
    await settings.set('provider.name', 'gemini', vscode.ConfigurationTarget.Global);
    await settings.set('gemini.baseUrl', service.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('geminiBatch.auth.setApiKey', 'gemini', KEY);
    try {
      const { questions } = await answering('showWarningMessage', undefined, () =>
        vscode.commands.executeCommand('geminiBatch.job.submit', fixtureUri('clean.jsonl'), {
          model: 'gemini-2.5-flash',
          displayName: 'restricted',
        }),
      );
      const said = questions.map((q) => q.message);
      assert.ok(
        said.some((m) => m.includes('Restricted Mode')),
        `the submit explains Restricted Mode; said: ${JSON.stringify(said)}`,
      );
      assert.ok(
        questions.some((q) => q.items.includes('Manage Workspace Trust')),
        'and offers to manage trust',
      );
      const state = await vscode.commands.executeCommand('geminiBatch.jobs.refresh');
      assert.equal(state, 'unreachable');
      assert.deepEqual(service.requests, [], 'no request left');
    } finally {
      await vscode.commands.executeCommand('geminiBatch.auth.clearApiKey', 'gemini');
    }
  });
});
