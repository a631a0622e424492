import * as vscode from 'vscode';
import { isWrittenResultsName } from '../../../core/jobs/resultFileNames';
import { outcomeFacts, outcomeLabel } from '../../../core/results/outcomeLabel';
import { answerText } from '../../../core/results/answerText';
import { lineKey } from '../../../core/results/requestIds';
import { ResultIndex, type IndexedLine } from '../../../core/results/resultIndex';
import type { ResultRow } from '../../../core/results/resultRow';
import type { OutcomeFiles } from './outcomeSource';

/** Lines above and below the visible ranges that are decorated too, so a short scroll shows them at once. */
const MARGIN = 20;
/** The hover holds the whole answer, up to this many characters (a 1 MB answer would freeze the hover). */
const HOVER_CHARS = 20_000;
/** Result indexes kept (per results file set): one per open input is plenty. */
const MAX_INDEXES = 4;
/** Decoded rows kept, so typing and scrolling back do not read the same lines again. */
const MAX_ROWS = 1000;

function parseLine(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The hover: the facts, then the whole answer, as escaped text (model output is untrusted: no links, no HTML). */
function hoverOf(row: ResultRow): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendText(outcomeFacts(row).join('\n'));
  const answer = answerText(row.parts);
  if (answer) {
    md.appendMarkdown('\n\n---\n\n');
    md.appendText(answer.length > HOVER_CHARS ? `${answer.slice(0, HOVER_CHARS)}…` : answer);
  }
  return md;
}

/** What was last drawn on a line (the tests read it: decorations cannot be read back from the editor). */
export interface RenderedOutcome {
  /** 0-based. */
  line: number;
  ok: boolean;
  label: string;
  hover: vscode.MarkdownString;
}

/**
 * Shows each input line's outcome at its end (outcomeLabel) with the whole answer on hover. Only the visible lines
 * (plus a margin) are looked up: the result files are indexed by key → offset once per version and rows are read on
 * demand, so memory does not grow with the file. Results are matched by key; keyless lines by order.
 */
export class OutcomeDecorator implements vscode.Disposable {
  private readonly okType = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly failedType = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorError.foreground'), fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly indexes = new Map<string, Promise<ResultIndex>>();
  private readonly rows = new Map<string, ResultRow>();
  /** Per editor, the latest render: an older one that finishes later is dropped. */
  private readonly generations = new WeakMap<vscode.TextEditor, number>();
  private readonly drawn = new Map<string, RenderedOutcome[]>();
  private readonly didRender = new vscode.EventEmitter<vscode.Uri>();
  /** After each render of a document's editor (with outcomes or cleared). */
  readonly onDidRender = this.didRender.event;

