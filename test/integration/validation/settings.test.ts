import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from '../helpers/extension';
import { waitForDiagnostics } from '../helpers/diagnostics';
import { closeAllEditors, openUntitled } from '../helpers/documents';

const LINE = (key: string) =>
  `{"key": "${key}", "request": {"contents": [{"role": "user", "parts": [{"text": "Hi"}]}], "config": {}}}`;

/** User-level settings (the test host's temporary profile), so the fixture workspace's files are never written. */
async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration('geminiBatch.validation')
    .update(key, value, vscode.ConfigurationTarget.Global);
}

suite('validation: settings', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(async () => {
    await setSetting('enabled', undefined);
    await setSetting('maxProblems', undefined);
    await setSetting('kind', undefined);
    await closeAllEditors();
  });

  test('geminiBatch.validation.enabled off clears the diagnostics; on brings them back', async () => {
    const doc = await openUntitled([LINE('a'), LINE('b')].join('\n'));
    await waitForDiagnostics(doc.uri, (d) => d.length === 2);
    await setSetting('enabled', false);
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
    await setSetting('enabled', true);
    await waitForDiagnostics(doc.uri, (d) => d.length === 2);
  });

  test('geminiBatch.validation.maxProblems caps the list and says that more exist', async () => {
    const doc = await openUntitled(Array.from({ length: 5 }, (_, i) => LINE(`k${i}`)).join('\n'));
    await waitForDiagnostics(doc.uri, (d) => d.length === 5);
    await setSetting('maxProblems', 2);
    const capped = await waitForDiagnostics(doc.uri, (d) => d.length === 3);
    assert.deepEqual(
      capped.map((d) => d.code),
      ['unknown-field', 'unknown-field', 'more-problems'],
    );
  });

  test('geminiBatch.validation.kind forces the kind of every file', async () => {
    const doc = await openUntitled(LINE('a'));
    await waitForDiagnostics(doc.uri, (d) => d.length === 1 && d[0].code === 'unknown-field');
    await setSetting('kind', 'openai');
    await waitForDiagnostics(doc.uri, (d) => d.length === 1 && d[0].code === 'wrong-kind');
  });
});
