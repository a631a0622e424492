import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import { LineLanguageService } from './lineLanguageService';
import type { ValidationController } from './validationController';

const SELECTOR: vscode.DocumentSelector = { language: 'jsonl' };
/** Longer lines (inline media) are not parsed on each keystroke for completion or hover. */
const MAX_LINE_CHARS = 1_000_000;

/** The line under the cursor and its document's kind, when the document is a batch file and the line not too long. */
function batchLineAt(controller: ValidationController, document: vscode.TextDocument, position: vscode.Position): { kind: BatchKind; text: string } | undefined {
  const info = controller.kindInfo(document.uri);
  if (!info) {
    return undefined;
  }
  const text = document.lineAt(position.line).text;
  return text.length <= MAX_LINE_CHARS ? { kind: info.kind, text } : undefined;
}

/**
 * Completion and hover inside a batch line, from the schema of the document's kind. Documents that are not batch files
 * (no batch lines, validation off) get nothing, so other JSON Lines files are left alone.
 */
export function registerLanguageFeatures(extensionUri: vscode.Uri, controller: ValidationController): vscode.Disposable {
  const service = new LineLanguageService(extensionUri);
  const completion = vscode.languages.registerCompletionItemProvider(SELECTOR, {
    async provideCompletionItems(document, position) {
      const line = batchLineAt(controller, document, position);
      return line ? service.complete(line.kind, line.text, position.line, position.character) : undefined;
    },
  }, '"', ':');
  const hover = vscode.languages.registerHoverProvider(SELECTOR, {
    async provideHover(document, position) {
      const line = batchLineAt(controller, document, position);
      return line ? service.hover(line.kind, line.text, position.line, position.character) : undefined;
    },
  });
  return vscode.Disposable.from(completion, hover);
}
