import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri } from '../helpers/extension';
import { emulatorJobNames, emulatorSuite, until } from './runHelpers';

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  // The lens command works on a text model: open the document first.
  await vscode.workspace.openTextDocument(uri);
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return (lenses ?? []).map((lens) => lens.command?.title ?? '');
}

/** Submit's kind, the ticking descriptions, Show Job, the input child and the CodeLens, against a slow emulator. */
suite('jobs: run loop refinements', function () {
  this.timeout(60000);
  const emu = emulatorSuite(300);

  suiteTeardown(async () => {
    await vscode.commands.executeCommand(
      'geminiBatch.validate.selectKind',
      fixtureUri('run', 'greetings.jsonl'),
      'auto',
    );
    await vscode.commands.executeCommand('geminiBatch.validate.selectKind', fixtureUri('run', 'events.jsonl'), 'auto');
  });

  test('submit validates with the kind override, then with the validation.kind setting', async () => {
    const input = fixtureUri('run', 'greetings.jsonl');
    const before = await emulatorJobNames(emu.baseUrl);
    const options = { model: 'gemini-2.5-flash', displayName: 'it kind' };

    // As OpenAI lines, Gemini lines are all errors: the submit must refuse instead of detecting gemini-generate.
    await vscode.commands.executeCommand('geminiBatch.validate.selectKind', input, 'openai');
    let logStart = emu.api.logLines().length;
    assert.equal(await vscode.commands.executeCommand('geminiBatch.job.submit', input, options), undefined);
    assert.ok(
      emu.api
        .logLines()
        .slice(logStart)
        .some((l) => /greetings\.jsonl: \d+ requests \(openai\), [1-9]\d* errors/.test(l)),
    );

    await vscode.commands.executeCommand('geminiBatch.validate.selectKind', input, 'auto');
    await emu.settings.set('validation.kind', 'gemini-embed');
    logStart = emu.api.logLines().length;
    assert.equal(await vscode.commands.executeCommand('geminiBatch.job.submit', input, options), undefined);
    assert.ok(
      emu.api
        .logLines()
        .slice(logStart)
        .some((l) => /greetings\.jsonl: \d+ requests \(gemini-embed\), [1-9]\d* errors/.test(l)),
    );
    assert.deepEqual(await emulatorJobNames(emu.baseUrl), before, 'no job was created');

    await emu.settings.set('validation.kind', undefined);
  });

  test('each poll tick re-renders an unfinished job whose data did not change', async () => {
    const name = await vscode.commands.executeCommand<string>(
      'geminiBatch.job.submit',
      fixtureUri('run', 'slow.jsonl'),
      { model: 'gemini-2.5-flash', displayName: 'it ticking' },
    );
    assert.ok(name);
    const node = emu.api.tree.nodeFor(name);
    let last = JSON.stringify(emu.api.model.get(name));
    let unchanged = 0;
    const counting = emu.api.tree.onDidChangeTreeData((changed) => {
      if (changed !== node) {
        return;
      }
      const now = JSON.stringify(emu.api.model.get(name));
      if (now === last) {
        unchanged++;
      }
      last = now;
    });
    try {
      await until('two re-renders of the job with unchanged data', () => unchanged >= 2, [
        emu.api.tree.onDidChangeTreeData,
      ]);
    } finally {
      counting.dispose();
    }
    // What moves comes first (a narrow side bar cuts the end off): state, progress, elapsed, time left, model.
    assert.match(
      String(emu.api.tree.getTreeItem(node).description),
      /^(Pending|Running) · \d\/2 · \d+s · expires in 47h \d\dm · gemini-2\.5-flash$/,
    );

    // Show Job reveals and selects it; its input child opens the local file.
    assert.equal(await vscode.commands.executeCommand('geminiBatch.job.show', name), true);
    assert.equal(emu.api.view.selection[0], node, 'the job is selected in the view');
    const input = emu.api.tree.getChildren(node).find((f) => f.kind === 'file' && f.role === 'input');
    assert.ok(input, 'the job has an input child');
    const command = emu.api.tree.getTreeItem(input).command;
    assert.equal(command?.command, 'vscode.open');
    assert.equal((command?.arguments?.[0] as vscode.Uri).fsPath, fixtureUri('run', 'slow.jsonl').fsPath);
    await vscode.commands.executeCommand('geminiBatch.job.cancel', name);
  });

  test('"Create Batch Job from Uploaded File…" offers this workspace\'s uploads with their kind and input', async () => {
    const input = fixtureUri('run', 'greetings.jsonl');
    const submitted = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', input, {
      model: 'gemini-2.5-flash',
      displayName: 'it uploaded',
    });
    assert.ok(submitted);
    const uploaded = emu.api.model.records.get(submitted)?.uploadedFile;
    assert.match(uploaded ?? '', /^files\//);

    // No file argument: a picker lists the uploads, newest first. There is no event for "the picker is up", so
    // accepting is retried (bounded) until the command moves on.
    const creating = Promise.resolve(
      vscode.commands.executeCommand<string>('geminiBatch.job.create', undefined, {
        model: 'gemini-2.5-flash',
        displayName: 'it from upload',
      }),
    );
    let name: string | undefined;
    for (let attempt = 0; attempt < 100 && name === undefined; attempt++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      name = await Promise.race([creating, new Promise<undefined>((resolve) => setTimeout(resolve, 100))]);
    }
    assert.ok(name, 'create returned nothing');
    assert.ok(name.startsWith('batches/') && name !== submitted, `create returned ${name}`);
    const record = emu.api.model.records.get(name);
    assert.equal(record?.uploadedFile, uploaded, 'the newest upload was offered first');
    assert.equal(record?.kind, 'gemini-generate', "the kind came from the upload's record");
    assert.equal(record?.inputPath, input.fsPath, 'the local input is known, so results can be joined');
    await vscode.commands.executeCommand('geminiBatch.job.cancel', submitted);
    await vscode.commands.executeCommand('geminiBatch.job.cancel', name);
  });

  test('the Submit lens is offered on batch files only, or where a kind is set', async () => {
    assert.ok((await lensTitles(fixtureUri('run', 'greetings.jsonl'))).some((t) => t.includes('Submit Batch Job')));
    const events = fixtureUri('run', 'events.jsonl');
    assert.deepEqual(await lensTitles(events), [], 'a log of JSON records gets no lens');
    await emu.settings.set('validation.kind', 'openai');
    assert.ok(
      (await lensTitles(events)).some((t) => t.includes('Submit Batch Job')),
      'the kind setting makes it a batch file',
    );
    await emu.settings.set('validation.kind', undefined);
    assert.deepEqual(await lensTitles(events), []);
    await vscode.commands.executeCommand('geminiBatch.validate.selectKind', events, 'gemini-generate');
    assert.ok(
      (await lensTitles(events)).some((t) => t.includes('Submit Batch Job')),
      'an explicit kind makes it a batch file',
    );
  });
});
