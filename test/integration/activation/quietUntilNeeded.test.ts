import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GeminiBatchApi } from '../../../src/features/jobs/extensionApi';
import { waitForDiagnostics } from '../helpers/diagnostics';
import { EXTENSION_ID, fixtureUri } from '../helpers/extension';
import { RecordingServer, type SeenRequest } from '../helpers/recordingServer';
import { SettingsScope, until } from '../jobs/runHelpers';

const KEY = 'AIzaSy-quiet-until-needed-key';

/**
 * Runs first (its folder sorts before jobs/ and validation/), in a host where nothing has activated the extension
 * yet: a key and the user's own endpoint are set up so that ANY listing would reach the recording server.
 */
suite('quiet until needed', function () {
  this.timeout(60000);
  const settings = new SettingsScope();
  const server = new RecordingServer();
  let savedKey: string | undefined;

  suiteSetup(async () => {
    await server.listen();
    savedKey = process.env.GEMINI_API_KEY;
    process.env.GEMINI_API_KEY = KEY; // the extension host shares this process's environment
    await settings.set('gemini.baseUrl', server.url, vscode.ConfigurationTarget.Global);
    await settings.set('provider.name', 'gemini', vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    if (savedKey === undefined) {
      delete process.env.GEMINI_API_KEY;
    } else {
      process.env.GEMINI_API_KEY = savedKey;
    }
    await settings.restore();
    server.dispose();
  });

  test('opening a JSONL file activates the extension, measured in the real extension host', async () => {
    const ext = vscode.extensions.getExtension<GeminiBatchApi>(EXTENSION_ID);
    assert.ok(ext);
    assert.equal(
      ext.isActive,
      false,
      'nothing may activate the extension before a JSONL file, the Jobs view or a command',
    );
    const installedIn = process.env.GEMINI_BATCH_EXPECT_INSTALLED; // set by scripts/test-vsix.js
    if (installedIn) {
      assert.ok(ext.extensionPath.startsWith(installedIn), `testing the installed .vsix, not ${ext.extensionPath}`);
    }
    const activated = performance.now();
    await vscode.window.showTextDocument(fixtureUri('validation', 'mistakes.jsonl'));
    const api = await ext.activate();
    const totalMs = performance.now() - activated;
    const line = api.logLines().find((l) => /\[activate\] [\d.]+ ms/.test(l));
    assert.ok(line, 'activate() logs how long it took');
    const activateMs = Number(/\[activate\] ([\d.]+) ms/.exec(line)?.[1]);
    // Read by bench/activationBench.ts.
    console.log(`[bench] activation_ms=${activateMs.toFixed(2)} open_to_active_ms=${totalMs.toFixed(1)}`);
    assert.ok(activateMs > 0);
  });

  test("a folder of JSONL files makes no request until the Jobs view opens; then the key goes to the user's endpoint", async () => {
    const api = vscode.extensions.getExtension<GeminiBatchApi>(EXTENSION_ID)?.exports;
    assert.ok(api);
    // Validation has run on the open file: activation and its follow-up work are done.
    await waitForDiagnostics(fixtureUri('validation', 'mistakes.jsonl'), (d) => d.length > 0);
    await vscode.window.showTextDocument(fixtureUri('run', 'greetings.jsonl'));
    await waitForDiagnostics(fixtureUri('run', 'greetings.jsonl'), () => true);
    assert.deepEqual(server.requests, [], 'no request before the Jobs view is shown');
    assert.equal(api.jobsState(), undefined, 'nothing was listed');

    const first = new Promise<SeenRequest>((resolve) => {
      const once = server.onRequest((r) => {
        once.dispose();
        resolve(r);
      });
    });
    await vscode.commands.executeCommand('geminiBatch.jobs.focus');
    const listing = await first;
    await until('the listing to finish', () => api.jobsState() === 'empty', [api.model.onDidChangeState]);
    assert.match(listing.url, /^\/v1beta\/batches\b/);
    assert.equal(
      server.carrying(KEY).length,
      server.requests.length,
      "the listing carries the key to the user's own endpoint",
    );
  });
});
