import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri } from '../helpers/extension';
import { summarize, waitForDiagnostics } from '../helpers/diagnostics';
import { closeAllEditors, openInEditor, openUntitled, replaceLine } from '../helpers/documents';

const GOOD = (key: string) =>
  `{"key": "${key}", "request": {"contents": [{"role": "user", "parts": [{"text": "Hi"}]}]}}`;

suite('validation: diagnostics in the editor', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(closeAllEditors);

  test('a fixture with mistakes gets the expected diagnostics at the expected ranges', async () => {
    const uri = fixtureUri('validation', 'mistakes.jsonl');
    await openInEditor(uri);
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length >= 3);
    assert.deepEqual(summarize(diagnostics), [
      ['unknown-field', 1, 100, 1, 108], // "config" (the key), suggests generationConfig
      ['duplicate-key', 2, 1, 2, 6], // "key" of the second r1
      ['json-syntax', 3, 97, 3, 97], // the line ends before its `]`
    ]);
    const unknown = diagnostics.find((d) => d.code === 'unknown-field');
    assert.ok(unknown);
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unknown.message, /generationConfig/);
  });

  test('a duplicate key points to its first occurrence through related information', async () => {
    const uri = fixtureUri('validation', 'mistakes.jsonl');
    await openInEditor(uri);
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'duplicate-key'));
    const duplicate = diagnostics.find((d) => d.code === 'duplicate-key');
    assert.ok(duplicate?.relatedInformation?.length, 'has related information');
    const related = duplicate.relatedInformation[0];
    assert.equal(related.location.uri.toString(), uri.toString());
    assert.equal(related.location.range.start.line, 0);
  });

  test('editing lines updates the diagnostics', async () => {
    const doc = await openUntitled([GOOD('a'), GOOD('b'), GOOD('c')].join('\n'));
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
    // Break line 1: an unknown field appears there.
    await replaceLine(doc, 1, GOOD('b').replace('"contents"', '"contentz"'));
    const broken = await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    assert.ok(
      broken.every((d) => d.range.start.line === 1),
      `only line 1 is flagged: ${JSON.stringify(summarize(broken))}`,
    );
    assert.ok(broken.some((d) => d.code === 'unknown-field'));
    // Make line 2 a duplicate of line 0 and repair line 1.
    await replaceLine(doc, 2, GOOD('a'));
    await replaceLine(doc, 1, GOOD('b'));
    const dup = await waitForDiagnostics(doc.uri, (d) => d.length === 1 && d[0].code === 'duplicate-key');
    assert.equal(dup[0].range.start.line, 2);
  });

  test('several changes in one edit (inserted and deleted lines) leave the same diagnostics as a fresh document', async () => {
    const lines = [GOOD('a'), GOOD('b'), GOOD('c'), GOOD('d'), GOOD('e')];
    const doc = await openUntitled(lines.join('\n'));
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
    const edit = new vscode.WorkspaceEdit();
    // Bottom to top and top to bottom mixed: a two-line insert, a join of two lines, a broken value.
    edit.insert(doc.uri, new vscode.Position(0, 0), `${GOOD('x')}\n{"key": "y", "request": {"contents": 7}}\n`);
    edit.replace(doc.uri, new vscode.Range(2, lines[2].length, 3, 0), ' ');
    edit.replace(doc.uri, new vscode.Range(4, 0, 4, lines[4].length), GOOD('a'));
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const edited = await waitForDiagnostics(doc.uri, (d) => d.length >= 3);
    const fresh = await openUntitled(doc.getText());
    const expected = await waitForDiagnostics(fresh.uri, (d) => d.length >= 3);
    assert.deepEqual(summarize(edited), summarize(expected));
    assert.deepEqual(
      summarize(edited)
        .map((d) => d[0])
        .sort(),
      ['duplicate-key', 'json-syntax', 'type-mismatch'],
    );
  });

  test('a clean file gets no diagnostics once validated', async () => {
    const uri = fixtureUri('validation', 'clean.jsonl');
    const doc = await openInEditor(uri);
    // Prove validation runs on this document: break it, see the error, then undo and see it go.
    const original = doc.lineAt(0).text;
    await replaceLine(doc, 0, original.replace('"contents"', '"contentz"'));
    await waitForDiagnostics(uri, (d) => d.length > 0);
    await replaceLine(doc, 0, original);
    await waitForDiagnostics(uri, (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8').split('\n')[0], original, 'the fixture is untouched');
  });

  test('a jsonl file of log records gets no diagnostics, unless a batch kind is set for it', async () => {
    const uri = fixtureUri('validation', 'logs.jsonl');
    await openInEditor(uri);
    // With the kind forced, the log lines are validated (and fail); back on auto they are left alone.
    await vscode.commands.executeCommand('geminiBatch.validate.selectKind', uri, 'openai');
    await waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'missing-field'));
    await vscode.commands.executeCommand('geminiBatch.validate.selectKind', uri, 'auto');
    await waitForDiagnostics(uri, (d) => d.length === 0);
  });

  test('closing a document clears its diagnostics', async () => {
    const doc = await openUntitled(`${GOOD('a')}\n${GOOD('a')}`);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    const closed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() === doc.uri.toString()) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });

  test('a document that stops being jsonl loses its diagnostics', async () => {
    const doc = await openUntitled(`${GOOD('a')}\n${GOOD('a')}`);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });
});
