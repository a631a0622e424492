import type * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import type { Log } from '../../adapters/log';
import { registerSplitCommand } from '../split/splitCommand';
import { registerSplitQuickFix } from '../split/splitQuickFix';
import { registerBuildFromDataCommand } from './buildFromDataCommand';

/**
 * Before the submit: "New Batch File from Data…", and "Split into Parts" (command and quick fix on the limit
 * diagnostics). `kindOf` is the kind the editor validates a file with, so a split keeps that kind's limits.
 */
export function registerBuildAndSplit(context: vscode.ExtensionContext, log: Log, kindOf: (uri: vscode.Uri) => BatchKind | 'auto'): void {
  context.subscriptions.push(
    registerBuildFromDataCommand(log),
    registerSplitCommand(log, kindOf),
    registerSplitQuickFix(),
  );
}
