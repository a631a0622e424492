import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { JobNotice } from '../../../src/features/jobs/jobNotifier';
import { fixtureUri } from '../helpers/extension';
import { emulatorSuite, until } from './runHelpers';

/** Polling runs while the view is visible OR a job submitted from this workspace is unfinished (registerJobs). */
suite('jobs: polling with the view hidden', function () {
  this.timeout(60000);
  const emu = emulatorSuite(1);

  test('a job submitted from this workspace is still polled with the Jobs view hidden, and its end is announced', async () => {
    const { api } = emu;
    await vscode.commands.executeCommand('workbench.view.explorer');
    await until('the Jobs view to be hidden', () => !api.view.visible, [api.view.onDidChangeVisibility]);
    const notices: JobNotice[] = [];
    const listening = api.notifier.onDidNotify((notice) => notices.push(notice));
    try {
      const name = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', fixtureUri('run', 'greetings.jsonl'), { model: 'gemini-2.5-flash', displayName: 'it hidden' });
      assert.ok(name, 'submitted');
      const notice = await until('the job-ended notification', () => notices.find((n) => n.job.name === name), [api.notifier.onDidNotify]);
      assert.equal(notice.job.state, 'succeeded');
      assert.equal(api.view.visible, false, 'the view stayed hidden the whole time');
    } finally {
      listening.dispose();
    }
  });
});
