import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from '../helpers/extension';
import { waitForDiagnostics } from '../helpers/diagnostics';
import { closeAllEditors, replaceLine } from '../helpers/documents';
import { ImmediateCallbackTimer } from '../helpers/callbackTimer';
import { EventLoopMonitor } from '../helpers/eventLoopMonitor';

const LINES = 100_000;
/** The budget the feature promises: the host is never held longer than this at a time (a slice is ≤ 10 ms). */
const MAX_HOLD_MS = 50;
/**
 * What this test asserts. Speed targets are checked by `npm run bench`, not by timed tests (a loaded machine would make
 * this one flaky): the assertion catches the regression that matters, validation that stops slicing and holds the host
 * for the whole 30 MB document (well over a second), while the measured hold is printed against the 50 ms target.
 */
const REGRESSION_BOUND_MS = 5 * MAX_HOLD_MS;

function line(i: number): string {
  // Every 1000th line has a type error, so there are 100 problems spread over the file.
  const text = i % 1000 === 999 ? 42 : `"Question number ${i}: what is ${i} squared?"`;
  // About 300 characters, like a real prompt line.
  const system =
    '"You are a careful tutor. Answer in one short paragraph, show the working, and state the final result on its own line."';
  return `{"key": "q${i}", "request": {"systemInstruction": {"parts": [{"text": ${system}}]}, "contents": [{"role": "user", "parts": [{"text": ${text}}]}], "generationConfig": {"temperature": 0.2}}}`;
}

suite('validation: a 100k-line document', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(closeAllEditors);

  test(`is validated in slices: the host is never held for the whole document (target ${MAX_HOLD_MS} ms a hold)`, async function () {
    this.timeout(120000);
    const text = Array.from({ length: LINES }, (_, i) => line(i)).join('\n');
    // Not shown in an editor: built-in extensions that scan visible editors (merge-conflict) would work on the same
    // 30 MB text in the same host, and this test measures this extension.
    const slices = new ImmediateCallbackTimer().install();
    let opening: { longest: number; count: number };
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument({ language: 'jsonl', content: text });
      const first = await waitForDiagnostics(doc.uri, (d) => d.length >= 100, 90000);
      assert.equal(first.filter((d) => d.code === 'type-mismatch').length, 100);
    } finally {
      opening = slices.uninstall();
    }
    // An edit: the change handler runs inside VS Code's event dispatch, so here the whole event loop is watched.
    const editing = new EventLoopMonitor().start();
    await replaceLine(doc, 50_000, line(50_000).replace('"contents"', '"contentz"'));
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.range.start.line === 50_000), 30000);
    const edit = editing.stop();
    // Close it here: a document no editor shows is closed whenever VS Code gets to it, and the next test's untitled
    // document would get the same name (Untitled-1) while this one's diagnostics may still be on it.
    const closed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === doc) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
    await waitForDiagnostics(doc.uri, (d) => d.length === 0);
    const shown =
      `opening: longest slice ${opening.longest.toFixed(1)} ms of ${opening.count}; editing: longest hold ${edit.longest.toFixed(1)} ms ` +
      `(wall ${edit.wall.toFixed(1)} ms, thread CPU ${edit.cpu?.toFixed(1) ?? 'n/a'} ms, GC ${edit.gc.toFixed(1)} ms)`;
    console.log(`      ${shown}`);
    assert.ok(opening.count > 10, `validated in slices (${opening.count})`);
    assert.ok(opening.longest <= REGRESSION_BOUND_MS, `a validation slice held the host too long: ${shown}`);
    assert.ok(edit.longest <= REGRESSION_BOUND_MS, `an edit held the host too long: ${shown}`);
  });
});
