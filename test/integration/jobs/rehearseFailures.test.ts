import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { JobNotice } from '../../../src/features/jobs/jobNotifier';
import { fixtureUri } from '../helpers/extension';
import { emulatorSuite, until } from './runHelpers';

/** "Rehearse Failures…": presets picked by id (the quick pick's result) shape the next jobs, and the tree shows each clearly. */
suite('jobs: rehearse failures on the emulator', function () {
  this.timeout(60000);
  const s = emulatorSuite(1);
  const notices: JobNotice[] = [];
  let listening: vscode.Disposable | undefined;
  suiteSetup(() => (listening = s.api.notifier.onDidNotify((n) => notices.push(n))));
  suiteTeardown(async () => {
    listening?.dispose();
    await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', []);
  });

  const submitAndWait = async (displayName: string): Promise<{ name: string; notice: JobNotice }> => {
    const name = await vscode.commands.executeCommand<string>(
      'geminiBatch.job.submit',
      fixtureUri('run', 'greetings.jsonl'),
      { model: 'gemini-2.5-flash', displayName },
    );
    assert.ok(name?.startsWith('batches/'), `submit returned ${name}`);
    const notice = await until(`the end of ${displayName}`, () => notices.find((n) => n.job.name === name), [
      s.api.notifier.onDidNotify,
    ]);
    return { name, notice };
  };

  test('every line failing: shown failed (not a green Succeeded), every line counted failed, results still offered', async () => {
    const faults = await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', ['all-lines-fail']);
    assert.deepEqual(faults, { lineFailRate: 1 });
    const { name, notice } = await submitAndWait('it all fail');
    assert.equal(notice.job.state, 'succeeded');
    const item = s.api.tree.getTreeItem(s.api.tree.nodeFor(name));
    // Never a green ✓ "Succeeded": the failures first, a failed icon, a warning that offers the results.
    assert.match(String(item.description), /^3\/3 failed · Completed · /);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.equal(item.contextValue, 'job.finished.hasResults');
    assert.equal(notice.severity, 'warning');
    assert.equal(notice.message, 'Batch job "it all fail" completed: 3 of 3 requests failed.');
    assert.deepEqual(notice.actions, ['Open Results', 'Show Job']);
  });

  test('a job that fails: Failed, no results, the error in the tooltip', async () => {
    await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', ['job-fails']);
    const { name, notice } = await submitAndWait('it job fails');
    assert.equal(notice.job.state, 'failed');
    const item = s.api.tree.getTreeItem(s.api.tree.nodeFor(name));
    assert.match(String(item.description), /^Failed/);
    assert.equal(item.contextValue, 'job.finished');
    assert.match((item.tooltip as vscode.MarkdownString).value, /Rehearsed failure/);
  });
});
