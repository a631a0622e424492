import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BuildResult } from '../../../src/core/build';

// What the template editor's tests share: starting "New Batch File from Data…" unscripted, and typing a template.

export const TEMPLATE_LANGUAGE = 'gemini-batch-template';

/** Starts "New Batch File from Data…" on `data` with no script, and resolves once its template editor is shown. */
export async function openTemplateEditor(
  data: string,
): Promise<{ editor: vscode.TextEditor; build: Thenable<BuildResult | undefined> }> {
  const shown = new Promise<vscode.TextEditor>((resolve) => {
    const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e?.document.languageId === TEMPLATE_LANGUAGE) {
        sub.dispose();
        resolve(e);
      }
    });
  });
  const build = vscode.commands.executeCommand<BuildResult | undefined>(
    'geminiBatch.file.buildFromData',
    vscode.Uri.file(data),
  );
  return { editor: await shown, build };
}

/** Replaces the whole text of `editor` with `text`. */
export async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  assert.ok(await editor.edit((e) => e.replace(whole, text)), 'the edit applies');
}

/** The tabs showing `uri`, in any group. */
export function tabsOf(uri: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()),
  );
}
