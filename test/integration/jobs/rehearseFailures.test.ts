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

  test('a job that fails: Failed, no results; its error in the notice, in a row under it, in the tooltip and the log', async () => {
    await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', ['job-fails']);
    const logStart = s.api.logLines().length;
    const { name, notice } = await submitAndWait('it job fails');
    assert.equal(notice.job.state, 'failed');
    const reason = 'Rehearsed failure: the batch failed halfway (emulator fault option failJobs).';
    assert.match(notice.message, /^Batch job "it job fails" failed \(\d\/3\): /);
    assert.ok(notice.message.endsWith(`: ${reason}`), notice.message);
    const item = s.api.tree.getTreeItem(s.api.tree.nodeFor(name));
    assert.match(String(item.description), /^Failed/);
    assert.equal(item.contextValue, 'job.finished');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'open on its reason');
    assert.match((item.tooltip as vscode.MarkdownString).value, /INTERNAL \(13\): Rehearsed failure/);
    // The reason is a row of its own, first under the job, like a problem in the Problems view.
    const [first] = s.api.tree.getChildren(s.api.tree.nodeFor(name));
    assert.equal(first?.kind, 'problem');
    const row = s.api.tree.getTreeItem(first);
    assert.equal(row.label, reason);
    assert.equal(row.description, 'INTERNAL (13)');
    assert.equal((row.iconPath as vscode.ThemeIcon).id, 'error');
    assert.equal(s.api.tree.getParent(first), s.api.tree.nodeFor(name), 'revealable');
    assert.ok(
      s.api
        .logLines()
        .slice(logStart)
        .some((l) => l.includes(`[jobs] ${name} failed: INTERNAL (13): ${reason}`)),
      'the full text is logged',
    );
  });
});
