import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension } from '../helpers/extension';
import { summarize, waitForDiagnostics } from '../helpers/diagnostics';
import { closeAllEditors, openUntitled } from '../helpers/documents';

const CONTENTS = '"contents": [{"role": "user", "parts": [{"text": "Hi"}]}]';

function quickFixes(uri: vscode.Uri, range: vscode.Range, resolve?: number): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
    resolve,
  );
}

suite('validation: quick fixes', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(closeAllEditors);

  test('the quick fix renames config to generationConfig and the diagnostic goes away', async () => {
    const line = `{"key": "a", "request": {${CONTENTS}, "config": {"temperature": 0.5}}}`;
    const doc = await openUntitled(line);
    const [diagnostic] = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.code === 'unknown-field'));
    const actions = await quickFixes(doc.uri, diagnostic.range);
    const fix = actions.find((a) => a.title.includes('generationConfig'));
    assert.ok(fix?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(doc.lineAt(0).text, line.replace('"config"', '"generationConfig"'));
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });

  test('the quick fix turns an OpenAI assistant role into model', async () => {
    const line =
      '{"key": "a", "request": {"contents": [{"role": "user", "parts": [{"text": "Hi"}]}, {"role": "assistant", "parts": [{"text": "Hello"}]}]}}';
    const doc = await openUntitled(line);
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    const role = diagnostics.find((d) => d.range.start.character === line.indexOf('"assistant"'));
    assert.ok(
      role,
      `a diagnostic on "assistant": ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.character]))}`,
    );
    const actions = await quickFixes(doc.uri, role.range);
    const fix = actions.find((a) => a.title.includes('"model"'));
    assert.ok(fix?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(doc.lineAt(0).text, line.replace('"assistant"', '"model"'));
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });

  test('a bare request line gets a warning and a quick fix that wraps it as {"key", "request"}', async () => {
    const keyed = `{"key": "a", "request": {${CONTENTS}}}`;
    const bare = `{${CONTENTS}}`;
    const doc = await openUntitled(`${keyed}\n${bare}`);
    const [diagnostic] = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.code === 'bare-request'));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.range.start.line, 1);
    assert.match(diagnostic.message, /matched by position/);
    const actions = await quickFixes(doc.uri, diagnostic.range);
    const fix = actions.find((a) => a.title === 'Wrap as {"key", "request"}');
    assert.ok(fix?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(doc.lineAt(1).text, `{"key": "request-2", "request": ${bare}}`);
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });

  test('a duplicate key: its related information points at the first key value; its quick fix renames the later one to a free key', async () => {
    const first = `{"key": "dup", "request": {${CONTENTS}}}`;
    const taken = `{"key": "dup-2", "request": {${CONTENTS}}}`;
    const doc = await openUntitled(`${first}\n${taken}\n{"key": "dup", "request": {${CONTENTS}}}`);
    const [diagnostic] = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.code === 'duplicate-key'));
    const related = diagnostic.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri.toString(), doc.uri.toString());
    assert.equal(doc.getText(related[0].location.range), '"dup"');
    assert.equal(related[0].location.range.start.line, 0);
    const actions = (await quickFixes(doc.uri, diagnostic.range)).filter((a) => a.edit);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Rename this key to "dup-3"'],
      '"dup-2" is taken: the next free one',
    );
    assert.equal(await vscode.workspace.applyEdit(actions[0].edit!), true);
    assert.equal(doc.lineAt(2).text, `{"key": "dup-3", "request": {${CONTENTS}}}`);
    assert.equal(doc.lineAt(0).text, first, 'the first line keeps its key');
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });

  test('an enum value in another case is a warning, and its quick fix writes the API value', async () => {
    const line = `{"key": "a", "request": {${CONTENTS}, "generationConfig": {"thinkingConfig": {"thinkingLevel": "High"}}}}`;
    const doc = await openUntitled(line);
    const [diagnostic] = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.code === 'enum-case'));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(diagnostic.range), '"High"');
    const fix = (await quickFixes(doc.uri, diagnostic.range)).find((a) => a.title === 'Change "High" to "HIGH"');
    assert.ok(fix?.edit);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(doc.lineAt(0).text, line.replace('"High"', '"HIGH"'));
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });

  test('"Fix all of this kind in the file" wraps every single value of every line in one edit', async () => {
    const single = '{"key": "k", "request": {"contents": {"role": "user", "parts": {"text": "Hi"}}}}';
    const doc = await openUntitled(
      [single.replace('"k"', '"a"'), `{"key": "b", "request": {${CONTENTS}}}`, single.replace('"k"', '"c"')].join('\n'),
    );
    const diagnostics = await waitForDiagnostics(
      doc.uri,
      (d) => d.filter((x) => x.code === 'single-value').length === 4,
    );
    assert.ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    const actions = await quickFixes(doc.uri, diagnostics[0].range, 10);
    const all = actions.find((a) => a.title.startsWith('Fix all of this kind in the file'));
    assert.ok(all?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await vscode.workspace.applyEdit(all.edit), true);
    const canonical = `{"key": "k", "request": {"contents": [{"role": "user", "parts": [{"text": "Hi"}]}]}}`;
    assert.equal(doc.lineAt(0).text, canonical.replace('"k"', '"a"'));
    assert.equal(doc.lineAt(2).text, canonical.replace('"k"', '"c"'));
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });

  test('a generation_config beside request is a warning, moved into request by its quick fix', async () => {
    const line = `{"key": "a", "request": {${CONTENTS}}, "generation_config": {"temperature": 0}}`;
    const doc = await openUntitled(line);
    const [diagnostic] = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.code === 'ignored-field'));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /ignored by the Batch API.*`request\.generationConfig`/);
    const fix = (await quickFixes(doc.uri, diagnostic.range)).find(
      (a) => a.title === 'Move "generation_config" into "request"',
    );
    assert.ok(fix?.edit);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.deepEqual(JSON.parse(doc.lineAt(0).text).request.generation_config, { temperature: 0 });
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });

  test('a trailing comma: "Remove trailing comma" removes it and the diagnostic goes away', async () => {
    const line = `{"key": "a", "request": {${CONTENTS}},}`;
    const doc = await openUntitled(line);
    const [diagnostic] = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.code === 'json-syntax'));
    assert.equal(doc.getText(diagnostic.range), ',');
    const fix = (await quickFixes(doc.uri, diagnostic.range)).find((a) => a.title === 'Remove trailing comma');
    assert.ok(fix?.edit);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(doc.lineAt(0).text, `{"key": "a", "request": {${CONTENTS}}}`);
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });

  test('an OpenAI line: the url gets its /v1 prefix, a missing custom_id one no line uses, on a short range', async () => {
    const body = '"body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}]}';
    const first = `{"custom_id": "request-2", "method": "POST", "url": "/v1/chat/completions", ${body}}`;
    const second = `{"method": "POST", "url": "/chat/completions", ${body}}`;
    const doc = await openUntitled(`${first}\n${second}`);
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length === 2);
    assert.deepEqual(
      summarize(diagnostics).map((d) => d[0]),
      ['missing-field', 'invalid-value'],
      'one error for the url (no mixed-url beside it)',
    );
    const missing = diagnostics.find((d) => d.code === 'missing-field')!;
    const url = diagnostics.find((d) => d.code === 'invalid-value')!;
    assert.equal(doc.getText(missing.range), '{');
    const urlFix = (await quickFixes(doc.uri, url.range)).find(
      (a) => a.title === 'Change url to "/v1/chat/completions"',
    );
    assert.ok(urlFix?.edit);
    assert.equal(await vscode.workspace.applyEdit(urlFix.edit), true);
    const [left] = await waitForDiagnostics(doc.uri, (d) => d.length === 1);
    const idFix = (await quickFixes(doc.uri, left.range)).find((a) => a.title.startsWith('Add "custom_id"'));
    assert.ok(idFix?.edit);
    assert.equal(idFix.title, 'Add "custom_id": "request-2-2"', 'request-2 is taken by line 1');
    assert.equal(await vscode.workspace.applyEdit(idFix.edit), true);
    assert.equal(doc.lineAt(1).text, `{"custom_id": "request-2-2", ${second.slice(1).replace('"/chat', '"/v1/chat')}`);
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
  });

  test("every quick fix for the sample workspace's mistakes leaves a clean line", async () => {
    const ext = await activateExtension();
    const text = fs.readFileSync(path.join(ext.extensionPath, 'sample', 'with-mistakes.jsonl'), 'utf8');
    const doc = await openUntitled(text);
    let diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    const applied: string[] = [];
    // One fix at a time, in a bounded loop: each edit moves the ranges of what follows on its line.
    for (let round = 0; round < 20; round++) {
      let fix: vscode.CodeAction | undefined;
      for (const d of diagnostics) {
        fix = (await quickFixes(doc.uri, d.range)).find((a) => a.edit !== undefined);
        if (fix) {
          break;
        }
      }
      if (!fix?.edit) {
        break;
      }
      applied.push(fix.title);
      const before = diagnostics.length;
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length < before);
    }
    assert.equal(applied.length, 6, `fixes applied: ${applied.join(' | ')}`);
    assert.ok(
      applied.some((t) => /^Rename this key to "/.test(t)),
      'the key used twice is renamed',
    );
    // What is left has no safe automatic fix: a missing bracket.
    assert.deepEqual(
      summarize(diagnostics).map((d) => d[0]),
      ['json-syntax'],
    );
  });
});
