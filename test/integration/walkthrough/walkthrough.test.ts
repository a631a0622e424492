import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension } from '../helpers/extension';
import { closeAllEditors } from '../helpers/documents';

/** The getting-started walkthrough's commands: bundled samples open as editable copies, the mistakes at a problem. */
suite('walkthrough: samples and the first quick fix', () => {
  let extensionPath = '';
  suiteSetup(async () => {
    extensionPath = (await activateExtension()).extensionPath;
  });
  teardown(closeAllEditors);

  test('Open a Sample opens a copy of the bundled file, as a real file outside the workspace; an untouched copy is reused', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('geminiBatch.sample.open', 'gemini-generate');
    assert.ok(uri, 'the command resolves to the copy');
    assert.equal(uri.scheme, 'file');
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    assert.ok(!uri.fsPath.startsWith(workspace), 'nothing is written into the workspace');
    const bundled = fs.readFileSync(path.join(extensionPath, 'sample', 'gemini-generate.jsonl'), 'utf8');
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), bundled);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'jsonl');
    const again = await vscode.commands.executeCommand<vscode.Uri>('geminiBatch.sample.open', 'gemini-generate');
    assert.equal(again.toString(), uri.toString());
  });

  test('an edited copy is kept: the next one gets a name of its own', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri>('geminiBatch.sample.open', 'gemini-embed');
    const doc = vscode.window.activeTextEditor!.document;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      first,
      new vscode.Position(0, 0),
      '{"key": "mine", "request": {"content": {"parts": [{"text": "x"}]}}}\n',
    );
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.equal(await doc.save(), true);
    const second = await vscode.commands.executeCommand<vscode.Uri>('geminiBatch.sample.open', 'gemini-embed');
    assert.notEqual(second.toString(), first.toString());
    assert.match(path.basename(second.fsPath), /^gemini-embed-\d+\.jsonl$/);
    assert.match(fs.readFileSync(first.fsPath, 'utf8'), /"mine"/, 'the edited copy is untouched');
  });

  test('Fix a Mistake opens the sample of mistakes with the cursor on its first problem', async () => {
    const opened = await vscode.commands.executeCommand<{ uri: vscode.Uri; problem?: string | number }>(
      'geminiBatch.sample.fixMistake',
      { showMenu: false },
    );
    assert.ok(opened.problem !== undefined, 'a problem was found');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), opened.uri.toString());
    const first = vscode.languages.getDiagnostics(opened.uri)[0];
    assert.ok(
      editor!.selection.isEqual(new vscode.Selection(first.range.start, first.range.end)),
      'the first problem is selected',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      opened.uri,
      first.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(
      actions.some((a) => a.edit),
      'the selected problem has a quick fix',
    );
  });

  test('the walkthrough opens', async () => {
    await vscode.commands.executeCommand('geminiBatch.walkthrough.open');
  });
});
