import * as vscode from 'vscode';

/** The scheme of template documents: files that live in memory only, for as long as their template editor. */
export const TEMPLATE_SCHEME = 'gemini-batch-template';

/**
 * Where the template editor's documents live. An untitled document opened with text is dirty from the start, so
 * closing an untouched template asked "Save changes?" and its Save wrote "data.csv — template" beside the data; a
 * document read from a file system is clean until edited, and this file system keeps what it is given in memory, so
 * even a Save (after an edit) leaves nothing on disk. Files only: a path's folders are not tracked.
 */
export class TemplateFiles implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  /** Puts `text` at `uri`, replacing what was there. */
  put(uri: vscode.Uri, text: string): void {
    this.writeFile(uri, new TextEncoder().encode(text));
  }

  has(uri: vscode.Uri): boolean {
    return this.files.has(uri.path);
  }

  remove(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return { type: vscode.FileType.File, ctime: file.mtime, mtime: file.mtime, size: file.data.byteLength };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return file.data;
  }

  writeFile(uri: vscode.Uri, data: Uint8Array): void {
    const created = !this.files.has(uri.path);
    this.files.set(uri.path, { data, mtime: Date.now() });
    this.changed.fire([{ type: created ? vscode.FileChangeType.Created : vscode.FileChangeType.Changed, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    // Folders are implied by the paths of the files.
  }

  rename(from: vscode.Uri, to: vscode.Uri): void {
    const file = this.files.get(from.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(from);
    }
    this.files.delete(from.path);
    this.files.set(to.path, file);
  }

  dispose(): void {
    this.files.clear();
    this.changed.dispose();
  }
}
