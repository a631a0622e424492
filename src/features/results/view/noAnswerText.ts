import * as vscode from 'vscode';
import type { NoAnswer } from '../../../core/results/resultRow';

/**
 * The words for a response without a usable answer (the core says which kind and the reason as written): what
 * stopped it and what the user can do. `cutShort`: an answer the output limit ended early.
 */
export function noAnswerText(noAnswer: NoAnswer | undefined, cutShort: boolean | undefined): string | undefined {
  if (cutShort) {
    return vscode.l10n.t(
      'The answer was cut short by the output token limit: it is incomplete (JSON in it may not parse). Raise maxOutputTokens (max_tokens) or lower the thinking budget, then retry the line.',
    );
  }
  if (!noAnswer) {
    return undefined;
  }
  const categories = noAnswer.categories?.length ? ` (${noAnswer.categories.join(', ')})` : '';
  switch (noAnswer.kind) {
    case 'blocked':
      return vscode.l10n.t(
        'No answer: blocked by a safety or policy filter ({0}{1}). Retrying the same line will likely be blocked again; change the prompt or the safety settings first.',
        noAnswer.reason,
        categories,
      );
    case 'maxTokens':
      return vscode.l10n.t(
        'No answer: the output token limit was reached before any answer ({0}), usually because thinking used it all. Raise maxOutputTokens or lower the thinking budget, then retry the line.',
        noAnswer.reason,
      );
    default:
      return vscode.l10n.t(
        'No answer: the response ended without content (finish reason {0}). Retry the line.',
        noAnswer.reason,
      );
  }
}
