import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isTerminal } from '../../../src/core/providers/types';
import { ourDiagnostics, summarize, waitForDiagnostics } from '../helpers/diagnostics';
import { activateExtension, fixtureUri } from '../helpers/extension';
import { closeAllEditors, openInEditor, openUntitled } from '../helpers/documents';
import { SettingsScope, emulatorSuite, until } from './runHelpers';

interface Sample {
  /** Its name in the test folder. */
  file: string;
  /** Where it is copied from: the extension's `sample/` (shipped in the .vsix) or the run fixtures. */
  from: (repo: string) => string;
  /** Gemini batches need one; an OpenAI file names its own. */
  model?: string;
}

const SAMPLES: Sample[] = [
  {
    file: 'gemini-generate.jsonl',
    from: (repo) => path.join(repo, 'sample', 'gemini-generate.jsonl'),
    model: 'gemini-2.5-flash',
  },
  {
    file: 'gemini-embed.jsonl',
    from: (repo) => path.join(repo, 'sample', 'gemini-embed.jsonl'),
    model: 'gemini-embedding-001',
  },
  { file: 'openai-chat.jsonl', from: (repo) => path.join(repo, 'sample', 'openai-chat.jsonl') },
  // Not a sample: its model (gpt-4o-mini) is one the emulator's Gemini-compatible layer does not serve, so every line
  // goes to OpenAI's error file, which is downloaded as `*.errors.jsonl`.
  { file: 'openai-unknown-model.jsonl', from: () => fixtureUri('run', 'openai-chat.jsonl').fsPath },
];

const BAD_LINE = '{"key": "bad", "request": {"contents": [{"parts": [{"text": "Hi"}]}], "temprature": 1}}';

async function submitLensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return (lenses ?? []).map((lens) => lens.command?.title ?? '').filter((title) => title.includes('Submit'));
}

/**
 * Proves the live validation has caught up with the documents opened before: a batch line with an unknown field,
 * opened after them, gets its error (sessions run their slices in the order the documents opened).
 */
async function validationSettled(): Promise<void> {
  const marker = await openUntitled(BAD_LINE);
  await waitForDiagnostics(marker.uri, (d) => d.length > 0);
}

