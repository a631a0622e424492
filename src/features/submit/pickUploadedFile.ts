import * as path from 'path';
import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import { formatDuration } from '../../core/jobs/jobView';
import type { BatchProvider, UploadedFile } from '../../core/providers/types';
import type { LocalJobRecord } from '../jobs/jobRecordStore';

/** An uploaded file to run, with what this workspace knows about it (its kind and local input, when known). */
export interface UploadChoice {
  name: string;
  kind?: BatchKind;
  uri?: vscode.Uri;
}

/** One page is plenty for a picker (Gemini's maximum page); "Load more…" fetches the next. */
const FILE_PAGE_SIZE = 100;

export interface ChoiceItem extends vscode.QuickPickItem {
  choice?: UploadChoice;
  /** The "Load more…" row: accepting it fetches the next page instead of closing. */
  loadMore?: true;
}

/** What the picker uses of a QuickPick, so a test can drive it without the editor. */
export type UploadQuickPick = Pick<
  vscode.QuickPick<ChoiceItem>,
  | 'title'
  | 'placeholder'
  | 'ignoreFocusOut'
  | 'items'
  | 'value'
  | 'busy'
  | 'selectedItems'
  | 'onDidChangeValue'
  | 'onDidAccept'
  | 'onDidHide'
  | 'show'
  | 'dispose'
>;

/** The files this workspace uploaded, newest first, one entry per remote name. */
export function knownUploads(records: readonly LocalJobRecord[], last?: UploadChoice): UploadChoice[] {
  const byName = new Map<string, UploadChoice>();
  if (last) {
    byName.set(last.name, last);
  }
  const newestFirst = [...records].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  for (const record of newestFirst) {
    if (!record.uploadedFile || byName.has(record.uploadedFile)) {
      continue;
    }
    byName.set(record.uploadedFile, {
      name: record.uploadedFile,
      kind: record.kind,
      uri: record.inputPath ? vscode.Uri.file(record.inputPath) : undefined,
    });
  }
  return [...byName.values()];
}

/**
 * Could this listed file be a batch input? Result files (`files/batch-…`) are not, nor media a JSONL batch never is;
 * anything else stays (services label JSONL as `jsonl`, `application/jsonl`, `text/plain`, octet-stream or nothing).
 */
export function isBatchInput(file: UploadedFile): boolean {
  if (/^files\/batch-/.test(file.name)) {
    return false;
  }
  const mime = (file.mimeType ?? '').toLowerCase();
  return !/^(image|video|audio)\//.test(mime) && mime !== 'application/pdf';
}

function createdMs(file: UploadedFile): number {
  const t = file.createTime ? Date.parse(file.createTime) : NaN;
  return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
}

/** The listed batch inputs not already among `seen`, newest first (undated ones last, in the service's order). */
export function listedInputs(files: readonly UploadedFile[], seen: ReadonlySet<string>): UploadedFile[] {
  return files
    .filter((f) => isBatchInput(f) && !seen.has(f.name))
    .map((f, i) => ({ f, i, t: createdMs(f) }))
    .sort((a, b) => (a.t === b.t ? a.i - b.i : Math.sign(b.t - a.t)))
    .map(({ f }) => f);
}

function sizeText(bytes: number | undefined): string | undefined {
  if (bytes === undefined) {
    return undefined;
  }
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `display name · 12.3 KB · 3h 05m ago`, parts omitted when unknown. */
export function listedDetail(file: UploadedFile, now: number): string | undefined {
  const t = createdMs(file);
  const age = Number.isFinite(t) ? vscode.l10n.t('{0} ago', formatDuration(now - t)) : undefined;
  return [file.displayName, sizeText(file.sizeBytes), age].filter(Boolean).join(' · ') || undefined;
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
 * Asks which uploaded file to run: the files this workspace uploaded first, then the provider's own batch inputs
 * (one page, newest first, "Load more…" for the next), plus whatever name the user types (`files/…`, `file-…`).
 * Resolves to undefined when dismissed. A failed listing is not an error: the workspace's files and typing still work.
 */
export async function pickUploadedFile(
  provider: Pick<BatchProvider, 'listFiles'>,
  known: UploadChoice[],
  createPick: () => UploadQuickPick = () => vscode.window.createQuickPick<ChoiceItem>(),
  now: () => number = Date.now,
): Promise<UploadChoice | undefined> {
  const pick = createPick();
  pick.title = vscode.l10n.t('Uploaded file to run');
  pick.placeholder = vscode.l10n.t('Choose an uploaded file, or type its name (files/… or file-…)');
  pick.ignoreFocusOut = true;
  const seen = new Set(known.map((c) => c.name));
  const listed: ChoiceItem[] = [];
  const details = new Map<string, string>();
  let nextPageToken: string | undefined;
  let loading = false;
  const refresh = (): void => {
    const typed = pick.value.trim();
    const all = [...known.map((c) => itemOf(c, details.get(c.name))), ...listed];
    const custom =
      typed && !all.some((item) => item.label === typed) ? [itemOf({ name: typed }, vscode.l10n.t('typed'))] : [];
    const more: ChoiceItem[] = nextPageToken
      ? [{ label: `$(more) ${vscode.l10n.t('Load more…')}`, loadMore: true, alwaysShow: true }]
      : [];
    pick.items = [...custom, ...all, ...more];
  };
  const abort = new AbortController();
  const load = async (pageToken?: string): Promise<void> => {
    if (loading) {
      return;
    } // a second Enter on "Load more…" while the page is on its way
    loading = pick.busy = true;
    try {
      const page = await provider.listFiles({ pageSize: FILE_PAGE_SIZE, pageToken, signal: abort.signal });
      for (const file of page.files) {
        const detail = listedDetail(file, now());
        if (seen.has(file.name) && detail) {
          details.set(file.name, detail);
        }
      }
      for (const file of listedInputs(page.files, seen)) {
        seen.add(file.name);
        listed.push(itemOf({ name: file.name }, listedDetail(file, now())));
      }
      nextPageToken = page.nextPageToken;
    } catch {
      nextPageToken = undefined; // the list is a convenience: the workspace's files and typing a name still work
    } finally {
      loading = false;
      if (!abort.signal.aborted) {
        pick.busy = false;
        refresh();
      }
    }
  };
  refresh();
  try {
    return await new Promise<UploadChoice | undefined>((resolve) => {
      pick.onDidChangeValue(refresh);
      pick.onDidAccept(() => {
        const selected = pick.selectedItems[0];
        if (selected?.loadMore) {
          void load(nextPageToken);
          return;
        }
        resolve(selected?.choice ?? (pick.value.trim() ? { name: pick.value.trim() } : undefined));
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
      void load();
    });
  } finally {
    abort.abort();
    pick.dispose();
  }
}
