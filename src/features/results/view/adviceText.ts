import * as vscode from 'vscode';
import type { ErrorAdvice } from '../../../core/results/errorOf';

/** The words for a failed row's advice: what the user can do next (the core only says which kind it is). */
export function adviceText(advice: ErrorAdvice): string {
  switch (advice) {
    case 'retry':
      return vscode.l10n.t(
        "Temporary on the service's side: the same line can succeed if you retry it in a follow-up job.",
      );
    case 'fix':
      return vscode.l10n.t(
        'The request itself was refused: fix the input line (model, fields, size) before retrying it.',
      );
    case 'auth':
      return vscode.l10n.t("A key or permission problem: check the API key and the project's access, then retry.");
    default:
      return vscode.l10n.t('Unknown failure: read the message, and retry the line if it looks temporary.');
  }
}
