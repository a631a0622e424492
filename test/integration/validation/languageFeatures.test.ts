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

  async function labelsAt(
    text: string,
    line: number,
    character: number,
  ): Promise<{ labels: string[]; items: vscode.CompletionItem[] }> {
    const doc = await openUntitled(text);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0); // the trailing comma: validated, so the kind is known
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(line, character),
    );
    return { labels: list.items.map(labelOf), items: list.items };
  }

  test('completion inside "request": { offers generationConfig in one spelling (camelCase by default), as one line', async () => {
    const line = `{"key": "a", "request": {${CONTENTS}, }}`;
    const { labels, items } = await labelsAt(`${line}\n`, 0, line.length - 2);
    assert.ok(labels.includes('generationConfig'), `offered: ${labels.join(', ')}`);
    assert.ok(!labels.includes('generation_config'), 'one spelling only');
    assert.ok(!labels.includes('contents'), 'not a key the object already has');
    for (const item of items.filter((i) => labelOf(i).startsWith('generation'))) {
      const text = item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText);
      assert.ok(!text.includes('\n'), `a completion must not break the line: ${JSON.stringify(text)}`);
    }
  });

  test('completion follows a snake_case file, and leaves out both spellings of a key the object has', async () => {
    const first =
      '{"key": "a", "request": {"contents": [], "generation_config": {"max_output_tokens": 5}, "system_instruction": {"parts": []}}}';
    const line = '{"key": "b", "request": {"contents": [], "generation_config": {}, }}';
    const { labels } = await labelsAt(`${first}\n${line}\n`, 1, line.length - 2);
    assert.ok(
      labels.includes('safety_settings') && !labels.includes('safetySettings'),
      `offered: ${labels.join(', ')}`,
    );
    assert.ok(
      !labels.includes('generationConfig') && !labels.includes('generation_config'),
      'the object has it already',
    );
  });

  test('completion offers the enum values of a role', async () => {
    const line = '{"key": "a", "request": {"contents": [{"role": "", "parts": [{"text": "Hi"}]}]}}';
    const doc = await openUntitled(`${line}\n`);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    const position = new vscode.Position(0, line.indexOf('""') + 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      position,
    );
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('"model"') && labels.includes('"user"'), `offered: ${labels.join(', ')}`);
  });

  test('hover on a field: a header with its name and type, its own description, then its type', async () => {
    const line = `{"key": "a", "request": {${CONTENTS}, "generationConfig": {"temperature": 0.5}}}`;
    const doc = await openUntitled(`${line}\n{"key": "b", "request": {"contentz": []}}`);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    const at = (word: string) => new vscode.Position(0, line.indexOf(word) + 3);
    const config = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        at('generationConfig'),
      ),
    );
    assert.match(config, /^\*\*generationConfig\*\*: `GenerationConfig`/);
    assert.match(config, /Configuration options for model generation/);
    assert.match(config, /generation\\_config|generation_config/, 'its other spelling');
    const request = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at('"request"')),
    );
    assert.match(request, /^\*\*request\*\*: `GenerateContentRequest`/);
    // The field's own words come before its type's.
    const own = request.indexOf('to run');
    const type = request.indexOf('Request to generate a completion');
    assert.ok(own > 0 && type > own, request);
  });
});
