import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BuildResult } from '../../../src/core/build';
import { closeAllEditors } from '../helpers/documents';
import { activateExtension } from '../helpers/extension';

suite('build: New Batch File from Data', () => {
  let dir: string;
  suiteSetup(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-build-'));
  });
  teardown(closeAllEditors);
  suiteTeardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('scripted: writes the valid rows of a CSV, keys from a column, and lists the rows left out', async () => {
    const data = path.join(dir, 'rows.csv');
    const out = path.join(dir, 'rows.batch.jsonl');
    fs.writeFileSync(data, 'id,q,t\na,"line one\nline ""two""",0.2\nb,x,hot\n');
    const template = '{"request":{"contents":[{"parts":[{"text":"{{q}}"}]}],"generationConfig":{"temperature":{{t}}}}}';
    const result = await vscode.commands.executeCommand<BuildResult>(
      'geminiBatch.file.buildFromData',
      vscode.Uri.file(data),
      { template, key: 'id', out },
    );
    assert.equal(result.written, 1);
    assert.deepEqual(
      result.rejected.map((r) => [r.row, r.problem.code]),
      [[2, 'invalid-line']],
    );
    const [line] = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(line.key, 'a');
    assert.equal(line.request.contents[0].parts[0].text, 'line one\nline "two"');
  });
});
