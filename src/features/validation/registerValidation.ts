import type * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import type { Log } from '../../adapters/log';
import { KindOverrides } from './kindOverrides';
import { KindStatusBar } from './kindStatusBar';
import { registerLanguageFeatures } from './languageFeatures';
import { registerQuickFixes } from './quickFixes';
import { registerSelectKindCommand } from './selectKindCommand';
import { registerSnippetCompletion } from './snippetCompletion';
import { registerValidateFileCommand } from './validateFileCommand';
import { ValidationController } from './validationController';

/** What the submit feature builds on: the one store of per-file kinds (so both features agree, and see changes). */
export interface ValidationFeature {
  overrides: KindOverrides;
  /**
   * What the kind status bar shows for an open document, read the way it reads it: the kind it is validated as,
   * 'results' for the output of a job (not validated), undefined when the entry is hidden. Read-only, for the test API.
   */
  documentKind(uri: vscode.Uri): BatchKind | 'results' | undefined;
}

/**
 * The editor side of batch-line validation: live diagnostics for open jsonl documents, completion, hover and quick
 * fixes within a line, the per-file kind override with its status bar entry, and "Validate Batch File…" for files on
 * disk of any size. Everything created is owned by `context.subscriptions`.
 */
export function registerValidation(context: vscode.ExtensionContext, log: Log): ValidationFeature {
  const overrides = new KindOverrides(context.workspaceState);
  const controller = new ValidationController(overrides, log);
  const documentKind = (uri: vscode.Uri): BatchKind | 'results' | undefined =>
    controller.kindInfo(uri)?.kind ?? (controller.isResults(uri) ? 'results' : undefined);
  context.subscriptions.push(
    overrides,
    controller,
    new KindStatusBar(controller),
    registerSelectKindCommand(overrides, log),
    registerValidateFileCommand(overrides, log, (uri) => controller.kindInfo(uri) !== undefined),
    registerLanguageFeatures(context.extensionUri, controller),
    registerQuickFixes(controller),
    registerSnippetCompletion(context.extensionUri, documentKind),
  );
  return { overrides, documentKind };
}
