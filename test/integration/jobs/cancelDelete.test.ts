import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GeminiBatchApi } from '../../../src/features/jobs/extensionApi';
import { fixtureUri } from '../helpers/extension';
import { SettingsScope, batchApi, emulatorJobNames, leaveEmulator, until, useEmulator } from './runHelpers';

/** Cancel and delete from the tree's commands, against an emulator whose jobs run long enough to be cancelled. */
suite('jobs: cancel and delete', function () {
  this.timeout(60000);
  const settings = new SettingsScope();
  let api: GeminiBatchApi;
  let baseUrl: string;

  suiteSetup(async () => {
    api = await batchApi();
    baseUrl = await useEmulator(api, settings, 300);
  });

  suiteTeardown(() => leaveEmulator(settings));

  test('cancel moves a running job to Finished as cancelled; delete removes it everywhere', async () => {
    const name = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', fixtureUri('run', 'slow.jsonl'), { model: 'gemini-2.5-flash', displayName: 'it slow' });
    assert.ok(name, 'submit returned a job name');
    const active = api.tree.getTreeItem(api.tree.nodeFor(name));
    assert.match(String(active.contextValue), /^job\.active/);

    assert.equal(await vscode.commands.executeCommand('geminiBatch.job.cancel', api.tree.nodeFor(name)), name);
    await until('the job to be cancelled', () => api.model.get(name)?.state === 'cancelled', [api.model.onDidChange]);
    const finished = api.tree.getTreeItem(api.tree.nodeFor(name));
    assert.match(String(finished.contextValue), /^job\.finished/);
    const parent = api.tree.getParent(api.tree.nodeFor(name));
    assert.ok(parent?.kind === 'group' && parent.group === 'finished');

    assert.equal(await vscode.commands.executeCommand('geminiBatch.job.delete', name, { confirmed: true }), true);
    assert.equal(api.model.get(name), undefined);
    assert.equal(api.model.records.get(name), undefined);
    assert.ok(!(await emulatorJobNames(baseUrl)).includes(name), 'the emulator no longer lists the job');
    const shown = api.tree.getChildren().flatMap((g) => api.tree.getChildren(g));
    assert.ok(!shown.some((n) => n.kind === 'job' && n.name === name), 'the tree no longer shows the job');
  });

  test('choosing the emulator as the provider starts it on demand, after a stop too', async () => {
    await vscode.commands.executeCommand('geminiBatch.emulator.stop');
    await until('the stopped emulator to show as unreachable', () => api.jobsState() === 'unreachable', [api.model.onDidChangeState]);
    const logStart = api.logLines().length;
    await vscode.commands.executeCommand('geminiBatch.provider.select', 'gemini');
    await vscode.commands.executeCommand('geminiBatch.provider.select', 'emulator');
    await until('the emulator to list jobs again', () => api.jobsState() === 'ok' || api.jobsState() === 'empty', [api.model.onDidChangeState]);
    const started = api.logLines().slice(logStart).find((l) => l.includes('[emulator] listening on'));
    assert.ok(started, 'the emulator was started');
    baseUrl = /listening on (\S+)/.exec(started)![1];
  });

  test('jobs submitted from the workspace are remembered with their input file', async () => {
    const name = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', fixtureUri('run', 'slow.jsonl'), { model: 'gemini-2.5-flash', displayName: 'it remembered' });
    assert.ok(name);
    const record = api.model.records.get(name);
    assert.equal(record?.inputPath, fixtureUri('run', 'slow.jsonl').fsPath);
    assert.equal(record?.provider, 'emulator');
    assert.equal(record?.kind, 'gemini-generate');
    assert.match(record?.uploadedFile ?? '', /^files\//);
    const files = api.tree.getChildren(api.tree.nodeFor(name));
    assert.ok(files.some((f) => f.kind === 'file' && f.role === 'input' && f.localPath === record?.inputPath));
    await vscode.commands.executeCommand('geminiBatch.job.cancel', name);
  });
});
