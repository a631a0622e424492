import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { messagesAnswerable } from '../helpers/answeringMessages';
import { waitForDiagnostics } from '../helpers/diagnostics';
import { closeAllEditors } from '../helpers/documents';
import { activateExtension } from '../helpers/extension';
import { openTemplateEditor, setText, tabsOf, windowState } from './templateEditorSession';

/** Runs `action` while the window's quick pick and save dialog answer as a user would; the originals are put back. */
async function answeringPickAndSave<T>(label: string, save: vscode.Uri, action: () => Thenable<T>): Promise<T> {
  const window = vscode.window as unknown as Record<string, unknown>;
  const originals = { pick: window.showQuickPick, save: window.showSaveDialog };
  window.showQuickPick = async (items: readonly vscode.QuickPickItem[]) => (await items).find((i) => i.label === label);
  window.showSaveDialog = () => Promise.resolve(save);
  try {
    return await action();
  } finally {
    window.showQuickPick = originals.pick;
    window.showSaveDialog = originals.save;
  }
}

suite('build: the template editor', function () {
  // One retry: once in a full run (ci-p, 5165aa8) the second test timed out at 20 s, right after the results view's
  // hang (a late file event, fixed in resultsEditorProvider.ts); its own cause is not found. openTemplateEditor and
  // the refusal now fail with what the window showed instead of hanging. A real break fails both attempts.
  this.retries(1);
  let dir: string;
  let data: string;
  suiteSetup(async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-template-'));
    data = path.join(dir, 'rows.csv');
    fs.writeFileSync(data, 'id,question,t\nq1,"What is ""batch""?",0.2\nq2,Why?,0.5\n');
  });
  teardown(closeAllEditors);
  suiteTeardown(() => {
    if (dir) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('completes column names after {{, checks the template live, and closing it cancels the build', async () => {
    const { editor, build } = await openTemplateEditor(data);
    const uri = editor.document.uri;
    // The text column, not the first one (the id); the tab is titled after the data, not by its first line of JSON.
    assert.match(editor.document.getText(), /"text":"\{\{question\}\}"/, 'the starter template uses the text column');
    assert.deepEqual(
      tabsOf(uri).map((t) => t.label),
      ['rows.csv — template'],
    );

    const typed = '{"request":{"contents":[{"parts":[{"text":"{{qu';
    await setText(editor, typed);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(0, typed.length),
    );
    const question = list.items.find((i) => i.label === 'question');
    assert.ok(question, `columns offered: ${list.items.map((i) => JSON.stringify(i.label)).join(', ')}`);
    assert.equal(question.insertText, '{{question}}');
    const range = question.range as vscode.Range;
    assert.equal(range.start.character, typed.indexOf('{{qu'), 'the completion replaces from the {{');

    const unknown = '{"request":{"contents":[{"parts":[{"text":"{{question}} {{nope}}"}]}]}}';
    await setText(editor, unknown);
    const [problem] = await waitForDiagnostics(uri, (ds) => ds.length === 1);
    assert.match(problem.message, /nope/);
    assert.equal(problem.range.start.character, unknown.indexOf('{{nope}}'), 'on the unknown placeholder');

    const valid = '{"request":{"contents":[{"parts":[{"text":"{{question}}"}]}]}}';
    await setText(editor, valid);
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(0, valid.indexOf('{{question}}') + 3),
    );
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (c as vscode.MarkdownString).value)).join('\n');
    assert.match(hoverText, /row 1: .*batch/, `the hover shows the column's first values: ${hoverText}`);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => /Use This Template/.test(t)),
      titles.join(' | '),
    );
    assert.ok(
      titles.some((t) => /gemini-generate: the first 2 rows give valid lines/.test(t)),
      titles.join(' | '),
    );

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.equal(await build, undefined, 'closing the template cancels the build');
    assert.deepEqual(fs.readdirSync(dir), ['rows.csv'], 'nothing was written');
  });

  test('from the Explorer, an untouched template closes as any clean editor does: no question, nothing written', async () => {
    // The Explorer passes its selection as the second argument: it was once taken for a script.
    const { editor, build } = await openTemplateEditor(data, undefined, true);
    assert.equal(editor.document.isDirty, false, 'clean until edited');
    assert.deepEqual(
      tabsOf(editor.document.uri).map((t) => t.isPreview),
      [false],
      'pinned: the next file opened does not replace it',
    );
    // What the tab's close button does: a dirty document would stop here on a "Save changes?" dialog.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.equal(await build, undefined, 'closing the template cancels the build');
    assert.deepEqual(tabsOf(editor.document.uri), []);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['rows.csv'], 'no "rows.csv — template" beside the data');
  });

  test('"Use This Template" is refused while a row fails, then builds with the chosen key column', async () => {
    const out = path.join(dir, 'built.jsonl');
    const { editor, build } = await openTemplateEditor(data);
    const uri = editor.document.uri;
    // A bare placeholder given text: row 1's question is not a JSON value there.
    await setText(
      editor,
      '{"request":{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"temperature":{{question}}}}}',
    );
    const [rowProblem] = await waitForDiagnostics(uri, (ds) => ds.length === 1);
    assert.match(rowProblem.message, /^Row 1: /);
    const window = vscode.window as unknown as Record<string, unknown>;
    const showError = window.showErrorMessage;
    const errors: string[] = [];
    window.showErrorMessage = (message: string) => {
      errors.push(message);
      return Promise.resolve(undefined);
    };
    try {
      assert.equal(await vscode.commands.executeCommand('geminiBatch.file.useTemplate', uri), false);
    } finally {
      window.showErrorMessage = showError;
    }
    assert.match(errors.join('\n'), /Fix the template first\. Row 1: /);

    await setText(
      editor,
      '{"request":{"contents":[{"parts":[{"text":"{{question}}"}]}],"generationConfig":{"temperature":{{t}}}}}',
    );
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
    const result = await answeringPickAndSave('id', vscode.Uri.file(out), async () => {
      const before = windowState();
      const used = await vscode.commands.executeCommand('geminiBatch.file.useTemplate', uri);
      assert.equal(used, true, `Use This Template refused; before it, ${before}; after, ${windowState()}`);
      return build;
    });
    assert.equal(result?.written, 2);
    const lines = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((l) => [l.key, l.request.contents[0].parts[0].text, l.request.generationConfig.temperature]),
      [
        ['q1', 'What is "batch"?', 0.2],
        ['q2', 'Why?', 0.5],
      ],
    );
    // Closed without a save question: no tab shows it (a document of a file system outlives its tab in VS Code).
    assert.deepEqual(tabsOf(uri), [], 'the used template is closed without a save question');
  });

  test('a row the data makes unusable (a short CSV row) is a warning, not a refusal: the build leaves it out', async () => {
    const shortData = path.join(dir, 'short.csv');
    fs.writeFileSync(shortData, 'id,question,t\nq1,Hi?\nq2,Why?,0.5\n');
    const out = path.join(dir, 'short-built.jsonl');
    const { editor, build } = await openTemplateEditor(shortData);
    const uri = editor.document.uri;
    await setText(editor, '{"request":{"contents":[{"parts":[{"text":"{{question}}"}]}]}}');
    const [warning] = await waitForDiagnostics(uri, (ds) => ds.length === 1);
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(warning.message, /^Row 1 of the data: .*\. The build leaves it out\.$/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => /1 of the first 2 rows give valid lines; row 1 of the data is left out/.test(t)),
      titles.join(' | '),
    );
    const result = await answeringPickAndSave('id', vscode.Uri.file(out), async () => {
      const used = await vscode.commands.executeCommand('geminiBatch.file.useTemplate', uri);
      assert.equal(used, true, `Use This Template refused; ${windowState()}`);
      return build;
    });
    assert.equal(result?.written, 1);
    assert.deepEqual(
      result?.rejected.map((r) => r.row),
      [1],
    );
    assert.deepEqual(
      fs
        .readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { key: string }).key),
      ['q2'],
    );
  });
});