  constructor(
    private readonly filesFor: (fsPath: string) => OutcomeFiles | undefined,
    private readonly enabled: () => boolean,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Re-renders `editor` (or clears it when outcomes are off or it has no results). Never throws. */
  render(editor: vscode.TextEditor): void {
    const generation = (this.generations.get(editor) ?? 0) + 1;
    this.generations.set(editor, generation);
    this.compute(editor).then((decorations) => {
      if (this.generations.get(editor) !== generation) {
        return;
      }
      editor.setDecorations(this.okType, decorations?.ok ?? []);
      editor.setDecorations(this.failedType, decorations?.failed ?? []);
      const drawn = [...(decorations?.ok ?? []), ...(decorations?.failed ?? [])]
        .map((d) => ({
          line: d.range.start.line,
          ok: decorations!.ok.includes(d),
          label: d.renderOptions?.after?.contentText ?? '',
          hover: d.hoverMessage as vscode.MarkdownString,
        }))
        .sort((a, b) => a.line - b.line);
      if (drawn.length > 0) {
        this.drawn.set(editor.document.uri.toString(), drawn);
      } else {
        this.drawn.delete(editor.document.uri.toString());
      }
      this.didRender.fire(editor.document.uri);
    }, this.onError);
  }

  /** The outcomes last drawn in `uri`'s editor, by line. */
  rendered(uri: vscode.Uri): RenderedOutcome[] {
    return this.drawn.get(uri.toString()) ?? [];
  }

  /** Forgets the indexes (results were downloaded, merged or changed). */
  invalidate(): void {
    this.indexes.clear();
    this.rows.clear();
  }

  dispose(): void {
    this.okType.dispose();
    this.failedType.dispose();
    this.didRender.dispose();
    this.drawn.clear();
    this.invalidate();
  }

  private async compute(
    editor: vscode.TextEditor,
  ): Promise<{ ok: vscode.DecorationOptions[]; failed: vscode.DecorationOptions[] } | undefined> {
    const doc = editor.document;
    if (!this.enabled() || doc.uri.scheme !== 'file' || isWrittenResultsName(doc.uri.fsPath)) {
      return undefined;
    }
    const files = this.filesFor(doc.uri.fsPath);
    if (!files) {
      return undefined;
    }
    const index = await this.indexFor(files);
    const lines = visibleLines(editor);
    const ordinals = index.hasKeyless ? keylessOrdinals(doc, Math.max(...lines, 0)) : undefined;
    const out = { ok: [] as vscode.DecorationOptions[], failed: [] as vscode.DecorationOptions[] };
    for (const lineNo of lines) {
      const line = doc.lineAt(lineNo);
      if (line.isEmptyOrWhitespace) {
        continue;
      }
      const parsed = parseLine(line.text);
      if (!parsed) {
        continue;
      }
      const ref = index.find({ key: lineKey(parsed), lineNo: lineNo + 1, keylessOrdinal: ordinals?.get(lineNo) });
      if (!ref) {
        continue;
      }
      const row = await this.rowAt(index, files.stamp, ref);
      const end = line.range.end;
      (row.ok ? out.ok : out.failed).push({
        range: new vscode.Range(end, end),
        hoverMessage: hoverOf(row),
        renderOptions: { after: { contentText: outcomeLabel(row) } },
      });
    }
    return out;
  }

  private async rowAt(index: ResultIndex, stamp: string, ref: IndexedLine): Promise<ResultRow> {
    const id = `${stamp}#${ref.file}:${ref.offset}`;
    let row = this.rows.get(id);
    if (!row) {
      row = await index.row(ref);
      if (this.rows.size >= MAX_ROWS) {
        this.rows.delete(this.rows.keys().next().value as string);
      }
      this.rows.set(id, row);
    }
    return row;
  }

  private indexFor(files: OutcomeFiles): Promise<ResultIndex> {
    let index = this.indexes.get(files.stamp);
    if (!index) {
      if (this.indexes.size >= MAX_INDEXES) {
        this.indexes.delete(this.indexes.keys().next().value as string);
      }
      index = ResultIndex.build(files.paths);
      index.catch(() => this.indexes.delete(files.stamp));
      this.indexes.set(files.stamp, index);
    }
    return index;
  }
}

/** The visible lines and a margin around them, each once, in order. */
function visibleLines(editor: vscode.TextEditor): number[] {
  const lines = new Set<number>();
  const last = editor.document.lineCount - 1;
  for (const range of editor.visibleRanges) {
    for (let n = Math.max(0, range.start.line - MARGIN); n <= Math.min(last, range.end.line + MARGIN); n++) {
      lines.add(n);
    }
  }
  return [...lines].sort((a, b) => a - b);
}

/** Each keyless request line's position among the keyless ones, up to line `upTo` (only when results lack keys). */
function keylessOrdinals(doc: vscode.TextDocument, upTo: number): Map<number, number> {
  const ordinals = new Map<number, number>();
  for (let n = 0, count = 0; n <= upTo; n++) {
    const text = doc.lineAt(n).text;
    if (!text.trim()) {
      continue;
    }
    const parsed = parseLine(text);
    if (parsed && lineKey(parsed) === undefined) {
      ordinals.set(n, count++);
    }
  }
  return ordinals;
}
