import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JobNotice } from '../../../src/features/jobs/jobNotifier';
import { collectJobEnds, emulatorSuite, scratchFolder, until } from './runHelpers';

interface Joined {
  key: string | null;
  response?: { candidates?: { finishReason?: string; content?: { parts?: { text?: string }[] } }[] };
  error?: { code?: unknown; message?: string };
}

/** Gemini lines `k0…k{n-1}`; JSON mode (a response schema) when `json`. */
function geminiLines(n: number, json = false): unknown[] {
  const generationConfig = {
    responseMimeType: 'application/json',
    responseSchema: { type: 'OBJECT', properties: { n: { type: 'INTEGER' } }, required: ['n'] },
  };
  return Array.from({ length: n }, (_, i) => ({
    key: `k${i}`,
    request: { contents: [{ role: 'user', parts: [{ text: `Give ${i}.` }] }], ...(json ? { generationConfig } : {}) },
  }));
}

/**
 * The other "Rehearse Failures…" presets (the first two are in rehearseFailures.test.ts): per-line failures with real
 * codes, JSON answers cut short, jobs that stay pending, jobs that expire on both APIs. Each shows a clear state in
 * the tree, and what exists is downloaded and joined: every input key exactly once.
 */
suite('jobs: more failure rehearsals on the emulator', function () {
  this.timeout(60000);
  const s = emulatorSuite(1);
  const ends = collectJobEnds(s);
  const scratch = scratchFolder('rehearse-presets');
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', []);
  });

  const submitAndWait = async (
    file: string,
    lines: unknown[],
    displayName: string,
    model?: string,
  ): Promise<{ name: string; notice: JobNotice }> => {
    const input = path.join(scratch.path, file);
    await fs.writeFile(input, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const name = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', vscode.Uri.file(input), {
      model,
      displayName,
    });
    assert.ok(name, `submit returned ${name}`);
    const notice = await ends.ended(name, 15000);
    return { name, notice };
  };
  const item = (name: string): vscode.TreeItem => s.api.tree.getTreeItem(s.api.tree.nodeFor(name));
  /** Opens the results the way the user does and reads the joined file. */
  const joined = async (name: string): Promise<Joined[]> => {
    await vscode.commands.executeCommand<string>('geminiBatch.job.openResults', name, { ifExists: 'replace' });
    const joinedPath = s.api.model.records.get(name)?.joinedPath;
    assert.ok(joinedPath && existsSync(joinedPath), 'the joined file was written');
    return (await fs.readFile(joinedPath, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Joined);
  };
  /** The rows under a job that say why it ended (failed or expired). */
  const problemRows = (name: string): vscode.TreeItem[] =>
    s.api.tree
      .getChildren(s.api.tree.nodeFor(name))
      .filter((node) => node.kind === 'problem')
      .map((node) => s.api.tree.getTreeItem(node));
  const keys = (rows: Joined[]): string[] => rows.map((r) => String(r.key)).sort();
  const expectedKeys = (n: number, prefix = 'k'): string[] =>
    Array.from({ length: n }, (_, i) => `${prefix}${i}`).sort();

  test('some lines fail with real codes: Succeeded with the failed count, every key joined once', async () => {
    assert.deepEqual(await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', ['line-failures']), {
      lineFailRate: 0.2,
    });
    // 40 lines at a 20% rate: all pass with odds 0.8^40 ≈ 1e-4.
    const { name, notice } = await submitAndWait(
      'line-failures.jsonl',
      geminiLines(40),
      'it some lines fail',
      'gemini-2.5-flash',
    );
    assert.equal(notice.job.state, 'succeeded');
    // The failures lead the row (a narrow side bar cuts its end off), under a warning icon, never a green ✓.
    const failedInTree = Number(/^(\d+)\/40 failed · Completed · /.exec(String(item(name).description))?.[1]);
    assert.ok(
      failedInTree > 0 && failedInTree < 40,
      `the tree shows the failed lines: ${String(item(name).description)}`,
    );
    assert.equal((item(name).iconPath as vscode.ThemeIcon).id, 'warning');
    assert.equal(notice.severity, 'warning');
    assert.equal(notice.message, `Batch job "it some lines fail" completed: ${failedInTree} of 40 requests failed.`);
    assert.deepEqual(notice.actions, ['Open Results', 'Show Job']);
    const rows = await joined(name);
    assert.deepEqual(keys(rows), expectedKeys(40));
    const errors = rows.filter((r) => r.error);
    assert.equal(errors.length, failedInTree, 'the joined file has as many errors as the tree counts');
    // gRPC codes as real result files carry them: RESOURCE_EXHAUSTED 8, INTERNAL 13, UNAVAILABLE 14, INVALID_ARGUMENT 3.
    assert.deepEqual(
      errors.filter((r) => ![8, 13, 14, 3].includes(r.error?.code as number)),
      [],
    );
  });

  test('an OpenAI batch whose every line failed (only an error file): a failed job in the tree, opened like any other, each request once', async () => {
    await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', []);
    // An OpenAI model sent to Gemini's compatibility layer: every line is model_not_found, the batch `completed`
    // with `output_file_id` null and an `error_file_id` (reference/batch-api.md).
    const lines = ['joke-1', 'joke-2'].map((id) => ({
      custom_id: id,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Tell me a one-sentence joke.' }] },
    }));
    const { name, notice } = await submitAndWait('openai-all-fail.jsonl', lines, 'it openai all fail');
    assert.equal(notice.job.state, 'succeeded');
    assert.equal(notice.job.resultsFile, undefined, 'no output file');
    assert.ok(notice.job.errorFile, 'an error file');
    assert.equal(notice.severity, 'warning');
    assert.equal(notice.message, 'Batch job "it openai all fail" completed: 2 of 2 requests failed.');
    assert.deepEqual(notice.actions, ['Open Results', 'Show Job']);
    assert.match(String(item(name).description), /^2\/2 failed · Completed · /);
    assert.equal((item(name).iconPath as vscode.ThemeIcon).id, 'error');
    assert.equal(item(name).contextValue, 'job.finished.hasResults', 'Open and Download Results in its menu');

    const rows = await joined(name);
    assert.deepEqual(keys(rows), ['joke-1', 'joke-2'], 'each request once');
    assert.ok(rows.every((r) => JSON.stringify(r).includes('model_not_found')));
    const record = s.api.model.records.get(name);
    assert.equal(path.basename(record?.joinedPath ?? ''), 'openai-all-fail.joined.jsonl');
    // The job's files: its input and its errors file, once, named as what it is.
    const files = s.api.tree
      .getChildren(s.api.tree.nodeFor(name))
      .map((node) => String(s.api.tree.getTreeItem(node).label));
    assert.deepEqual(files, ['Input: openai-all-fail.jsonl', 'Errors: openai-all-fail.errors.jsonl']);
    // A screen reader hears the role before the path (the tree would read only the path of a resourceUri).
    const spoken = s.api.tree
      .getChildren(s.api.tree.nodeFor(name))
      .map((node) => s.api.tree.getTreeItem(node).accessibilityInformation?.label ?? '');
    assert.match(spoken[0], /^Input: \/.*openai-all-fail\.jsonl$/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test("an OpenAI batch that fails validation: each of the service's errors a row with its line, the first in the notice", async () => {
    await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', []);
    const good = (id: string): unknown => ({
      custom_id: id,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Hi.' }] },
    });
    // Submit validates the file locally first; uploaded straight through the provider, the service validates it.
    const input = path.join(scratch.path, 'openai-invalid.jsonl');
    const bad = [good('a'), { ...(good('b') as object), method: 'GET' }, good('c'), good('a')];
    await fs.writeFile(input, bad.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const provider = await s.api.model.provider();
    const uploaded = await provider.uploadFile(input, { displayName: 'openai-invalid' });
    const name = await vscode.commands.executeCommand<string>('geminiBatch.job.create', uploaded.name, {
      kind: 'openai',
      model: 'gemini-2.5-flash',
      displayName: 'it openai invalid',
    });
    assert.ok(name, 'create returned nothing');
    const notice = await ends.ended(name, 15000);
    assert.equal(notice.job.state, 'failed');
    assert.equal(
      notice.message,
      'Batch job "it openai invalid" failed: line 2: Invalid value for \'method\': "GET". Only POST is supported. (+1 more)',
    );
    assert.deepEqual(
      problemRows(name).map((r) => [r.label, r.description]),
      [
        ['Invalid value for \'method\': "GET". Only POST is supported.', 'line 2 · invalid_method'],
        [
          "The custom_id 'a' is used more than once; custom_id must be unique within a batch.",
          'line 4 · duplicate_custom_id',
        ],
      ],
    );
    // The tooltip lists them all below its table (a table cell holds one line).
    assert.match((item(name).tooltip as vscode.MarkdownString).value, /\n- line 4: The custom\\_id 'a' is used/);
  });

  test('JSON answers cut short: Succeeded, the cut answers end MAX_TOKENS and no longer parse, every key joined once', async () => {
    assert.deepEqual(
      await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', ['truncated-json']),
      { truncateJsonRate: 0.3 },
    );
    const { name, notice } = await submitAndWait(
      'truncated.jsonl',
      geminiLines(40, true),
      'it truncated json',
      'gemini-2.5-flash',
    );
    assert.equal(notice.job.state, 'succeeded');
    assert.match(String(item(name).description), /^Succeeded · 40\/40/);
    assert.equal(item(name).contextValue, 'job.finished.hasResults');
    const rows = await joined(name);
    assert.deepEqual(keys(rows), expectedKeys(40));
    const parses = (r: Joined): boolean => {
      try {
        JSON.parse(r.response?.candidates?.[0]?.content?.parts?.[0]?.text ?? '');
        return true;
      } catch {
        return false;
      }
    };
    const cut = rows.filter((r) => r.response?.candidates?.[0]?.finishReason === 'MAX_TOKENS');
    assert.ok(cut.length > 0 && cut.length < 40, `some answers were cut: ${cut.length}`);
    assert.deepEqual(cut.filter(parses), [], 'a cut answer breaks its schema');
    assert.equal(rows.filter(parses).length, 40 - cut.length, 'every other answer parses');
  });

  test('a job that stays pending: Pending across polls; cancelling it ends it Cancelled with nothing lost', async () => {
    // The preset as it is (a minute more pending): the test needs polls that find the job unchanged, however slow
    // the machine, and never waits for the minute to pass.
    assert.deepEqual(await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', ['long-pending']), {
      pendingSeconds: 60,
    });
    let stillPending = 0;
    let nameOf: string | undefined;
    const ticks = s.api.model.onDidTick((names) => {
      if (nameOf && names.includes(nameOf) && s.api.model.get(nameOf)?.state === 'pending') {
        stillPending++;
      }
    });
    try {
      const input = path.join(scratch.path, 'pending.jsonl');
      await fs.writeFile(
        input,
        geminiLines(3)
          .map((l) => JSON.stringify(l))
          .join('\n') + '\n',
      );
      const name = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', vscode.Uri.file(input), {
        model: 'gemini-2.5-flash',
        displayName: 'it pending',
      });
      assert.ok(name);
      nameOf = name;
      await until('two polls that find the job still pending', () => stillPending >= 2, [s.api.model.onDidTick], 45000);
      assert.match(String(item(name).description), /^Pending/);
      assert.equal(item(name).contextValue, 'job.active');
      await vscode.commands.executeCommand('geminiBatch.job.cancel', name);
      await until('the pending job to end cancelled', () => s.api.model.get(name)?.state === 'cancelled', [
        s.api.model.onDidChange,
      ]);
      assert.match(String(item(name).description), /^Cancelled/);
      assert.ok(existsSync(s.api.model.records.get(name)?.inputPath ?? ''), 'the input stays where it was');
    } finally {
      ticks.dispose();
    }
  });

  test('a Gemini job that expires: Expired, no results offered, the reason in the tooltip', async () => {
    assert.deepEqual(await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', ['job-expires']), {
      expireJobs: true,
    });
    const { name, notice } = await submitAndWait('expires.jsonl', geminiLines(6), 'it expires', 'gemini-2.5-flash');
    assert.equal(notice.job.state, 'expired');
    assert.match(String(item(name).description), /^Expired/);
    assert.equal(item(name).contextValue, 'job.finished', 'Gemini keeps no results of an expired job');
    assert.match((item(name).tooltip as vscode.MarkdownString).value, /expired/i);
    // The operation's error, in the notice and as a warning row under the job.
    const reason = 'The batch expired before it finished: it was pending or running for longer than the 48 h limit.';
    assert.match(notice.message, /^Batch job "it expires" expired \(\d\/6\): /);
    assert.ok(notice.message.endsWith(reason), notice.message);
    const rows = problemRows(name);
    assert.deepEqual(
      rows.map((r) => [r.label, r.description]),
      [[reason, 'DEADLINE_EXCEEDED (4)']],
    );
    assert.equal((rows[0].iconPath as vscode.ThemeIcon).id, 'warning');
  });

  test('an OpenAI batch that expires: Expired, the finished half kept, the rest batch_expired, every id joined once', async () => {
    await vscode.commands.executeCommand('geminiBatch.emulator.rehearseFailures', ['job-expires']);
    const lines = Array.from({ length: 6 }, (_, i) => ({
      custom_id: `c${i}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: `Say ${i}.` }] },
    }));
    const { name, notice } = await submitAndWait('openai-expires.jsonl', lines, 'it openai expires');
    assert.equal(notice.job.state, 'expired');
    // No error of its own: what expiry means for an OpenAI batch (reference/batch-api.md), in the notice and a row.
    const meaning =
      'Not finished within its completion window: its unfinished requests were cancelled (batch_expired), the finished ones kept.';
    assert.match(notice.message, /^Batch job "it openai expires" expired \(\d\/6[^)]*\): /);
    assert.ok(notice.message.endsWith(meaning), notice.message);
    assert.deepEqual(
      problemRows(name).map((r) => r.label),
      [meaning],
    );
    assert.match(String(item(name).description), /^Expired/);
    assert.equal(item(name).contextValue, 'job.finished.hasResults', 'OpenAI keeps what finished');
    const rows = await joined(name);
    assert.deepEqual(keys(rows), expectedKeys(6, 'c'));
    const expired = rows.filter((r) => r.error);
    assert.equal(expired.length, 3, 'the lines after the halfway expiry');
    assert.equal(rows.filter((r) => r.response).length, 3, 'the lines finished before it');
    assert.ok(
      expired.every((r) => JSON.stringify(r.error).includes('batch_expired')),
      JSON.stringify(expired[0]),
    );
  });
});
