import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { isTerminal } from '../../../src/core/providers/types';
import type { JobNotice } from '../../../src/features/jobs/jobNotifier';
import { fixtureUri } from '../helpers/extension';
import { emulatorSuite, until } from './runHelpers';

/** Polling runs while the view is visible OR a job submitted from this workspace is unfinished (registerJobs). */
suite('jobs: polling with the view hidden', function () {
  this.timeout(60000);
  // Long enough to hide the view while the job still runs (checked below, so a slow machine fails loudly).
  const emu = emulatorSuite(5);

  test('a job submitted from this workspace is still polled with the Jobs view hidden, and its end is announced', async () => {
    const { api } = emu;
    const notices: JobNotice[] = [];
    const listening = api.notifier.onDidNotify((notice) => notices.push(notice));
    try {
      // Submitting reveals the job in the view; the user then goes back to the Explorer.
      const name = await vscode.commands.executeCommand<string>(
        'geminiBatch.job.submit',
        fixtureUri('run', 'greetings.jsonl'),
        { model: 'gemini-2.5-flash', displayName: 'it hidden' },
      );
      assert.ok(name, 'submitted');
      // The reveal is not awaited by submit: wait for its selection, or it could show the view again later.
      await until(
        'the submitted job to be revealed',
        () => api.view.selection.some((n) => n.kind === 'job' && n.name === name),
        [api.view.onDidChangeSelection],
      );
      await vscode.commands.executeCommand('workbench.view.explorer');
      await until('the Jobs view to be hidden', () => !api.view.visible, [api.view.onDidChangeVisibility]);
      const job = api.model.get(name);
      assert.ok(job && !isTerminal(job.state), `the job still runs once the view is hidden (${job?.state})`);
      const notice = await until('the job-ended notification', () => notices.find((n) => n.job.name === name), [
        api.notifier.onDidNotify,
      ]);
      assert.equal(notice.job.state, 'succeeded');
      assert.equal(api.view.visible, false, 'the view stayed hidden the whole time');
    } finally {
      listening.dispose();
    }
  });
});
