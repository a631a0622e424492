import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GeminiBatchApi } from '../../../src/features/jobs/extensionApi';
import { fixtureUri } from '../helpers/extension';
import { SettingsScope, batchApi, emulatorJobNames, leaveEmulator, setFaults, until, useEmulator } from './runHelpers';
import { hiddenKeys } from '../helpers/hiddenKeys';
import { answering, messagesAnswerable } from '../helpers/answeringMessages';

/** Distinctive, so any trace of it in the log is unmistakable. */
const SECRET = 'AIzaSy-it-9f8e7d6c5b4a3-never-log-me';

suite('jobs: keys, welcome states and faults', function () {
  this.timeout(60000);
  const settings = new SettingsScope();
  const keys = hiddenKeys();
  let api: GeminiBatchApi;

  suiteSetup(async () => {
    api = await batchApi();
    // The view lists jobs once it is shown (quiet until needed); these tests read its states.
    await vscode.commands.executeCommand('geminiBatch.jobs.focus');
    // The extension host shares this process's environment: hide any real key for these tests.
    keys.hide();
  });

  suiteTeardown(async () => {
    keys.restore();
    await vscode.commands.executeCommand('geminiBatch.auth.clearApiKey', 'gemini');
    await leaveEmulator(settings);
  });

  test('without a key the view shows the noKey welcome state, not a pop-up or items', async () => {
    await vscode.commands.executeCommand('geminiBatch.auth.clearApiKey', 'gemini');
    // The user's own setting: a workspace value on another host would first ask to confirm it (features/trust).
    await settings.set('gemini.baseUrl', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    await settings.set('provider.name', 'gemini');
    await until('jobsState == noKey', () => api.jobsState() === 'noKey', [api.model.onDidChangeState]);
    assert.deepEqual(api.tree.getChildren(), []);
  });

  test('a command without a key says so by the provider\'s name, and its "Set API Key…" asks for that provider\'s key', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const window = vscode.window as unknown as { showInputBox: typeof vscode.window.showInputBox };
    const original = window.showInputBox;
    const asked: (string | undefined)[] = [];
    window.showInputBox = (options?: vscode.InputBoxOptions) => {
      asked.push(options?.title);
      return Promise.resolve(SECRET);
    };
    try {
      const { questions } = await answering('showErrorMessage', 'Set API Key…', () =>
        vscode.commands.executeCommand('geminiBatch.job.create', 'files/x', {
          kind: 'gemini-generate',
          model: 'gemini-2.5-flash',
          displayName: 'it no key',
        }),
      );
      assert.deepEqual(questions, [
        { message: 'No API key is set for Gemini API.', modal: false, items: ['Set API Key…', 'Show Logs'] },
      ]);
      // The button ran the key command for that provider: its box is titled by name, and the key it gave is stored.
      await until('the key to be set', () => api.jobsState() !== 'noKey', [api.model.onDidChangeState]);
      assert.deepEqual(asked, ['API key for Gemini API']);
    } finally {
      window.showInputBox = original;
    }
  });

  test('an unreachable service shows the unreachable welcome state', async () => {
    await vscode.commands.executeCommand('geminiBatch.auth.setApiKey', 'gemini', SECRET);
    await until('jobsState == unreachable', () => api.jobsState() === 'unreachable', [api.model.onDidChangeState]);
    assert.deepEqual(api.tree.getChildren(), []);
  });

  test('the key never reaches the log, though every call is logged', async () => {
    const started = await vscode.commands.executeCommand<{ baseUrl: string }>('geminiBatch.emulator.start', {
      selectProvider: false,
    });
    assert.ok(started);
    await settings.set('gemini.baseUrl', started.baseUrl, vscode.ConfigurationTarget.Global);
    await until(
      'the gemini provider to list the emulator',
      () => api.jobsState() === 'ok' || api.jobsState() === 'empty',
      [api.model.onDidChangeState],
    );
    const name = await vscode.commands.executeCommand<string>(
      'geminiBatch.job.submit',
      fixtureUri('run', 'slow.jsonl'),
      { model: 'gemini-2.5-flash', displayName: 'it keyed' },
    );
    assert.ok(name, 'submitting with the stored key works');
    await vscode.commands.executeCommand('geminiBatch.jobs.refresh');
    await vscode.commands.executeCommand('geminiBatch.job.cancel', name);

    const lines = api.logLines();
    assert.ok(
      lines.some((l) => /\[api\] POST \/upload\/v1beta\/files 200/.test(l)),
      'the upload is logged',
    );
    assert.ok(
      lines.some((l) => /\[api\] GET \/v1beta\/batches 200 \d+ms/.test(l)),
      'the listing is logged',
    );
    assert.ok(
      lines.some((l) => /\[api\] POST \/v1beta\/models\/gemini-2\.5-flash:batchGenerateContent 200/.test(l)),
      'the create is logged',
    );
    const leaks = lines.filter((l) => l.includes(SECRET) || l.includes(SECRET.slice(6, 24)));
    assert.deepEqual(leaks, []);
    // Stronger than "scrubbed": nothing even tried to write the key (the scrubber would leave ***).
    assert.deepEqual(
      lines.filter((l) => l.includes('***')),
      [],
    );
  });

  test('injected 429s and 500s neither break polling nor create a duplicate job', async () => {
    await settings.set('gemini.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    const baseUrl = await useEmulator(api, settings, 2);
    const before = await emulatorJobNames(baseUrl);
    const logStart = api.logLines().length;

    await setFaults(baseUrl, { ambiguousCreate: true });
    const name = await vscode.commands.executeCommand<string>(
      'geminiBatch.job.submit',
      fixtureUri('run', 'greetings.jsonl'),
      { model: 'gemini-2.5-flash', displayName: 'it faults' },
    );
    assert.ok(name, 'the ambiguous create was resolved by checking the list');
    assert.ok(
      api
        .logLines()
        .slice(logStart)
        .some((l) => l.includes('found after an ambiguous failure')),
    );

    await setFaults(baseUrl, { rate429: 0.4, rate500: 0.3, retryAfterSeconds: 1, seed: 7 });
    await until(
      'the job to succeed despite the faults',
      () => api.model.get(name)?.state === 'succeeded',
      [api.model.onDidChange],
      45000,
    );
    await setFaults(baseUrl, {});
    const pollLines = api
      .logLines()
      .slice(logStart)
      .filter((l) => l.includes(`[api] GET /v1beta/${name}`));
    assert.ok(
      pollLines.some((l) => / (429|500) /.test(l)),
      `faults reached the poll loop:\n${pollLines.join('\n')}`,
    );
    assert.deepEqual(
      (await emulatorJobNames(baseUrl)).filter((n) => !before.includes(n)),
      [name],
      'exactly one new job',
    );
  });
});
