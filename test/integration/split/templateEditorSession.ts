import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BuildResult } from '../../../src/core/build';

// What the template editor's tests share: starting "New Batch File from Data…" unscripted, and typing a template.

export const TEMPLATE_LANGUAGE = 'gemini-batch-template';

/** What the window shows, for a failure message: the active editor and the template documents open. */
export function windowState(): string {
  const active = vscode.window.activeTextEditor?.document;
  const templates = vscode.workspace.textDocuments.filter((d) => d.languageId === TEMPLATE_LANGUAGE);
  return `active editor: ${active ? `${active.uri.toString()} (${active.languageId})` : 'none'}; template documents: ${
    templates.map((d) => d.uri.toString()).join(', ') || 'none'
  }`;
}

/**
 * Starts "New Batch File from Data…" on `data` with no script, and resolves once its template editor is shown.
 * Fails with what the window shows, rather than hanging, if the build ends first or no template editor comes.
 * `fromExplorer`: called as the Explorer's context menu calls it, with the selection as the second argument.
 */
export async function openTemplateEditor(
  data: string,
  timeoutMs = 15000,
  fromExplorer = false,
): Promise<{ editor: vscode.TextEditor; build: Thenable<BuildResult | undefined> }> {
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const shown = new Promise<vscode.TextEditor>((resolve, reject) => {
    sub = vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e?.document.languageId === TEMPLATE_LANGUAGE) {
        resolve(e);
      }
    });
    timer = setTimeout(
      () => reject(new Error(`no template editor after ${timeoutMs} ms; ${windowState()}`)),
      timeoutMs,
    );
  });
  const uri = vscode.Uri.file(data);
  const build = fromExplorer
    ? vscode.commands.executeCommand<BuildResult | undefined>('geminiBatch.file.buildFromData', uri, [uri])
    : vscode.commands.executeCommand<BuildResult | undefined>('geminiBatch.file.buildFromData', uri);
  const ended = Promise.resolve(build).then((result) => {
    throw new Error(
      `the build ended (${JSON.stringify(result)}) before its template editor was shown; ${windowState()}`,
    );
  });
  try {
    return { editor: await Promise.race([shown, ended]), build };
  } finally {
    sub?.dispose();
    clearTimeout(timer);
  }
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
