import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BatchKind } from '../../../src/core/batchKind';
import { waitForDiagnostics } from '../helpers/diagnostics';
import { closeAllEditors, openUntitled } from '../helpers/documents';
import { batchApi } from '../jobs/runHelpers';

/** The prefixes of snippets/jsonl.code-snippets by kind (what the user types to get them). */
const PREFIXES: Record<BatchKind, string[]> = {
  'gemini-generate': [
    ...['batch-text', 'gemini-text', 'batch-system', 'gemini-system', 'batch-json', 'gemini-json'],
    ...['batch-image', 'gemini-image', 'batch-thinking', 'gemini-thinking'],
  ],
  'gemini-embed': ['batch-embed', 'gemini-embed'],
  openai: ['openai-chat', 'batch-openai-chat', 'openai-embed', 'batch-openai-embed'],
};

// Each line is given twice: the repeated key is an error, so the test can wait for the file to be validated (its kind
// known) while the lines still parse and tell the kind.
const LINES: Record<BatchKind, string> = {
  'gemini-generate': '{"key": "a", "request": {"contents": [{"role": "user", "parts": [{"text": "Hi"}]}]}}',
  'gemini-embed': '{"key": "a", "request": {"content": {"parts": [{"text": "Hi"}]}, "taskType": "CLUSTERING"}}',
  openai: '{"custom_id": "a", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m", "messages": []}}',
};

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('validation: snippets for the file kind first', () => {
  teardown(closeAllEditors);

  /** The snippet items offered on the empty third line, in the order the suggest widget shows them. */
  async function snippetsAfter(kind: BatchKind): Promise<string[]> {
    const api = await batchApi();
    const doc = await openUntitled(`${LINES[kind]}\n${LINES[kind]}\n`);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    assert.equal(api.documentKind(doc.uri), kind, 'the file is detected as its kind');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(2, 0),
    );
    return list.items
      .filter((i) => i.kind === vscode.CompletionItemKind.Snippet)
      .sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)))
      .map(labelOf);
  }

  for (const kind of ['gemini-generate', 'openai', 'gemini-embed'] as const) {
    test(`in a ${kind} file its own snippets come first, each prefix once`, async () => {
      const labels = await snippetsAfter(kind);
      const all = Object.values(PREFIXES).flat();
      assert.deepEqual([...labels].sort(), [...all].sort(), 'every snippet, none twice');
      const own = PREFIXES[kind];
      assert.deepEqual(new Set(labels.slice(0, own.length)), new Set(own), `first: ${labels.join(', ')}`);
    });
  }

  test('no snippet inside a line', async () => {
    const line = '{"key": "a", "request": {"contents": [], }}';
    const doc = await openUntitled(`${line}\n`);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(0, line.length - 2),
    );
    const labels = list.items.map(labelOf);
    assert.ok(!labels.some((l) => Object.values(PREFIXES).flat().includes(l)), `offered: ${labels.join(', ')}`);
  });
});
