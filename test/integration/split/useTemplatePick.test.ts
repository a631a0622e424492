import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { messagesAnswerable } from '../helpers/answeringMessages';
import { waitForDiagnostics } from '../helpers/diagnostics';
import { closeAllEditors } from '../helpers/documents';
import { activateExtension } from '../helpers/extension';
import { openTemplateEditor, tabsOf, windowState } from './templateEditorSession';

type ShowQuickPick = (items: unknown, options?: vscode.QuickPickOptions, token?: unknown) => Thenable<unknown>;

/**
 * Runs `action` while `vscode.window.showQuickPick` is watched, not replaced: each call goes to the real picker of
 * the workbench, which stays up for as long as it would for a user. `up` resolves once a real picker has its items
 * and one of them active (its `onDidSelectItem`); `closed`, once the picker was answered or dismissed.
 */
async function watchingPicks<T>(
  action: (pick: { up: Promise<void>; closed: Promise<unknown> }) => Promise<T>,
): Promise<T> {
  const window = vscode.window as unknown as { showQuickPick: ShowQuickPick };
  const original = window.showQuickPick;
  let markUp: () => void = () => undefined;
  let markClosed: (picked: unknown) => void = () => undefined;
  const up = new Promise<void>((resolve) => (markUp = resolve));
  const closed = new Promise<unknown>((resolve) => (markClosed = resolve));
  window.showQuickPick = (items, options, token) => {
    const onDidSelectItem = (item: unknown): unknown => {
      markUp();
      return options?.onDidSelectItem?.(item as vscode.QuickPickItem);
    };
    const shown = original.call(vscode.window, items, { ...options, onDidSelectItem }, token);
    void Promise.resolve(shown).then(markClosed, markClosed);
    return shown;
  };
  try {
    return await action({ up, closed });
  } finally {
    window.showQuickPick = original;
  }
}

suite('build: Use This Template, answered in the real quick pick', function () {
  // One retry, as the template editor suite: in a full run (ci-r, 7a2380f) the palette test's Use This Template
  // returned false (the template not found as the active editor's, or refused); alone it passes, cause not found.
  // The assertion now says what the window showed. A real break fails both attempts.
  this.retries(1);
  let dir: string;
  let data: string;
  suiteSetup(async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-usetpl-'));
    data = path.join(dir, 'questions.csv');
    fs.writeFileSync(data, 'id,question,topic\nq1,"What is ""batch""?",dogs\nq2,Why?,cats\n');
  });
  teardown(closeAllEditors);
  suiteTeardown(() => {
    if (dir) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // The UX review: the keys pick opened, then closed as the template's tab closed; nothing was written.
  // The CodeLens passes the template's uri; the palette passes nothing (the active editor's).
  for (const via of ['lens', 'palette'] as const) {
    test(`the keys pick that follows the template stays up until answered, and the file is written (${via})`, async () => {
      const out = path.join(dir, `questions.${via}.jsonl`);
      const { editor, build } = await openTemplateEditor(data);
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, (ds) => ds.length === 0);
      const window = vscode.window as unknown as Record<string, unknown>;
      const showSaveDialog = window.showSaveDialog;
      // Only the save dialog is answered by a stand-in: it is the OS's, not the workbench's.
      window.showSaveDialog = () => Promise.resolve(vscode.Uri.file(out));
      try {
        await watchingPicks(async ({ up, closed }) => {
          const arg = via === 'lens' ? uri : undefined;
          const before = windowState();
          const used = await vscode.commands.executeCommand('geminiBatch.file.useTemplate', arg);
          assert.equal(used, true, `Use This Template refused; before it, ${before}; after, ${windowState()}`);
          assert.deepEqual(tabsOf(uri), [], 'the template is closed');
          const first = await Promise.race([up.then(() => 'up'), closed.then((picked) => ({ picked }))]);
          assert.equal(first, 'up', 'the keys pick was dismissed before it could be answered');
          // Row numbers, then the columns in order: the next one is "id".
          await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          assert.equal(((await closed) as vscode.QuickPickItem | undefined)?.label, 'id', 'the pick was answered');
        });
      } finally {
        window.showSaveDialog = showSaveDialog;
      }
      const result = await build;
      assert.equal(result?.written, 2, 'the file was written');
      const lines = fs
        .readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepEqual(
        lines.map((l) => [l.key, l.request.contents[0].parts[0].text]),
        [
          ['q1', 'What is "batch"?'],
          ['q2', 'Why?'],
        ],
      );
    });
  }
});
