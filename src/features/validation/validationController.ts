import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import { kindToValidate } from '../../core/jobs/resultFileNames';
import type { Issue } from '../../core/validation/types';
import type { Log } from '../../adapters/log';
import { DocumentSession } from './documentSession';
import { toDiagnostics } from './issueDiagnostics';
import type { KindOverrides } from './kindOverrides';
import { onDidChangeValidationSettings, readValidationSettings } from './validationSettings';

/** Schemes whose jsonl documents are the user's files (not git's old versions or output channels). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

/** What the status bar shows for a document. */
export interface DocumentKindInfo {
  kind: BatchKind;
  overridden: boolean;
}

/**
 * Live validation of open jsonl documents: one DocumentSession per document, diagnostics in the `geminiBatch`
 * collection, cleared on close. Under the 'auto' kind, the core's kind vote decides what a document is: files with no
 * batch lines (log records and such) and the results of a job get no diagnostics; a per-file kind validates them. The
 * `geminiBatch.validation.kind` setting does not reach the result files the extension writes (`kindToValidate`).
 */
export class ValidationController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('geminiBatch');
  private readonly sessions = new Map<string, DocumentSession>();
  /** Documents seen to be batch files; sticky so that a half-typed first line does not hide everything. */
  private readonly batchDocuments = new Set<string>();
  private readonly updated = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidUpdate = this.updated.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly overrides: KindOverrides,
    private readonly log: Log,
  ) {
    this.disposables.push(
      this.collection,
      this.updated,
      vscode.workspace.onDidOpenTextDocument((doc) => this.refresh(doc)),
      // Only the closed document's own session: VS Code reuses an untitled name (Untitled-1) for a new document,
      // which can open before the old one's close event arrives.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.sessions.get(doc.uri.toString())?.document === doc) {
          this.close(doc.uri);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        const session = this.sessions.get(e.document.uri.toString());
        if (session?.document === e.document) {
          session.applyChanges(e.contentChanges);
        }
      }),
      onDidChangeValidationSettings(() => this.refreshAll()),
      overrides.onDidChange((uri) => {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (doc) {
          this.refresh(doc);
        }
      }),
    );
    this.refreshAll();
  }

  /** The kind shown for a document, or undefined when it is not validated (not jsonl, disabled, not batch lines). */
  kindInfo(uri: vscode.Uri): DocumentKindInfo | undefined {
    const session = this.sessions.get(uri.toString());
    if (!session || !this.shows(session)) {
      return undefined;
    }
    return { kind: session.kind, overridden: this.overrides.get(uri) !== undefined };
  }

  /** Whether an open document holds the results of a job (output lines, a joined file): shown as such, not validated. */
  isResults(uri: vscode.Uri): boolean {
    const session = this.sessions.get(uri.toString());
    return session !== undefined && session.requested === 'auto' && session.outcome === 'results';
  }

  /** The current issues of an open document (what its diagnostics were made from). */
  issues(uri: vscode.Uri): Issue[] {
    const session = this.sessions.get(uri.toString());
    return session && this.shows(session) ? session.issues() : [];
  }

  dispose(): void {
    for (const session of this.sessions.values()) {
      session.dispose();
    }
    this.sessions.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      this.refresh(doc);
    }
  }

  /** Starts, restarts, re-kinds or stops the session of one document to match its language and the settings. */
  private refresh(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const settings = readValidationSettings(doc.uri);
    if (doc.languageId !== 'jsonl' || !SCHEMES.has(doc.uri.scheme) || !settings.enabled) {
      this.close(doc.uri);
      return;
    }
    // The files this extension writes as results are judged by their lines even under a kind setting.
    const kind = kindToValidate(doc.uri.path, this.overrides.get(doc.uri), settings.kind);
    const existing = this.sessions.get(key);
    if (existing && existing.document === doc && existing.maxIssues === settings.maxProblems) {
      if (existing.requested !== kind) {
        existing.setKind(kind);
      } else {
        this.publish(existing);
      }
      return;
    }
    existing?.dispose();
    this.sessions.set(
      key,
      new DocumentSession(
        doc,
        kind,
        settings.maxProblems,
        (s) => this.publish(s),
        (error) => {
          this.log.error(
            `[validation] validating ${doc.uri.fsPath} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
        },
      ),
    );
  }

  private close(uri: vscode.Uri): void {
    const key = uri.toString();
    this.sessions.get(key)?.dispose();
    this.sessions.delete(key);
    this.batchDocuments.delete(key);
    this.collection.delete(uri);
    this.updated.fire(uri);
  }

  /**
   * Whether a session's findings are shown: always for an explicit kind; else for batch files, by the core's kind vote
   * (sticky, so that a half-typed first line does not hide everything), never for the results of a job.
   */
  private shows(session: DocumentSession): boolean {
    if (session.requested !== 'auto') {
      return true;
    }
    const key = session.document.uri.toString();
    switch (session.outcome) {
      case 'results':
        return false;
      case 'batch':
        this.batchDocuments.add(key);
        return true;
      default:
        return this.batchDocuments.has(key);
    }
  }

  private publish(session: DocumentSession): void {
    const uri = session.document.uri;
    if (this.sessions.get(uri.toString()) !== session) {
      return;
    }
    this.collection.set(uri, this.shows(session) ? toDiagnostics(uri, session.issues(), session.maxIssues) : []);
    this.updated.fire(uri);
  }
}
