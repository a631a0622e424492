import * as vscode from 'vscode';
import type { BuildPreview } from '../../core/build';
import { closingAfter, openPlaceholder, placeholderAt } from '../../core/build/templatePlaceholders';
import {
  firstLine,
  firstProblem,
  previewOf,
  previewSummary,
  starterTemplate,
  templateDiagnostics,
  type TemplateData,
} from './templateCheck';
import { closeUnasked, openTemplateDocument } from './templateDocument';
import { TEMPLATE_SCHEME, TemplateFiles } from './templateFiles';

/** The language of template documents (package.json names it; its grammar is JSON's with placeholders marked). */
export const TEMPLATE_LANGUAGE = 'gemini-batch-template';
export const USE_TEMPLATE_COMMAND = 'geminiBatch.file.useTemplate';

interface Session {
  data: TemplateData;
  preview: BuildPreview;
  settle(template: string | undefined): void;
}

/**
 * The template editor of "New Batch File from Data…": the template line is written in a real editor (a document of
 * its own language, in memory: templateFiles.ts) that completes the data's column names after `{{`, shows each column's first values
 * on hover, and checks the template as it is typed by rendering the data's first rows as the build would
 * (diagnostics, and a CodeLens saying which kind of line it makes). "Use This Template" on that lens hands the text
 * to the build; closing the document cancels. Owns its providers, its diagnostics and the sessions it opened.
 */