/** Outputs are not inputs (issue 7): the files a run writes get no problem, no Submit lens, and read "results". */
suite("jobs: the samples' results stay results", function () {
  this.timeout(90000);
  const emu = emulatorSuite(1);
  let folder: string;
  /** Every file the runs wrote (results, OpenAI errors, joined), filled by the first tests. */
  const written: vscode.Uri[] = [];

  suiteSetup(async () => {
    const repo = (await activateExtension()).extensionPath;
    folder = fixtureUri('run', 'samples').fsPath;
    await fs.rm(folder, { recursive: true, force: true });
    await fs.mkdir(folder, { recursive: true });
    for (const sample of SAMPLES) {
      await fs.copyFile(sample.from(repo), path.join(folder, sample.file));
    }
  });

  teardown(closeAllEditors);

  suiteTeardown(async () => {
    if (folder) {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  /** The problems, Submit lenses and status-bar kind of each file, all of which must be empty / 'results'. */
  async function assertAllResults(uris: readonly vscode.Uri[]): Promise<void> {
    for (const uri of uris) {
      const name = path.basename(uri.fsPath);
      assert.deepEqual(summarize(ourDiagnostics(uri)), [], `${name} has no problem`);
      assert.deepEqual(await submitLensTitles(uri), [], `${name} has no Submit lens`);
      assert.equal(emu.api.documentKind(uri), 'results', `the status bar calls ${name} results`);
    }
  }

  for (const sample of SAMPLES) {
    test(`${sample.file}: submit, run, open results; every file written is results`, async () => {
      const input = vscode.Uri.file(path.join(folder, sample.file));
      const stem = sample.file.replace(/\.jsonl$/, '');
      const name = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', input, {
        model: sample.model,
        displayName: `it ${stem}`,
      });
      assert.ok(name, `${sample.file} was submitted`);
      await until(
        `${sample.file}'s job to end`,
        () => isTerminal(emu.api.model.get(name)?.state ?? 'unknown'),
        [emu.api.model.onDidChange],
        30000,
      );
      assert.equal(emu.api.model.get(name)?.state, 'succeeded');

      // What the user does: "Open Results" downloads, joins with the input and opens the results and the joined file.
      const resultsPath = await vscode.commands.executeCommand<string>('geminiBatch.job.openResults', name, {
        ifExists: 'replace',
      });
      assert.ok(resultsPath && existsSync(resultsPath), `results at ${resultsPath}`);
      const record = emu.api.model.records.get(name);
      assert.ok(record?.joinedPath && existsSync(record.joinedPath), 'the joined file was written');
      const resultsDir = path.dirname(resultsPath);
      // Exactly what the run wrote for this input: its results (or OpenAI's error file), and the joined file.
      const files = (await fs.readdir(resultsDir)).filter((f) => f.startsWith(`${stem}.`)).sort();
      const expected = [...new Set([resultsPath, record.errorsPath, record.joinedPath].filter((p): p is string => !!p))]
        .map((p) => path.basename(p))
        .sort();
      assert.deepEqual(files, expected, 'the files written for the job');
      assert.ok(files.length >= 2, 'results and a joined file');
      if (sample.file === 'openai-unknown-model.jsonl') {
        assert.ok(record.errorsPath, 'every line failed into the error file');
      }

      const uris = files.map((f) => vscode.Uri.file(path.join(resultsDir, f)));
      for (const uri of uris) {
        await openInEditor(uri);
      }
      await validationSettled();
      await assertAllResults(uris);
      written.push(...uris);
    });
  }

  test('submitting a results file is refused as results; "Validate" says so and lists nothing', async () => {
    assert.ok(written.length >= 2 * SAMPLES.length, `the runs wrote ${written.length} files`);
    const results = written.find((uri) => uri.fsPath.endsWith('.results.jsonl'))!;
    const before = emu.api.model.records.all().length;
    assert.equal(
      await vscode.commands.executeCommand('geminiBatch.job.submit', results, {
        model: 'gemini-2.5-flash',
        displayName: 'it results',
      }),
      undefined,
    );
    assert.equal(emu.api.model.records.all().length, before, 'no job was created');
    assert.ok(
      emu.api
        .logLines()
        .some((l) => l.includes(`${path.basename(results.fsPath)}: 0 requests`) && l.includes('results of a job')),
      'refused as results',
    );

    for (const uri of written) {
      const summary = await vscode.commands.executeCommand<{ results?: boolean }>('geminiBatch.validate.file', uri);
      assert.equal(summary?.results, true, `${path.basename(uri.fsPath)} is results`);
      assert.deepEqual(
        summarize(ourDiagnostics(uri)),
        [],
        `${path.basename(uri.fsPath)}: nothing in the Problems panel`,
      );
    }
  });

  test('a workspace kind setting leaves the written results alone; a kind set for one file validates it', async () => {
    assert.ok(written.length >= 2 * SAMPLES.length, `the runs wrote ${written.length} files`);
    const input = vscode.Uri.file(path.join(folder, 'openai-chat.jsonl'));
    const settings = new SettingsScope();
    await settings.set('validation.kind', 'gemini-generate');
    try {
      for (const uri of written) {
        await openInEditor(uri);
      }
      // The setting reaches the inputs: an OpenAI file validated as gemini-generate is all errors.
      await openInEditor(input);
      await waitForDiagnostics(input, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
      assert.equal(emu.api.documentKind(input), 'gemini-generate');
      await validationSettled();
      await assertAllResults(written);

      const joined = written.find((uri) => uri.fsPath.endsWith('.joined.jsonl'))!;
      await vscode.commands.executeCommand('geminiBatch.validate.selectKind', joined, 'gemini-generate');
      try {
        await waitForDiagnostics(joined, (d) => d.length > 0);
        assert.equal(emu.api.documentKind(joined), 'gemini-generate');
      } finally {
        await vscode.commands.executeCommand('geminiBatch.validate.selectKind', joined, 'auto');
      }
      await waitForDiagnostics(joined, (d) => d.length === 0);
      assert.equal(emu.api.documentKind(joined), 'results');
    } finally {
      await settings.restore();
    }
  });
});
