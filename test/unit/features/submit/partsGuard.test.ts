import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type * as Guard from '../../../../src/features/submit/partsGuard';
import { splitFile } from '../../../../src/core/split';
import { englishL10n, requireWithFakeVscode } from '../../helpers/fakeVscode';
import { tempDirs } from '../../helpers/tempDirs';

const fakeVscode = { l10n: englishL10n, Uri: { file: (fsPath: string) => ({ fsPath }) } };
const uri = (fsPath: string) => fakeVscode.Uri.file(fsPath) as unknown as import('vscode').Uri;
const lines = (n: number): string => Array.from({ length: n }, (_, i) => `{"key":"k${i}"}\n`).join('');

suite('partsGuard: a group submit never sends stale parts, nor leaves a half-group unexplained', () => {
  const guard = requireWithFakeVscode<typeof Guard>(
    fakeVscode,
    path.join(__dirname, '../../../../src/features/submit/partsGuard'),
  );
  const tempDir = tempDirs('parts-guard-');

  test('split into 4, split again into 2: the first split’s group is refused, the current parts offered', async () => {
    const source = path.join(await tempDir(), 'big.jsonl');
    await fsp.writeFile(source, lines(8));
    const first = await splitFile(source, { maxBytes: 10_000, maxLines: 2 });
    const parts = first.parts.map(uri);
    const stamps = await guard().refuseStaleParts(parts, source, undefined, 'submitParts');
    await splitFile(source, { maxBytes: 10_000, maxLines: 4 });
    for (const given of [stamps, undefined]) {
      const refused = await guard()
        .refuseStaleParts(parts, source, given, 'submitParts')
        .then(
          () => undefined,
          (error: Error & { action?: { title: string; arguments?: unknown[] } }) => error,
        );
      assert.ok(refused, 'the stale group is refused');
      assert.match(
        refused.message,
        /^These parts changed since the split: .*big\.part-03\.jsonl is gone, big\.part-04\.jsonl is gone\. Nothing was submitted\. Split again or submit the current parts\.$/,
      );
      if (given) {
        assert.match(refused.message, /big\.part-01\.jsonl was rewritten, big\.part-02\.jsonl was rewritten/);
      }
      assert.equal(refused.action?.title, 'Submit the 2 Current Parts…');
      const offered = refused.action?.arguments?.[0] as { fsPath: string }[];
      assert.deepEqual(
        offered.map((p) => path.basename(p.fsPath)),
        ['big.part-01.jsonl', 'big.part-02.jsonl'],
      );
    }
  });

  test('a group stopped at part 3 of 4 says which parts are jobs and which were not sent', () => {
    const parts = ['a.part-01.jsonl', 'a.part-02.jsonl', 'a.part-03.jsonl', 'a.part-04.jsonl'].map((p) =>
      uri(`/w/${p}`),
    );
    assert.equal(
      guard().halfGroupText(parts, ['batches/1', 'batches/2'], 2, 'Cannot read a.part-03.jsonl: ENOENT'),
      'The group submit stopped at part 3/4 (a.part-03.jsonl): Cannot read a.part-03.jsonl: ENOENT. ' +
        'Created: 1/4 (a.part-01.jsonl) → batches/1, 2/4 (a.part-02.jsonl) → batches/2. ' +
        'Not submitted: 3/4 (a.part-03.jsonl), 4/4 (a.part-04.jsonl).',
    );
    assert.equal(
      guard().halfGroupText(parts.slice(0, 2), [], 0, undefined),
      'The group submit stopped at part 1/2 (a.part-01.jsonl). No part was created. ' +
        'Not submitted: 1/2 (a.part-01.jsonl), 2/2 (a.part-02.jsonl).',
    );
  });
});
