import type * as vscode from 'vscode';
import type { Log } from '../../adapters/log';

/** Placeholder: replaced by the run loop feature (keys, submit, jobs view, polling, results). */
export function registerJobs(_context: vscode.ExtensionContext, _log: Log): void {}
