import * as vscode from 'vscode';

/** The extension's one log: a LogOutputChannel named "Gemini Batch". Created first in activate(). */
export type Log = vscode.LogOutputChannel;

export function createLog(context: vscode.ExtensionContext): Log {
  const channel = vscode.window.createOutputChannel('Gemini Batch', { log: true });
  context.subscriptions.push(channel);
  return channel;
}
