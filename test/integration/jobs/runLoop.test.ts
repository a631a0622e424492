import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JobNotice } from '../../../src/features/jobs/jobNotifier';
import type { GeminiBatchApi } from '../../../src/features/jobs/extensionApi';
import { answering, messagesAnswerable } from '../helpers/answeringMessages';
import { fixtureUri } from '../helpers/extension';
import { SettingsScope, batchApi, emulatorJobNames, leaveEmulator, until, useEmulator } from './runHelpers';

/** The run loop against the in-process emulator: submit → tree → poll → notify → results, cancel, delete, refusal. */
suite('jobs: run loop against the emulator', function () {
  this.timeout(60000);
  const settings = new SettingsScope();
  const notices: JobNotice[] = [];
  let api: GeminiBatchApi;
  let baseUrl: string;
  let resultsDir: string;
  let listening: vscode.Disposable | undefined;

  suiteSetup(async () => {
    api = await batchApi();
    listening = api.notifier.onDidNotify((notice) => notices.push(notice));
    resultsDir = path.join(fixtureUri('run').fsPath, 'batch-results');
    await fs.rm(resultsDir, { recursive: true, force: true });
    baseUrl = await useEmulator(api, settings, 1);
  });

  suiteTeardown(async () => {
    listening?.dispose();
    await leaveEmulator(settings);
    if (resultsDir) {
      await fs.rm(resultsDir, { recursive: true, force: true });
    }
  });

  test('submit → tree → success → notification → results and joined file', async () => {
    const input = fixtureUri('run', 'greetings.jsonl');
    const before = await emulatorJobNames(baseUrl);
    const name = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', input, {
      model: 'gemini-2.5-flash',
      displayName: 'it greetings',
    });
    assert.ok(name?.startsWith('batches/'), `submit returned ${name}`);
    assert.deepEqual(
      (await emulatorJobNames(baseUrl)).filter((n) => !before.includes(n)),
      [name],
    );

    // The tree shows it under a group, through the same data provider the view uses.
    const groups = api.tree.getChildren();
    const jobNode = groups.flatMap((g) => api.tree.getChildren(g)).find((n) => n.kind === 'job' && n.name === name);
    assert.ok(jobNode, 'the submitted job is in the tree');
    assert.equal(api.tree.getTreeItem(jobNode).label, 'it greetings');
    assert.equal(api.tree.getParent(jobNode)?.kind, 'group');

    const notice = await until('the job-ended notification', () => notices.find((n) => n.job.name === name), [
      api.notifier.onDidNotify,
    ]);
    assert.equal(notice.job.state, 'succeeded');
    assert.deepEqual(notice.actions, ['Open Results', 'Show Job']);
    assert.equal(await vscode.commands.executeCommand('geminiBatch.job.show', name), true, 'Show Job reveals it');
    const item = api.tree.getTreeItem(api.tree.nodeFor(name));
    assert.equal(item.contextValue, 'job.finished.hasResults');
    assert.match(String(item.description), /Succeeded · 3\/3/);

    const resultsPath = await vscode.commands.executeCommand<string>('geminiBatch.job.openResults', name);
    assert.ok(resultsPath && existsSync(resultsPath), `results at ${resultsPath}`);
    assert.equal(path.dirname(resultsPath), resultsDir);
    const leftovers = (await fs.readdir(resultsDir)).filter((f) => f.endsWith('.part') || f.startsWith('.'));
    assert.deepEqual(leftovers, [], 'no temp file is left behind');
    assert.equal((await fs.readFile(resultsPath, 'utf8')).trim().split('\n').length, 3);
    const joined = api.model.records.get(name)?.joinedPath;
    assert.ok(joined && existsSync(joined), 'the joined file exists');
    assert.equal((await fs.readFile(joined, 'utf8')).trim().split('\n').length, 3, 'one joined line per input line');
    const views = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.input);
    assert.ok(
      views.some(
        (i) =>
          i instanceof vscode.TabInputCustom && i.viewType === 'geminiBatch.resultsView' && i.uri.fsPath === joined,
      ),
      'the joined file is open in the results view',
    );

    // A second download never overwrites silently: scripted "keep both" gets a new name. Only this job's node
    // is refreshed for it, not the whole tree.
    const refreshed: unknown[] = [];
    const watching = api.tree.onDidChangeTreeData((node) => refreshed.push(node));
    const told = await answering('showInformationMessage', undefined, () =>
      vscode.commands.executeCommand<string>('geminiBatch.job.downloadResults', name, { ifExists: 'keepBoth' }),
    );
    const again = told.result;
    watching.dispose();
    assert.ok(again && again !== resultsPath && existsSync(again), `second download at ${again}`);
    // The download says where the file went, with what to do next (it used to succeed silently). An installed
    // .vsix has its own window API, out of the stand-in's reach.
    if (messagesAnswerable) {
      assert.deepEqual(told.questions, [
        {
          message: `Results of "it greetings" saved to ${vscode.workspace.asRelativePath(again)}`,
          modal: false,
          items: ['Open Results', 'Reveal in Explorer'],
        },
      ]);
    }
    assert.ok(refreshed.includes(api.tree.nodeFor(name)), 'the job node was refreshed');
    assert.ok(!refreshed.includes(undefined), 'the whole tree was not refreshed');

    // Cancel on the ended job says why it does nothing: known ended, and ended before a poll showed it (the service's
    // answer is read back).
    if (messagesAnswerable) {
      const ended = `it greetings has already ended (Succeeded): nothing to cancel.`;
      const logStart = api.logLines().length;
      const known = await answering('showInformationMessage', undefined, () =>
        vscode.commands.executeCommand('geminiBatch.job.cancel', name),
      );
      assert.equal(known.result, undefined, 'nothing was cancelled');
      assert.ok(
        !api
          .logLines()
          .slice(logStart)
          .some((l) => l.includes(`cancel requested for ${name}`)),
        'a job known to have ended is not sent a cancel',
      );
      assert.deepEqual(
        known.questions.map((q) => q.message),
        [ended],
      );
      // Forgotten by the model (no poll kicked, unlike an upsert), so the click goes to the service, as on a row
      // whose end no poll has shown yet.
      api.model.remove(name);
      const late = await answering('showInformationMessage', undefined, () =>
        vscode.commands.executeCommand('geminiBatch.job.cancel', name),
      );
      assert.equal(late.result, undefined, 'nothing was cancelled');
      assert.deepEqual(
        late.questions.map((q) => q.message),
        [ended],
      );
      assert.equal(api.model.get(name)?.state, 'succeeded', 'the row shows the state read back');
    }
  });

  test('a small file goes inline when allowed, and its inline results are written as JSONL', async () => {
    await settings.set('submit.inlineMaxMB', 1);
    const name = await vscode.commands.executeCommand<string>(
      'geminiBatch.job.submit',
      fixtureUri('run', 'greetings.jsonl'),
      { model: 'gemini-2.5-flash', displayName: 'it inline' },
    );
    assert.ok(name);
    assert.equal(api.model.records.get(name)?.uploadedFile, undefined, 'nothing was uploaded');
    await until('the inline job to succeed', () => api.model.get(name)?.state === 'succeeded', [api.model.onDidChange]);
    assert.equal(api.model.get(name)?.resultsFile, 'inline');
    const resultsPath = await vscode.commands.executeCommand<string>('geminiBatch.job.downloadResults', name, {
      ifExists: 'keepBoth',
    });
    assert.ok(resultsPath);
    const lines = (await fs.readFile(resultsPath, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key?: string; response?: unknown });
    assert.deepEqual(lines.map((l) => l.key).sort(), ['color', 'count', 'hello']);
    assert.ok(
      lines.every((l) => l.response),
      'every inline result has a response',
    );
  });

  test('a file with errors is refused and creates no job', async () => {
    const before = await emulatorJobNames(baseUrl);
    const name = await vscode.commands.executeCommand<string>(
      'geminiBatch.job.submit',
      fixtureUri('run', 'broken.jsonl'),
      { model: 'gemini-2.5-flash', displayName: 'broken' },
    );
    assert.equal(name, undefined);
    assert.deepEqual(await emulatorJobNames(baseUrl), before);
  });
});
