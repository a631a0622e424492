import * as path from 'path';
import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import type { BatchProvider } from '../../core/providers/types';
import type { Preselected } from './modelChoice';

/**
 * Asks for the model: the provider's models for this kind, plus whatever the user types (a model the list does not
 * know yet still works). `preselected` (modelChoice.ts) is listed first and active from the start, with why, so Enter
 * takes it even before the list arrives. Resolves to undefined when dismissed.
 */
export async function pickModel(
  provider: BatchProvider,
  kind: BatchKind,
  preselected?: Preselected,
): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick();
  pick.title = vscode.l10n.t('Model for this {0} batch', kind);
  pick.placeholder = vscode.l10n.t('Choose a model, or type its name');
  pick.ignoreFocusOut = true;
  pick.busy = true;
  const first: vscode.QuickPickItem[] = preselected ? [{ label: preselected.model, description: preselected.why }] : [];
  const known: vscode.QuickPickItem[] = [];
  const refresh = (): void => {
    const typed = pick.value.trim();
    const custom =
      typed && ![...first, ...known].some((item) => item.label === typed)
        ? [{ label: typed, description: vscode.l10n.t('typed') }]
        : [];
    pick.items = [...custom, ...first, ...known];
    if (!typed && first.length) {
      pick.activeItems = first;
    }
  };
  refresh();
  const abort = new AbortController();
  provider
    .listModels(kind, abort.signal)
    .then(
      (models) => {
        known.push(...models.filter((label) => label !== preselected?.model).map((label) => ({ label })));
        refresh();
      },
      () => {
        /* the list is a convenience: typing a name still works */
      },
    )
    .finally(() => {
      pick.busy = false;
    });
  try {
    return await new Promise<string | undefined>((resolve) => {
      pick.onDidChangeValue(refresh);
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.label ?? (pick.value.trim() || undefined)));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    abort.abort();
    pick.dispose();
  }
}

/** Asks for the job's display name; the file name is the default. */
export function askDisplayName(uri: vscode.Uri): Thenable<string | undefined> {
  const fallback = path.basename(uri.fsPath).replace(/\.jsonl$/i, '');
  return vscode.window
    .showInputBox({
      title: vscode.l10n.t('Display name of the batch job'),
      value: fallback,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The display name cannot be empty.')),
    })
    .then((value) => value?.trim() || undefined);
}

/** The file a submit/upload command acts on: its argument, the active jsonl editor, or one picked from disk. */
export async function resolveBatchFile(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) {
    return arg;
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active && (active.languageId === 'jsonl' || active.uri.fsPath.endsWith('.jsonl'))) {
    return active.uri;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Submit'),
    filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl'] },
  });
  return picked?.[0];
}
