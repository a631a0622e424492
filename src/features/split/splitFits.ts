import * as path from 'path';
import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import type { SplitLimits } from '../../core/split';
import { formatBytes } from '../../core/validation';

/** That a file needs no split, with the limits it is within. */
export function fitsText(name: string, kind: BatchKind, limits: SplitLimits): string {
  return limits.maxLines
    ? vscode.l10n.t(
        '{0} is within the limits for {1} ({2}, {3} requests per file): no need to split it.',
        name,
        kind,
        formatBytes(limits.maxBytes),
        limits.maxLines.toLocaleString('en-US'),
      )
    : vscode.l10n.t(
        '{0} is within the limits for {1} ({2} per file): no need to split it.',
        name,
        kind,
        formatBytes(limits.maxBytes),
      );
}

/**
 * Says a file needs no split; asked from the palette or a menu, it also offers a smaller split (parts of N requests,
 * as `gemini-batch split --max-lines N` does): smaller jobs finish and can be retried separately.
 */
export function offerSmallerSplit(
  uri: vscode.Uri,
  text: string,
  interactive: boolean,
  split: (maxLines: number) => void,
): void {
  const smaller = vscode.l10n.t('Split Smaller…');
  void vscode.window.showInformationMessage(text, ...(interactive ? [smaller] : [])).then(async (choice) => {
    if (choice !== smaller) {
      return;
    }
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Split {0} into smaller parts', path.basename(uri.fsPath)),
      prompt: vscode.l10n.t('Requests per part'),
      validateInput: (v) =>
        /^\s*[1-9]\d*\s*$/.test(v) ? undefined : vscode.l10n.t('A whole number of requests, 1 or more.'),
    });
    if (value !== undefined) {
      split(Number(value));
    }
  });
}
