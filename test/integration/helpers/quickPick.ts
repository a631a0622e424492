import * as vscode from 'vscode';

/**
 * Runs a command whose model picker (a real QuickPick) is answered with Enter, as a user in a hurry would: there is
 * no event for "the picker is up", so Enter is pressed (bounded) until the command settles.
 */
export async function pressingEnter<T>(command: Thenable<T>): Promise<T> {
  const running = Promise.resolve(command);
  const settled = running.then(
    () => true,
    () => true,
  );
  for (let attempt = 0; attempt < 150; attempt++) {
    if (await Promise.race([settled, new Promise<false>((resolve) => setTimeout(() => resolve(false), 100))])) {
      break;
    }
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return running;
}
