import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fixtureUri } from '../helpers/extension';
import { answeringWarnings, messagesAnswerable } from '../helpers/answeringMessages';
import { emulatorJobNames, emulatorSuite, until } from './runHelpers';

/** Cancel and delete from the tree's commands, against an emulator whose jobs run long enough to be cancelled. */
suite('jobs: cancel and delete', function () {
  this.timeout(60000);
  const emu = emulatorSuite(300);

  test('cancel moves a running job to Finished as cancelled; delete removes it everywhere', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const name = await vscode.commands.executeCommand<string>(
      'geminiBatch.job.submit',
      fixtureUri('run', 'slow.jsonl'),
      { model: 'gemini-2.5-flash', displayName: 'it slow' },
    );
    assert.ok(name, 'submit returned a job name');
    const active = emu.api.tree.getTreeItem(emu.api.tree.nodeFor(name));
    assert.match(String(active.contextValue), /^job\.active/);

    // A click on the tree's Cancel asks first (a modal, answered here by the stand-in); declining leaves the job be.
    const asked = await answeringWarnings(undefined, () =>
      vscode.commands.executeCommand('geminiBatch.job.cancel', emu.api.tree.nodeFor(name)),
    );
    assert.equal(asked.result, undefined);
    assert.deepEqual(
      asked.questions.map((q) => q.modal),
      [true],
      'one question, modal',
    );
    assert.match(asked.questions[0].message, /^Cancel batch job "it slow"\?$/);
    assert.deepEqual(asked.questions[0].items, ['Cancel Job', 'Keep Running'], 'no second button reading "Cancel"');
    assert.equal(
      emu.api.model.get(name)?.state === 'cancelled' || emu.api.model.get(name)?.state === 'cancelling',
      false,
      'declined: not cancelled',
    );
    const accepted = await answeringWarnings('Cancel Job', () =>
      vscode.commands.executeCommand('geminiBatch.job.cancel', emu.api.tree.nodeFor(name)),
    );
    assert.equal(accepted.result, name);
    // The toast that says the job ended may come in too; it is not a question.
    assert.equal(accepted.questions.filter((q) => q.modal).length, 1);
    await until('the job to be cancelled', () => emu.api.model.get(name)?.state === 'cancelled', [
      emu.api.model.onDidChange,
    ]);
    const finished = emu.api.tree.getTreeItem(emu.api.tree.nodeFor(name));
    assert.match(String(finished.contextValue), /^job\.finished/);
    const parent = emu.api.tree.getParent(emu.api.tree.nodeFor(name));
    assert.ok(parent?.kind === 'group' && parent.group === 'finished');

    assert.equal(await vscode.commands.executeCommand('geminiBatch.job.delete', name, { confirmed: true }), true);
    assert.equal(emu.api.model.get(name), undefined);
    assert.equal(emu.api.model.records.get(name), undefined);
    assert.ok(!(await emulatorJobNames(emu.baseUrl)).includes(name), 'the emulator no longer lists the job');
    const shown = emu.api.tree.getChildren().flatMap((g) => emu.api.tree.getChildren(g));
    assert.ok(!shown.some((n) => n.kind === 'job' && n.name === name), 'the tree no longer shows the job');
  });

  test('choosing the emulator as the provider starts it on demand, after a stop too', async () => {
    await vscode.commands.executeCommand('geminiBatch.emulator.stop');
    await until('the stopped emulator to show as unreachable', () => emu.api.jobsState() === 'unreachable', [
      emu.api.model.onDidChangeState,
    ]);
    const logStart = emu.api.logLines().length;
    await vscode.commands.executeCommand('geminiBatch.provider.select', 'gemini');
    await vscode.commands.executeCommand('geminiBatch.provider.select', 'emulator');
    await until(
      'the emulator to list jobs again',
      () => emu.api.jobsState() === 'ok' || emu.api.jobsState() === 'empty',
      [emu.api.model.onDidChangeState],
    );
    const started = emu.api
      .logLines()
      .slice(logStart)
      .find((l) => l.includes('[emulator] listening on'));
    assert.ok(started, 'the emulator was started');
    emu.baseUrl = /listening on (\S+)/.exec(started)![1];
  });

  test('jobs submitted from the workspace are remembered with their input file', async () => {
    const name = await vscode.commands.executeCommand<string>(
      'geminiBatch.job.submit',
      fixtureUri('run', 'slow.jsonl'),
      { model: 'gemini-2.5-flash', displayName: 'it remembered' },
    );
    assert.ok(name);
    const record = emu.api.model.records.get(name);
    assert.equal(record?.inputPath, fixtureUri('run', 'slow.jsonl').fsPath);
    assert.equal(record?.provider, 'emulator');
    assert.equal(record?.kind, 'gemini-generate');
    assert.match(record?.uploadedFile ?? '', /^files\//);
    const files = emu.api.tree.getChildren(emu.api.tree.nodeFor(name));
    assert.ok(files.some((f) => f.kind === 'file' && f.role === 'input' && f.localPath === record?.inputPath));
    // A script naming the job asks nothing.
    const scripted = await answeringWarnings(undefined, () =>
      vscode.commands.executeCommand('geminiBatch.job.cancel', name),
    );
    assert.equal(scripted.result, name);
    assert.deepEqual(
      scripted.questions.filter((q) => q.modal),
      [],
      'no confirmation',
    );
  });
  test("a group's row reads as the group, and its Cancel stops every running part after one question", async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'group-cancel-'));
    const source = path.join(dir, 'two.jsonl');
    const line = (i: number) =>
      JSON.stringify({ key: `k${i}`, request: { contents: [{ parts: [{ text: `Q${i}?` }] }] } });
    await fs.writeFile(source, `${line(1)}\n${line(2)}\n`);
    const split = await vscode.commands.executeCommand<{ parts: string[] }>(
      'geminiBatch.file.split',
      vscode.Uri.file(source),
      {
        maxLines: 1,
      },
    );
    const names = await vscode.commands.executeCommand<string[]>(
      'geminiBatch.job.submitParts',
      split.parts.map((p) => vscode.Uri.file(p)),
      { source, model: 'gemini-2.5-flash', displayName: 'slow group' },
    );
    assert.equal(names.length, 2);
    const row = emu.api.tree.nodeFor(names[0]);
    const drawn = emu.api.tree.getTreeItem(row);
    assert.equal(drawn.label, 'slow group (2 parts)');
    assert.match(String(drawn.contextValue), /^job\.active/);

    const asked = await answeringWarnings('Cancel Job', () =>
      vscode.commands.executeCommand('geminiBatch.job.cancel', row),
    );
    assert.deepEqual(asked.result, names, 'both parts asked to stop');
    const modal = asked.questions.filter((q) => q.modal);
    assert.deepEqual(
      modal.map((q) => q.message),
      ['Cancel the 2 running parts of "slow group" (of 2 parts)?'],
    );
    await until('both parts to be cancelled', () => names.every((n) => emu.api.model.get(n)?.state === 'cancelled'), [
      emu.api.model.onDidChange,
    ]);
    const ended = emu.api.tree.getTreeItem(row);
    assert.match(String(ended.contextValue), /^job\.finished/);
    assert.equal(
      emu.api.tree.getParent(row),
      emu.api.tree.getChildren().find((n) => n.kind === 'group' && n.group === 'finished'),
    );
    await fs.rm(dir, { recursive: true, force: true });
  });
});
