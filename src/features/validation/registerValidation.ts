import type * as vscode from 'vscode';
import type { Log } from '../../adapters/log';

/** Placeholder: replaced by the validation feature (diagnostics, snippets, validate-file command). */
export function registerValidation(_context: vscode.ExtensionContext, _log: Log): void {}
