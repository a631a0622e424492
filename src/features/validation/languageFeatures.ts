import * as vscode from 'vscode';
import { LineLanguageService } from './lineLanguageService';
import type { ValidationController } from './validationController';

const SELECTOR: vscode.DocumentSelector = { language: 'jsonl' };
/** Longer lines (inline media) are not parsed on each keystroke for completion or hover. */
const MAX_LINE_CHARS = 1_000_000;

/**
 * Completion and hover inside a batch line, from the schema of the document's kind. Documents that are not batch files
 * (no batch lines, validation off) get nothing, so other JSON Lines files are left alone.
 */
export function registerLanguageFeatures(extensionUri: vscode.Uri, controller: ValidationController): vscode.Disposable {
  const service = new LineLanguageService(extensionUri);
  const completion = vscode.languages.registerCompletionItemProvider(SELECTOR, {
    async provideCompletionItems(document, position) {
      const info = controller.kindInfo(document.uri);
      if (!info || document.lineAt(position.line).text.length > MAX_LINE_CHARS) {
        return undefined;
      }
      return service.complete(info.kind, document.lineAt(position.line).text, position.line, position.character);
    },
  }, '"', ':');
  const hover = vscode.languages.registerHoverProvider(SELECTOR, {
    async provideHover(document, position) {
      const info = controller.kindInfo(document.uri);
      if (!info || document.lineAt(position.line).text.length > MAX_LINE_CHARS) {
        return undefined;
      }
      return service.hover(info.kind, document.lineAt(position.line).text, position.line, position.character);
    },
  });
  return vscode.Disposable.from(completion, hover);
}
