import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SplitResult } from '../../../src/core/split';
import { waitForDiagnostics } from '../helpers/diagnostics';
import { closeAllEditors, openInEditor } from '../helpers/documents';
import { activateExtension } from '../helpers/extension';
import { answering, messagesAnswerable } from '../helpers/answeringMessages';

const LINE = (i: number): string =>
  `{"custom_id":"r${i}","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}`;

suite('split: Split into Parts', () => {
  let dir: string;
  suiteSetup(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-split-'));
  });
  teardown(closeAllEditors);
  suiteTeardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an OpenAI file past 50,000 requests gets the quick fix; running it writes parts within the cap, every line once', async function () {
    this.timeout(120_000);
    const file = path.join(dir, 'many.jsonl');
    const body = Array.from({ length: 50_003 }, (_, i) => `${LINE(i)}\n`).join('');
    fs.writeFileSync(file, body);
    const doc = await openInEditor(vscode.Uri.file(file));
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.code === 'too-many-lines'), 60_000);
    const diagnostic = diagnostics.find((d) => d.code === 'too-many-lines') as vscode.Diagnostic;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const split = actions.find((a) => a.title === 'Split into Parts');
    assert.ok(split?.command, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(split.command.command, 'geminiBatch.file.split');
    const result = await vscode.commands.executeCommand<SplitResult>(
      split.command.command,
      ...(split.command.arguments ?? []),
    );
    assert.deepEqual(result.requests, [50_000, 3]);
    assert.deepEqual(
      result.parts.map((p) => path.basename(p)),
      ['many.part-01.jsonl', 'many.part-02.jsonl'],
    );
    assert.equal(result.parts.map((p) => fs.readFileSync(p, 'utf8')).join(''), body);
  });

  test('no quick fix on a file within the limits', async () => {
    const file = path.join(dir, 'few.jsonl');
    fs.writeFileSync(file, `${LINE(1)}\n${LINE(1)}\n`);
    const doc = await openInEditor(vscode.Uri.file(file));
    const [diagnostic] = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.code === 'duplicate-key'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.equal(
      actions.some((a) => a.title === 'Split into Parts'),
      false,
    );
  });

  test('a file within the limits, split from the palette, offers a smaller split: parts of N requests', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const file = path.join(dir, 'five.jsonl');
    fs.writeFileSync(file, [1, 2, 3, 4, 5].map((i) => `${LINE(i)}\n`).join(''));
    const parts = ['data.part-01.jsonl', 'data.part-02.jsonl', 'data.part-03.jsonl'].map((p) =>
      path.join(dir, p.replace('data', 'five')),
    );
    // The parts are renamed into place once all are written: the last one's arrival means the split is done.
    const written = new Promise<void>((resolve) => {
      const watcher = fs.watch(dir, () => {
        if (fs.existsSync(parts[2])) {
          watcher.close();
          resolve();
        }
      });
    });
    const window = vscode.window as unknown as { showInputBox: (...args: unknown[]) => Thenable<string | undefined> };
    const showInputBox = window.showInputBox;
    window.showInputBox = () => Promise.resolve('2');
    try {
      const { questions } = await answering('showInformationMessage', 'Split Smaller…', () =>
        vscode.commands.executeCommand<SplitResult>('geminiBatch.file.split', vscode.Uri.file(file)),
      );
      assert.match(questions[0]?.message ?? '', /no need to split it/);
      await written;
    } finally {
      window.showInputBox = showInputBox;
    }
    assert.deepEqual(
      parts.map((p) => fs.readFileSync(p, 'utf8').split('\n').filter(Boolean).length),
      [2, 2, 1],
    );
  });
});
