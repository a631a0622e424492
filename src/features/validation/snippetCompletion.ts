import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import { orderSnippets, parseSnippets, snippetWordStart, type BatchSnippet } from '../../core/snippets/batchSnippets';

/**
 * The batch-line snippets (snippets/jsonl.code-snippets), served here rather than through `contributes.snippets`:
 * a static contribution cannot be ordered by the file's kind, and would offer every snippet a second time. Offered on
 * a line that holds only the word being typed; not in results files, where no request belongs.
 */
export function registerSnippetCompletion(
  extensionUri: vscode.Uri,
  fileKind: (uri: vscode.Uri) => BatchKind | 'results' | undefined,
): vscode.Disposable {
  // Read once, on the first request: activation for validation alone need not pay for it.
  let loading: Promise<BatchSnippet[]> | undefined;
  const load = (): Promise<BatchSnippet[]> => {
    loading ??= Promise.resolve(
      vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', 'jsonl.code-snippets')),
    ).then((bytes) => {
      const parsed = parseSnippets(new TextDecoder().decode(bytes));
      if (!parsed.ok) {
        throw new Error(`snippets/jsonl.code-snippets: ${parsed.code} at ${parsed.at}`);
      }
      return parsed.snippets;
    });
    return loading;
  };
  return vscode.languages.registerCompletionItemProvider(
    { language: 'jsonl' },
    {
      async provideCompletionItems(document, position) {
        const start = snippetWordStart(document.lineAt(position.line).text, position.character);
        const kind = fileKind(document.uri);
        if (start === undefined || kind === 'results') {
          return undefined;
        }
        const range = new vscode.Range(position.line, start, position.line, position.character);
        return orderSnippets(await load(), kind).map(({ snippet, prefix, sortText, preselect }) => {
          const item = new vscode.CompletionItem(
            { label: prefix, description: snippet.name },
            vscode.CompletionItemKind.Snippet,
          );
          item.insertText = new vscode.SnippetString(snippet.body);
          item.documentation = snippet.description;
          item.range = range;
          item.sortText = sortText;
          item.preselect = preselect;
          return item;
        });
      },
    },
  );
}
