import * as vscode from 'vscode';

/** What the jobs view can show; `viewsWelcome` in package.json has one entry per value except `ok`. */
export type JobsState = 'noKey' | 'unreachable' | 'empty' | 'ok';

/**
 * Every context key the extension sets. Keys are prefixed `geminiBatch.` and match the `when` clauses in
 * package.json verbatim.
 */
export function setJobsState(state: JobsState): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', 'geminiBatch.jobsState', state);
}

export function setEmulatorRunning(running: boolean): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', 'geminiBatch.emulatorRunning', running);
}
