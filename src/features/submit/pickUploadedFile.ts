import * as path from 'path';
import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import type { BatchProvider, UploadedFile } from '../../core/providers/types';
import type { LocalJobRecord } from '../jobs/jobRecordStore';

/** An uploaded file to run, with what this workspace knows about it (its kind and local input, when known). */
export interface UploadChoice {
  name: string;
  kind?: BatchKind;
  uri?: vscode.Uri;
}

/** A provider that can list its uploaded files; optional, so the picker works before (or without) that API. */
type FileListing = { listFiles?(signal?: AbortSignal): Promise<UploadedFile[]> };

interface ChoiceItem extends vscode.QuickPickItem {
  choice: UploadChoice;
}

/** The files this workspace uploaded, newest first, one entry per remote name. */
export function knownUploads(records: readonly LocalJobRecord[], last?: UploadChoice): UploadChoice[] {
  const byName = new Map<string, UploadChoice>();
  if (last) { byName.set(last.name, last); }
  const newestFirst = [...records].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  for (const record of newestFirst) {
    if (!record.uploadedFile || byName.has(record.uploadedFile)) { continue; }
    byName.set(record.uploadedFile, {
      name: record.uploadedFile,
      kind: record.kind,
      uri: record.inputPath ? vscode.Uri.file(record.inputPath) : undefined,
    });
  }
  return [...byName.values()];
}

function itemOf(choice: UploadChoice, detail?: string): ChoiceItem {
  return {
    label: choice.name,
    description: choice.uri ? path.basename(choice.uri.fsPath) : undefined,
    detail: [choice.kind, detail].filter(Boolean).join(' · ') || undefined,
    choice,
  };
}

/**
 * Asks which uploaded file to run: the files this workspace uploaded first, then the provider's own list when it has
 * one, plus whatever name the user types (`files/…`, `file-…`). Resolves to undefined when dismissed.
 */
export async function pickUploadedFile(provider: BatchProvider, known: UploadChoice[]): Promise<UploadChoice | undefined> {
  const pick = vscode.window.createQuickPick<ChoiceItem>();
  pick.title = 'Uploaded file to run';
  pick.placeholder = 'Choose an uploaded file, or type its name (files/… or file-…)';
  pick.ignoreFocusOut = true;
  const listed: ChoiceItem[] = [];
  const refresh = (): void => {
    const typed = pick.value.trim();
    const all = [...known.map((c) => itemOf(c)), ...listed];
    const custom = typed && !all.some((item) => item.label === typed) ? [itemOf({ name: typed }, 'typed')] : [];
    pick.items = [...custom, ...all];
  };
  refresh();
  const abort = new AbortController();
  const listing = (provider as BatchProvider & FileListing).listFiles?.(abort.signal);
  if (listing) {
    pick.busy = true;
    listing.then(
      (files) => {
        const seen = new Set(known.map((c) => c.name));
        listed.push(...files.filter((f) => !seen.has(f.name)).map((f) => itemOf({ name: f.name }, f.displayName)));
        refresh();
      },
      () => { /* the list is a convenience: typing a name still works */ },
    ).finally(() => { pick.busy = false; });
  }
  try {
    return await new Promise<UploadChoice | undefined>((resolve) => {
      pick.onDidChangeValue(refresh);
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.choice ?? (pick.value.trim() ? { name: pick.value.trim() } : undefined)));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    abort.abort();
    pick.dispose();
  }
}