export class TemplateEditors implements vscode.Disposable {
  private readonly sessions = new Map<string, Session>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('geminiBatch.template');
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  private readonly files = new TemplateFiles();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    const selector: vscode.DocumentSelector = { language: TEMPLATE_LANGUAGE };
    this.disposables = [
      this.diagnostics,
      this.lensesChanged,
      this.files,
      vscode.workspace.registerFileSystemProvider(TEMPLATE_SCHEME, this.files, { isCaseSensitive: true }),
      vscode.languages.registerCompletionItemProvider(
        selector,
        { provideCompletionItems: (d, p) => this.complete(d, p) },
        '{',
      ),
      vscode.languages.registerHoverProvider(selector, { provideHover: (d, p) => this.hover(d, p) }),
      vscode.languages.registerCodeLensProvider(selector, {
        onDidChangeCodeLenses: this.lensesChanged.event,
        provideCodeLenses: (d) => this.lenses(d),
      }),
      vscode.commands.registerCommand(USE_TEMPLATE_COMMAND, (uri?: vscode.Uri) => this.use(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.check(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.sessions.get(d.uri.toString())?.settle(undefined)),
      // A document of a file system outlives its last editor (VS Code disposes it later): the build is cancelled
      // when the last tab showing it closes.
      vscode.window.tabGroups.onDidChangeTabs((e) => this.closedTabs(e.closed)),
    ];
  }

  /**
   * Opens a template for `data` (read from the file `dataPath`, which titles it) and resolves to the text the user
   * chose to use, or undefined when they closed it. By the time it resolves the template's editor is closed.
   */
  async edit(data: TemplateData, dataPath: string): Promise<string | undefined> {
    const document = await openTemplateDocument(this.files, dataPath, TEMPLATE_LANGUAGE, starterTemplate(data));
    const key = document.uri.toString();
    const chosen = new Promise<string | undefined>((resolve) => {
      this.sessions.set(key, {
        data,
        preview: previewOf(data, document.getText()),
        settle: (template) => {
          this.sessions.delete(key);
          this.diagnostics.delete(document.uri);
          this.files.remove(document.uri);
          resolve(template);
        },
      });
    });
    this.check(document);
    // Pinned: a clean document opens in preview mode, and the next file clicked in the Explorer would replace it
    // (closing its last tab cancels the build).
    await vscode.window.showTextDocument(document, { preview: false });
    return chosen;
  }

  private closedTabs(closed: readonly vscode.Tab[]): void {
    const shown = new Set(
      vscode.window.tabGroups.all.flatMap((g) =>
        g.tabs.flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri.toString()] : [])),
      ),
    );
    for (const tab of closed) {
      const key = tab.input instanceof vscode.TabInputText ? tab.input.uri.toString() : undefined;
      if (key && !shown.has(key)) {
        this.sessions.get(key)?.settle(undefined);
      }
    }
  }

  private check(document: vscode.TextDocument): void {
    const session = this.sessions.get(document.uri.toString());
    if (!session) {
      return;
    }
    session.preview = previewOf(session.data, document.getText());
    this.diagnostics.set(document.uri, templateDiagnostics(document, session.preview));
    this.lensesChanged.fire();
  }

  private complete(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const session = this.sessions.get(document.uri.toString());
    const line = document.lineAt(position.line).text;
    const open = openPlaceholder(line, position.character);
    if (!session || !open) {
      return undefined;
    }
    const range = new vscode.Range(
      position.line,
      open.start,
      position.line,
      position.character + closingAfter(line, position.character),
    );
    return session.data.columns.map((column, i) => {
      const item = new vscode.CompletionItem(column, vscode.CompletionItemKind.Field);
      item.detail = vscode.l10n.t('column of the data');
      item.documentation = firstValues(session.data, column);
      item.insertText = `{{${column}}}`;
      // The typed text starts at `{{`, so the filter must too.
      item.filterText = `{{${column}`;
      item.range = range;
      item.sortText = String(i).padStart(4, '0');
      return item;
    });
  }

  private hover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const session = this.sessions.get(document.uri.toString());
    const span = placeholderAt(document.getText(), document.offsetAt(position));
    if (!session || !span) {
      return undefined;
    }
    // The data is the user's, not markup: its values are shown as a code block.
    const content = session.data.columns.includes(span.column)
      ? new vscode.MarkdownString().appendCodeblock(firstValues(session.data, span.column), 'text')
      : new vscode.MarkdownString().appendText(vscode.l10n.t('No column named "{0}".', span.column));
    return new vscode.Hover(content, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)));
  }

  private lenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const session = this.sessions.get(document.uri.toString());
    if (!session) {
      return [];
    }
    const top = new vscode.Range(0, 0, 0, 0);
    const line = firstLine(session.preview);
    return [
      new vscode.CodeLens(top, {
        title: vscode.l10n.t('$(play) Use This Template'),
        command: USE_TEMPLATE_COMMAND,
        arguments: [document.uri],
      }),
      new vscode.CodeLens(top, {
        title: previewSummary(session.preview),
        command: '',
        tooltip: line === undefined ? undefined : vscode.l10n.t('Row 1: {0}', line),
      }),
    ];
  }

  /** "Use This Template": refused with the first problem while the preview shows one. */
  private async use(uri: vscode.Uri | undefined): Promise<boolean> {
    const document = vscode.workspace.textDocuments.find(
      (d) => d.uri.toString() === (uri ?? vscode.window.activeTextEditor?.document.uri)?.toString(),
    );
    const session = document && this.sessions.get(document.uri.toString());
    if (!document || !session) {
      return false;
    }
    const problem = firstProblem(session.preview);
    if (problem !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Fix the template first. {0}', problem));
      return false;
    }
    const text = document.getText();
    // Detached first, so that closing it below is not taken for "closed: cancel the build".
    this.sessions.delete(document.uri.toString());
    // Closed *before* the text is handed on: the build's next question is a quick pick, and closing an editor while
    // a quick pick is up moves the focus to the next editor, which dismisses the pick (it is not `ignoreFocusOut`):
    // the build then read "no keys" and stopped, the template lost.
    await closeUnasked(document);
    session.settle(text);
    return true;
  }

  dispose(): void {
    for (const session of [...this.sessions.values()]) {
      session.settle(undefined);
    }
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}

/** A column's values in the first rows, one per row, shortened: what completion and hover show. */
function firstValues(data: TemplateData, column: string): string {
  const values = data.rows.flatMap((row) =>
    'values' in row && column in row.values ? [`row ${row.row}: ${JSON.stringify(row.values[column])}`] : [],
  );
  return values.map((v) => (v.length > 80 ? `${v.slice(0, 80)}…` : v)).join('\n');
}
