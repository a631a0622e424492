import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import { keyStyle, type KeyStyle } from '../../core/validation/completionSpelling';
import { LineLanguageService } from './lineLanguageService';
import type { ValidationController } from './validationController';

const SELECTOR: vscode.DocumentSelector = { language: 'jsonl' };
/** Longer lines (inline media) are not parsed on each keystroke for completion or hover. */
const MAX_LINE_CHARS = 1_000_000;

/** The line under the cursor and its document's kind, when the document is a batch file and the line not too long. */
function batchLineAt(
  controller: ValidationController,
  document: vscode.TextDocument,
  position: vscode.Position,
): { kind: BatchKind; text: string } | undefined {
  const info = controller.kindInfo(document.uri);
  if (!info) {
    return undefined;
  }
  const text = document.lineAt(position.line).text;
  return text.length <= MAX_LINE_CHARS ? { kind: info.kind, text } : undefined;
}

/** Lines read to tell the file's key spelling: the current one and those around it, so the cost stays flat. */
const STYLE_SAMPLE_LINES = 20;

/** The key spelling the lines around `line` use (see keyStyle). */
function styleNear(document: vscode.TextDocument, line: number): KeyStyle {
  const start = Math.max(0, line - STYLE_SAMPLE_LINES);
  const end = Math.min(document.lineCount, line + STYLE_SAMPLE_LINES + 1);
  const lines: string[] = [];
  for (let i = start; i < end; i++) {
    const text = document.lineAt(i).text;
    if (text.length <= MAX_LINE_CHARS) {
      lines.push(text);
    }
  }
  return keyStyle(lines);
}

/**
 * Completion and hover inside a batch line, from the schema of the document's kind. Documents that are not batch files
 * (no batch lines, validation off) get nothing, so other JSON Lines files are left alone.
 */
export function registerLanguageFeatures(
  extensionUri: vscode.Uri,
  controller: ValidationController,
): vscode.Disposable {
  const service = new LineLanguageService(extensionUri);
  const completion = vscode.languages.registerCompletionItemProvider(
    SELECTOR,
    {
      async provideCompletionItems(document, position) {
        const line = batchLineAt(controller, document, position);
        return line
          ? service.complete(
              line.kind,
              line.text,
              position.line,
              position.character,
              styleNear(document, position.line),
            )
          : undefined;
      },
    },
    '"',
    ':',
  );
  const hover = vscode.languages.registerHoverProvider(SELECTOR, {
    async provideHover(document, position) {
      const line = batchLineAt(controller, document, position);
      return line ? service.hover(line.kind, line.text, position.line, position.character) : undefined;
    },
  });
  return vscode.Disposable.from(completion, hover);
}
