import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FilePage, ListFilesOptions, UploadedFile } from '../../../../src/core/providers/types';
import type * as Picker from '../../../../src/features/submit/pickUploadedFile';
import { englishL10n, requireWithFakeVscode } from '../../helpers/fakeVscode';

type ChoiceItem = Picker.ChoiceItem;
type Listener<T> = (value: T) => void;

/** The bits of `vscode` the picker module touches at load time and in `knownUploads`. */
const fakeVscode = {
  Uri: { file: (fsPath: string) => ({ fsPath }) },
  window: {},
  l10n: englishL10n,
};

/** A QuickPick driven by the test: it records what the picker shows and lets the test type, accept and hide. */
class FakePick {
  title?: string;
  placeholder?: string;
  ignoreFocusOut = false;
  value = '';
  busy = false;
  selectedItems: readonly ChoiceItem[] = [];
  disposed = false;
  private shown: readonly ChoiceItem[] = [];
  private readonly waiters: { ready: (items: readonly ChoiceItem[]) => boolean; resolve: () => void }[] = [];
  private readonly listeners = {
    value: [] as Listener<string>[],
    accept: [] as Listener<void>[],
    hide: [] as Listener<void>[],
  };

  get items(): readonly ChoiceItem[] {
    return this.shown;
  }
  set items(items: readonly ChoiceItem[]) {
    this.shown = items;
    for (const w of this.waiters.filter((x) => x.ready(items))) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve();
    }
  }
  /** Resolves once the shown items satisfy `ready` (the test timeout bounds it). */
  until(ready: (items: readonly ChoiceItem[]) => boolean): Promise<void> {
    return ready(this.shown) ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ ready, resolve }));
  }
  labels(): string[] {
    return this.shown.map((i) => i.label);
  }
  onDidChangeValue = (l: Listener<string>) => this.on(this.listeners.value, l);
  onDidAccept = (l: Listener<void>) => this.on(this.listeners.accept, l);
  onDidHide = (l: Listener<void>) => this.on(this.listeners.hide, l);
  show(): void {
    /* nothing to draw */
  }
  dispose(): void {
    this.disposed = true;
  }
  type(value: string): void {
    this.value = value;
    this.listeners.value.forEach((l) => l(value));
  }
  accept(label?: string): void {
    this.selectedItems = this.shown.filter((i) => i.label === label);
    this.listeners.accept.forEach((l) => l());
  }
  hide(): void {
    this.listeners.hide.forEach((l) => l());
  }
  private on<T>(list: Listener<T>[], l: Listener<T>) {
    list.push(l);
    return { dispose: () => list.splice(list.indexOf(l), 1) };
  }
}

const NOW = Date.parse('2026-03-01T12:00:00Z');
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toISOString();

suite('pickUploadedFile (fake provider, fake quick pick)', () => {
  const picker = requireWithFakeVscode<typeof Picker>(
    fakeVscode,
    path.join(__dirname, '../../../../src/features/submit/pickUploadedFile'),
  );

  test('merges workspace uploads with the listed batch inputs: deduped, newest first, result files and media skipped, Load more pages on', async () => {
    const calls: ListFilesOptions[] = [];
    const pages: Record<string, FilePage> = {
      first: {
        files: [
          { name: 'files/batch-abc', mimeType: 'jsonl', createTime: at(0) },
          { name: 'files/old', mimeType: 'text/plain', createTime: at(5), sizeBytes: 2048, displayName: 'old run' },
          { name: 'files/mine', mimeType: 'application/jsonl', createTime: at(1), sizeBytes: 10 },
          { name: 'files/new', mimeType: 'jsonl', createTime: at(3.08) },
          { name: 'files/photo', mimeType: 'image/png', createTime: at(2) },
          { name: 'files/nodate' },
        ],
        nextPageToken: 'p2',
      },
      p2: { files: [{ name: 'files/older', createTime: at(30) }] },
    };
    const provider = {
      listFiles: async (o: ListFilesOptions) => {
        calls.push(o);
        return pages[o.pageToken ?? 'first'];
      },
    };
    const fake = new FakePick();
    const known = picker().knownUploads([], {
      name: 'files/mine',
      kind: 'gemini-generate',
      uri: fakeVscode.Uri.file('/w/in.jsonl') as never,
    });
    const chosen = picker().pickUploadedFile(
      provider,
      known,
      () => fake as never,
      () => NOW,
    );

    await fake.until((items) => items.some((i) => i.loadMore));
    assert.deepEqual(fake.labels(), ['files/mine', 'files/new', 'files/old', 'files/nodate', '$(more) Load more…']);
    assert.equal(fake.items[0].description, 'in.jsonl');
    assert.equal(
      fake.items[0].detail,
      'gemini-generate · 10 B · 1h 00m ago',
      "a known file gets the listing's size and age",
    );
    assert.equal(fake.items[1].detail, '3h 04m ago');
    assert.equal(fake.items[2].detail, 'old run · 2.0 KB · 5h 00m ago');
    assert.ok(calls[0].pageSize > 0);
    assert.equal(calls[0].pageToken, undefined);
    assert.equal(fake.busy, false);

    fake.accept('$(more) Load more…');
    await fake.until((items) => items.some((i) => i.label === 'files/older'));
    assert.equal(calls[1].pageToken, 'p2');
    assert.ok(!fake.items.some((i) => i.loadMore), 'no next page, no Load more');

    fake.accept('files/new');
    assert.deepEqual(await chosen, { name: 'files/new' });
    assert.ok(fake.disposed);
    assert.ok(calls[0].signal?.aborted, 'closing the picker aborts any listing');
  });

  test('a failing listing leaves the workspace files and a typed name; hiding resolves undefined', async () => {
    const failing = { listFiles: () => Promise.reject(new Error('HTTP 500')) };
    const fake = new FakePick();
    const chosen = picker().pickUploadedFile(failing, [{ name: 'files/mine' }], () => fake as never);
    await fake.until(() => !fake.busy && fake.labels().length === 1);
    fake.type('file-typed123');
    assert.deepEqual(fake.labels(), ['file-typed123', 'files/mine']);
    fake.accept('file-typed123');
    assert.deepEqual(await chosen, { name: 'file-typed123' });

    const other = new FakePick();
    const dismissed = picker().pickUploadedFile(failing, [], () => other as never);
    other.hide();
    assert.equal(await dismissed, undefined);
  });

  test('isBatchInput and listedInputs: keep unlabelled and text types, skip result files, dedupe against seen', () => {
    const f = (name: string, mimeType?: string, createTime?: string): UploadedFile => ({ name, mimeType, createTime });
    assert.deepEqual(
      ['jsonl', 'application/jsonl', 'text/plain', 'application/octet-stream', undefined].map((m) =>
        picker().isBatchInput(f('files/x', m)),
      ),
      [true, true, true, true, true],
    );
    assert.equal(picker().isBatchInput(f('files/batch-1', 'jsonl')), false);
    assert.equal(picker().isBatchInput(f('files/v', 'video/mp4')), false);
    const out = picker().listedInputs(
      [f('file-a', undefined, at(2)), f('file-b'), f('file-c', undefined, at(1)), f('file-seen')],
      new Set(['file-seen']),
    );
    assert.deepEqual(
      out.map((x) => x.name),
      ['file-c', 'file-a', 'file-b'],
    );
  });
});
