import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answering, messagesAnswerable } from '../helpers/answeringMessages';
import { emulatorSuite, until } from './runHelpers';

/** The provider status bar item and the emulator's Start feedback (issue 11, "Emulator feedback"). */
suite('jobs: provider status bar and emulator feedback', function () {
  this.timeout(60000);
  const emu = emulatorSuite(6);

  test('the status bar shows the running emulator and opens the provider choice on click', () => {
    const status = emu.api.providerStatus?.();
    assert.ok(status, 'activate() exposes the status');
    assert.match(status.text, /Emulator: running/);
    assert.ok(status.tooltip.includes(emu.baseUrl), status.tooltip);
    assert.equal(status.command, 'geminiBatch.provider.select');
  });

  test('Start Local Emulator when it already runs says so instead of doing nothing visible', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const { result, questions } = await answering('showInformationMessage', undefined, () =>
      vscode.commands.executeCommand<{ baseUrl: string; alreadyRunning: boolean }>('geminiBatch.emulator.start'),
    );
    assert.equal(result.alreadyRunning, true);
    assert.equal(result.baseUrl, emu.baseUrl);
    assert.equal(questions.length, 1);
    assert.match(questions[0].message, /already running at http:\/\/127\.0\.0\.1:\d+/);
  });

  test('switching the provider redraws the item; choosing the emulator again shows it running', async () => {
    const status = (): string => emu.api.providerStatus?.().text ?? '';
    await vscode.commands.executeCommand('geminiBatch.provider.select', 'gemini');
    await until('the item to show the Gemini API', () => status() === '$(cloud) Gemini API', [
      vscode.workspace.onDidChangeConfiguration,
    ]);
    await vscode.commands.executeCommand('geminiBatch.provider.select', 'emulator');
    await until('the item to show the emulator running', () => /Emulator: running/.test(status()), [
      emu.api.emulator.onDidChange,
      vscode.workspace.onDidChangeConfiguration,
    ]);
    await until('the jobs view to list again', () => emu.api.jobsState() === 'ok' || emu.api.jobsState() === 'empty', [
      emu.api.model.onDidChangeState,
    ]);
  });
});
