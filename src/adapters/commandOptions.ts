import * as vscode from 'vscode';

/**
 * A command's options argument when it is one: a plain object. From the Explorer's context menu the second argument
 * is the selection (an array of URIs), and from an editor's title a URI; either read as options broke the command
 * ("New Batch File from Data…" from the Explorer took the selection for a script and failed on its missing output).
 */
export function commandOptions<T extends object>(arg: unknown): T | undefined {
  return arg && typeof arg === 'object' && !Array.isArray(arg) && !(arg instanceof vscode.Uri) ? (arg as T) : undefined;
}
