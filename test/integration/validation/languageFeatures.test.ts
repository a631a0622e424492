import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from '../helpers/extension';
import { waitForDiagnostics } from '../helpers/diagnostics';
import { closeAllEditors, openUntitled } from '../helpers/documents';

const CONTENTS = '"contents": [{"role": "user", "parts": [{"text": "Hi"}]}]';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('validation: completion and hover within a line', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(closeAllEditors);

  test('completion inside "request": { offers generationConfig in both spellings, as one line', async () => {
    const line = `{"key": "a", "request": {${CONTENTS}, }}`;
    const doc = await openUntitled(`${line}\n`);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0); // the trailing comma: validated, so the kind is known
    const position = new vscode.Position(0, line.length - 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('generationConfig'), `offered: ${labels.join(', ')}`);
    assert.ok(labels.includes('generation_config'), 'the snake_case spelling too');
    for (const item of list.items.filter((i) => labelOf(i).startsWith('generation'))) {
      const text = item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText);
      assert.ok(!text.includes('\n'), `a completion must not break the line: ${JSON.stringify(text)}`);
    }
  });

  test('completion offers the enum values of a role', async () => {
    const line = '{"key": "a", "request": {"contents": [{"role": "", "parts": [{"text": "Hi"}]}]}}';
    const doc = await openUntitled(`${line}\n`);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    const position = new vscode.Position(0, line.indexOf('""') + 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('"model"') && labels.includes('"user"'), `offered: ${labels.join(', ')}`);
  });

  test('hover on generationConfig shows its description', async () => {
    const line = `{"key": "a", "request": {${CONTENTS}, "generationConfig": {"temperature": 0.5}}}`;
    const doc = await openUntitled(`${line}\n{"key": "b", "request": {"contentz": []}}`);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    const position = new vscode.Position(0, line.indexOf('generationConfig') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    assert.match(hoverText(hovers), /Configuration options for model generation/);
  });
});
