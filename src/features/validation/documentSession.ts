import type * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import { DocumentValidator } from '../../core/validation';
import type { FileOutcome } from '../../core/validation/kindVote';
import type { Issue } from '../../core/validation/types';
import { type LineReplacement, toLineReplacements } from '../../core/validation/lineChanges';

/** Longest validation slice. With the event handling around it the host is never held for 50 ms. */
const SLICE_MS = 10;
/** Longest slice spent copying the document's lines into the validator while it loads. */
const LOAD_MS = 5;
/** An edit inserting more lines than this (a huge paste) is loaded in slices like a new document. */
const MAX_SYNC_INSERTED_LINES = 20_000;

/**
 * The live validation of one open document: a DocumentValidator fed from the document's change events and stepped in
 * short slices, yielding to the event loop (setImmediate) between them. The text is copied in line by line over
 * several slices too (`loaded` lines so far), because reading a 100k-line document at once holds the host too long.
 * `onUpToDate` fires each time the validator has caught up with the whole document.
 */
export class DocumentSession {
  private validator: DocumentValidator;
  private pending: NodeJS.Immediate | undefined;
  /** How many of the document's first lines the validator holds; the rest are still to be copied. */
  private loaded = 0;
  private failed = false;

  constructor(
    readonly document: vscode.TextDocument,
    private requestedKind: BatchKind | 'auto',
    /** The most problems shown; the validator keeps one more, so that "there are more" is known. */
    readonly maxIssues: number,
    private readonly onUpToDate: (session: DocumentSession) => void,
    private readonly onError: (error: unknown) => void,
  ) {
    this.validator = this.load();
  }

  /** The kind the session validates as: the requested one, or the detected one under 'auto'. */
  get kind(): BatchKind {
    return this.validator.kind;
  }

  /** What the document is, by the core's kind vote: a batch file, the results of a job, or other data ('auto' only). */
  get outcome(): FileOutcome {
    return this.validator.outcome;
  }

  get requested(): BatchKind | 'auto' {
    return this.requestedKind;
  }

  /** The issues as of the last time the validator was up to date. */
  issues(): Issue[] {
    return this.failed ? [] : this.validator.issues();
  }

  /** Validates again from scratch as another kind (an override or the setting changed). */
  setKind(kind: BatchKind | 'auto'): void {
    this.requestedKind = kind;
    this.validator = this.load();
  }

  /** Applies one change event, in the order VS Code reports the changes; the lines come from the updated document. */
  applyChanges(changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    if (this.failed || changes.length === 0) {
      return;
    }
    const replacements = toLineReplacements(changes, this.document);
    if (
      replacements === undefined ||
      replacements.reduce((n, r) => n + r.insertedLines.length, 0) > MAX_SYNC_INSERTED_LINES
    ) {
      this.validator = this.load();
      return;
    }
    try {
      for (const r of replacements) {
        this.replace(r);
      }
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.loaded > this.document.lineCount) {
      // A change the mapping did not foresee: never validate text that differs from the document.
      this.validator = this.load();
      return;
    }
    this.schedule();
  }

  dispose(): void {
    if (this.pending) {
      clearImmediate(this.pending);
      this.pending = undefined;
    }
    this.failed = true;
  }

  /** One replacement, clipped to the loaded lines: lines not copied yet are read from the document later anyway. */
  private replace(r: LineReplacement): void {
    if (r.startLine >= this.loaded) {
      return;
    }
    const end = r.startLine + r.deletedLineCount;
    if (end <= this.loaded) {
      this.validator.applyChange(r.startLine, r.deletedLineCount, r.insertedLines);
      this.loaded += r.insertedLines.length - r.deletedLineCount;
    } else {
      this.validator.applyChange(r.startLine, this.loaded - r.startLine, r.insertedLines);
      this.loaded = r.startLine + r.insertedLines.length;
    }
  }

  /** A new validator; the document's lines are copied in by the following slices. */
  private load(): DocumentValidator {
    const validator = new DocumentValidator({ kind: this.requestedKind, maxIssues: this.maxIssues + 1 });
    this.validator = validator;
    this.failed = false;
    this.loaded = 0;
    this.schedule();
    return validator;
  }

  /** Copies the next lines of the document for up to LOAD_MS. */
  private loadSome(): void {
    const deadline = performance.now() + LOAD_MS;
    const lines: string[] = [];
    const total = this.document.lineCount;
    let at = this.loaded;
    while (at < total) {
      lines.push(this.document.lineAt(at++).text);
      if ((at & 255) === 0 && performance.now() >= deadline) {
        break;
      }
    }
    if (this.loaded === 0) {
      this.validator.setText(lines.join('\n'));
    } else {
      this.validator.applyChange(this.loaded, 0, lines);
    }
    this.loaded = at;
  }

  private schedule(): void {
    if (this.pending === undefined && !this.failed) {
      this.pending = setImmediate(() => this.slice());
    }
  }

  private slice(): void {
    this.pending = undefined;
    let done: boolean;
    try {
      if (this.loaded < this.document.lineCount) {
        this.loadSome();
        done = false;
      } else {
        done = this.validator.step(SLICE_MS);
      }
    } catch (error) {
      this.fail(error);
      return;
    }
    if (done) {
      this.onUpToDate(this);
    } else {
      this.schedule();
    }
  }

  /** A bug in the validator must not take the editor down: stop this document and report once. */
  private fail(error: unknown): void {
    this.failed = true;
    this.onError(error);
  }
}
