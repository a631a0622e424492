import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';

/** The validation feature's settings, read for one resource. Defaults live only in package.json. */
export interface ValidationSettings {
  enabled: boolean;
  kind: BatchKind | 'auto';
  maxProblems: number;
}

const SECTION = 'geminiBatch.validation';

/**
 * The only place the validation feature reads configuration. package.json declares a default for every key, so
 * `get<T>` always has a value and no second default is repeated here.
 */
export function readValidationSettings(scope?: vscode.Uri): ValidationSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    enabled: config.get<boolean>('enabled') as boolean,
    kind: config.get<BatchKind | 'auto'>('kind') as BatchKind | 'auto',
    maxProblems: config.get<number>('maxProblems') as number,
  };
}

/** Calls `listener` when any validation setting changes. */
export function onDidChangeValidationSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) {
      listener();
    }
  });
}
