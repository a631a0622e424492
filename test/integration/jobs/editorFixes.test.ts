import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import { fixtureUri } from '../helpers/extension';
import { emulatorJobNames, emulatorSuite, until } from './runHelpers';

/** A loopback port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Emulator settings applied while it runs, and OpenAI files submitted with the model they name. */
suite('jobs: emulator settings and OpenAI submit', function () {
  this.timeout(60000);
  const emu = emulatorSuite(300);

  test('an OpenAI file is submitted with the model its lines name, without asking; a scripted model is ignored', async () => {
    const input = fixtureUri('run', 'openai-chat.jsonl');
    const before = await emulatorJobNames(emu.baseUrl);
    // No model given: asking would open a quick pick that nobody answers, and the command would never resolve.
    const name = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', input, {
      displayName: 'it openai',
    });
    assert.ok(name, 'submit returned a job name');
    assert.equal(emu.api.model.records.get(name)?.kind, 'openai');
    assert.equal(emu.api.model.records.get(name)?.model, 'gpt-4o-mini');
    const other = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', input, {
      model: 'gemini-2.5-flash',
      displayName: 'it openai 2',
    });
    assert.ok(other);
    assert.equal(emu.api.model.records.get(other)?.model, 'gpt-4o-mini', "the file's model wins");
    assert.equal((await emulatorJobNames(emu.baseUrl)).filter((n) => !before.includes(n)).length, 2);
    // The name typed at submit stays, though Gemini's OpenAI-compatible layer takes no metadata and names the job
    // itself: in the tree row and its tooltip after the service's list was read again (issue 11).
    await vscode.commands.executeCommand('geminiBatch.jobs.refresh');
    const item = emu.api.tree.getTreeItem(emu.api.tree.nodeFor(name));
    assert.equal(item.label, 'it openai');
    assert.match((item.tooltip as vscode.MarkdownString).value, /\*\*it openai\*\*/);
    assert.equal(emu.api.model.get(name)?.displayName, 'it openai');
    await vscode.commands.executeCommand('geminiBatch.job.cancel', name);
    await vscode.commands.executeCommand('geminiBatch.job.cancel', other);
  });

  test('changing geminiBatch.emulator.port while the emulator runs restarts it there', async () => {
    assert.equal(emu.api.emulator.baseUrl, emu.baseUrl);
    const port = await freePort();
    await emu.settings.set('emulator.port', port, vscode.ConfigurationTarget.Global);
    await until(
      'the emulator to listen on the new port',
      () => emu.api.emulator.baseUrl === `http://127.0.0.1:${port}`,
      [emu.api.emulator.onDidChange],
    );
    await until('the jobs view to list again', () => emu.api.model.state === 'ok' || emu.api.model.state === 'empty', [
      emu.api.model.onDidChangeState,
    ]);
    // The old port is closed: the emulator lives on the new one only.
    await assert.rejects(fetch(`${emu.baseUrl}/v1beta/batches`));
    assert.ok(Array.isArray(await emulatorJobNames(emu.api.emulator.baseUrl!)), 'the restarted emulator answers');
  });
});
