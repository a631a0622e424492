import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ValidationSummary } from '../../../src/core/validation/types';
import { activateExtension } from '../helpers/extension';
import { ourDiagnostics } from '../helpers/diagnostics';

const LINES = 300_000;

suite('validation: Validate Batch File… on a large file', () => {
  let dir: string;
  suiteSetup(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gemini-batch-validate-'));
  });
  suiteTeardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('streams a file of 300k lines and caps the Problems entries with a summary', async function () {
    this.timeout(120000);
    const file = path.join(dir, 'large.jsonl');
    const out = fs.createWriteStream(file);
    for (let i = 0; i < LINES; i++) {
      // Every 100th line has an unknown field: 3,000 problems, more than the default cap of 1,000.
      const extra = i % 100 === 0 ? ', "config": {}' : '';
      out.write(
        `{"key": "k${i}", "request": {"contents": [{"role": "user", "parts": [{"text": "Line ${i}"}]}]${extra}}}\n`,
      );
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    const uri = vscode.Uri.file(file);
    const summary = await vscode.commands.executeCommand<ValidationSummary | undefined>(
      'geminiBatch.validate.file',
      uri,
    );
    assert.ok(summary);
    assert.equal(summary.requests, LINES);
    assert.equal(summary.bytes, fs.statSync(file).size);
    const diagnostics = ourDiagnostics(uri);
    const cap = vscode.workspace.getConfiguration('geminiBatch.validation').get<number>('maxProblems');
    assert.equal(diagnostics.length, (cap ?? 0) + 1);
    const more = diagnostics.find((d) => d.code === 'more-problems');
    assert.ok(more, 'one entry says that more problems exist');
    assert.match(more.message, /3000/);
    assert.equal(diagnostics.filter((d) => d.code === 'unknown-field').length, cap);
  });
});
