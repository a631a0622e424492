import * as assert from 'node:assert/strict';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { collectJobEnds, emulatorSuite, scratchFolder, until } from '../jobs/runHelpers';

const LINES = 9;
const inputLine = (i: number): string =>
  JSON.stringify({ key: `g${i}`, request: { contents: [{ role: 'user', parts: [{ text: `Part question ${i}?` }] }] } });

/**
 * Split parts submitted as one group on the emulator: one job per part, the later parts under the first in the tree,
 * and the group's results merged against the unsplit file (every request once, in its order).
 */
suite('submit: split parts as one group', function () {
  this.timeout(120000);
  const s = emulatorSuite(1);
  const ends = collectJobEnds(s);
  const folder = scratchFolder('group');

  test('three parts: three jobs, as siblings under the group row, merged results cover the whole file once', async () => {
    const source = path.join(folder.path, 'many.jsonl');
    await fs.writeFile(source, Array.from({ length: LINES }, (_, i) => `${inputLine(i)}\n`).join(''));
    const split = await vscode.commands.executeCommand<{ parts: string[] }>(
      'geminiBatch.file.split',
      vscode.Uri.file(source),
      { maxLines: 4 },
    );
    assert.equal(split?.parts.length, 3);

    const names = await vscode.commands.executeCommand<string[]>(
      'geminiBatch.job.submitParts',
      split.parts.map((p) => vscode.Uri.file(p)),
      { source, model: 'gemini-2.5-flash', displayName: 'grouped' },
    );
    assert.equal(names?.length, 3, `submitted ${JSON.stringify(names)}`);
    const [lead, ...rest] = names;
    assert.equal(s.api.model.records.get(lead)?.groupSource, source);
    assert.deepEqual(
      rest.map((n) => s.api.model.records.get(n)?.retryOf),
      [lead, lead],
    );
    assert.deepEqual(
      names.map((n) => s.api.model.get(n)?.displayName),
      ['grouped · part 1/3', 'grouped · part 2/3', 'grouped · part 3/3'],
    );

    // The tree: a row for the group, whose children are the parts as siblings, the first part's own row first.
    const leadNode = s.api.tree.nodeFor(lead);
    assert.equal(s.api.tree.getTreeItem(leadNode).label, 'grouped (3 parts)');
    const children = s.api.tree.getChildren(leadNode);
    assert.deepEqual(
      children.map((n) => (n.kind === 'job' ? n.name : n.kind)),
      names,
    );
    assert.deepEqual(
      children.map((n) => s.api.tree.getTreeItem(n).label),
      ['grouped · part 1/3', 'grouped · part 2/3', 'grouped · part 3/3'],
    );
    assert.ok(
      s.api.tree.getChildren(children[0]).some((n) => n.kind === 'file' && n.role === 'input'),
      "the first part's row holds its files",
    );

    for (const name of names) {
      assert.equal((await ends.ended(name)).job.state, 'succeeded');
    }
    // Open Results on the first part merges the group; merges take turns, so what it wrote has every part ended.
    await vscode.commands.executeCommand('geminiBatch.job.openResults', lead, { ifExists: 'replace' });
    // Open Results right at the group's end runs beside the merge that the last part's end starts (downloads take
    // turns since that race failed this test under load): the merged file is what must come out, so wait for the
    // record to name it, on its change events.
    const joined = await until(
      'the merged joined file',
      () => {
        const p = s.api.model.records.get(lead)?.joinedPath;
        return p && existsSync(p) ? p : undefined;
      },
      [s.api.model.records.onDidChange],
    );
    assert.equal(path.basename(joined), 'many.joined.jsonl', 'named for the unsplit file, not its first part');
    const rows = readFileSync(joined, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; response?: unknown });
    assert.deepEqual(
      rows.map((r) => r.key),
      Array.from({ length: LINES }, (_, i) => `g${i}`),
    );
    assert.ok(
      rows.every((r) => r.response !== undefined),
      'every request answered by its part',
    );
    // The group's totals, with no retry words: its later parts are no retries.
    const merged = await until(
      'the group row drawn from the merge',
      () => {
        const text = String(s.api.tree.getTreeItem(leadNode).description);
        return text.startsWith(`${LINES}/${LINES} succeeded`) ? text : undefined;
      },
      [s.api.model.records.onDidChange],
    );
    assert.doesNotMatch(merged, /retr/);
  });

  test('two Open Results at once on an ended job fetch its results once, and both open that file', async () => {
    const input = path.join(folder.path, 'twice.jsonl');
    await fs.writeFile(input, `${inputLine(0)}\n${inputLine(1)}\n`);
    const name = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', vscode.Uri.file(input), {
      model: 'gemini-2.5-flash',
      displayName: 'opened twice',
    });
    assert.equal((await ends.ended(name)).job.state, 'succeeded');
    // keepBoth: were both to download, the second would write a second copy beside the first.
    const opened = await Promise.all(
      [0, 1].map(() =>
        vscode.commands.executeCommand<string>('geminiBatch.job.openResults', name, { ifExists: 'keepBoth' }),
      ),
    );
    assert.ok(opened[0] && opened[0] === opened[1], `both opened one file: ${JSON.stringify(opened)}`);
    const stem = path.basename(opened[0]).replace(/\.results\.jsonl$/, '');
    const copies = (await fs.readdir(path.dirname(opened[0]))).filter(
      (f) => f.startsWith(stem) && f.includes('.results'),
    );
    assert.deepEqual(copies, [path.basename(opened[0])]);
  });
});
