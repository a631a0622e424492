import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { joinResults } from '../../../src/core/jobs/results';
import type { ResultsPanel } from '../../../src/features/results/view/resultsPanel';
import type { ResultsViewFeature } from '../../../src/features/results/view/registerResultsView';
import { answering, messagesAnswerable } from '../helpers/answeringMessages';
import { activateExtension, fixtureUri } from '../helpers/extension';
import { batchApi, until } from '../jobs/runHelpers';

const VIEW = 'geminiBatch.resultsView';

/** Opens `file` in the results view and waits for its page to load and its scan to finish. */
async function openView(view: ResultsViewFeature, file: string): Promise<ResultsPanel> {
  const uri = vscode.Uri.file(file);
  const loaded = view.whenPanel(uri);
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW, { preview: false });
  const panel = await loaded;
  await until(`${path.basename(file)} to be read`, () => panel.state().done, [panel.onDidChange]);
  return panel;
}

/** Resolves to false after `ms`: the bound of a race with an event, never a wait on its own. */
const later = (ms: number) => new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));

/** Selects a row (at `position` in the current list) as a click does and resolves once the page has shown it in full. */
async function showRow(panel: ResultsPanel, index: number, position = index): Promise<void> {
  const shown = new Promise<void>((resolve) => {
    const sub = panel.onDidRender((i) => {
      if (i === index) {
        sub.dispose();
        resolve();
      }
    });
  });
  await panel.select(index, position);
  await shown;
}

suite('results view', function () {
  let view: ResultsViewFeature;
  let dir: string;
  /** The real published lines, kept in the test fixtures with results-file names. */
  let FIXTURES: string;

  suiteSetup(async () => {
    const api = await batchApi();
    assert.ok(api.resultsView, 'the API exposes the results view');
    view = api.resultsView;
    // Beside the test workspace (test/fixtures/results-view), not under the extension: an installed .vsix has no tests.
    await activateExtension();
    FIXTURES = path.resolve(fixtureUri().fsPath, '..', 'results-view');
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'results-view-'));
  });
  /** What a test subscribed or created, disposed after it (also after a timeout, when its own code never resumes). */
  const cleanup: vscode.Disposable[] = [];
  teardown(async () => {
    cleanup.splice(0).forEach((d) => d.dispose());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  suiteTeardown(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const SHAPES: [string, number, string[]][] = [
    [
      'gemini-batch-generate-output',
      2,
      ['request_1', 'AI learns patterns', 'STOP', 'gemini-2.5-flash', 'thoughts 829'],
    ],
    ['gemini-batch-embeddings-output', 2, ['request_1', 'Embedding · 3 dimensions', 'norm']],
    ['openai-batch-output-spec-example', 1, ['Succeeded']],
    ['openai-batch-output-guide-example', 2, ['request-2', 'Succeeded']],
    ['openai-batch-output-real-openai-api-rs', 1, ['request-1', '2 + 2 equals 4.', 'stop', 'gpt-4o-mini-2024-07-18']],
    // Gemini's OpenAI layer: camelCase usage, its total holding 460 thinking tokens (compatUsage.test.ts).
    ['gemini-openai-compat-batch-output', 2, ['request-1', 'anti-gravity', 'stop', 'gemini-2.5-flash', '460']],
    [
      'openai-batch-error-expired-guide-example',
      2,
      ['request-3', 'Failed', 'batch_expired', 'completion window expired', 'retry it in a follow-up job'],
    ],
  ];
  for (const [name, rows, expected] of SHAPES) {
    test(`opens ${name} (real published lines) with each value in its place`, async () => {
      const panel = await openView(view, path.join(FIXTURES, `${name}.results.jsonl`));
      assert.equal(panel.state().scanned, rows);
      await showRow(panel, 0);
      const probe = await panel.probe();
      for (const text of expected) {
        assert.ok(probe.detailText.includes(text), `${name}: "${text}" in ${probe.detailText}`);
      }
      assert.ok(probe.listRows >= 1, 'the list shows rows');
    });
  }

  test('the joined file shows the prompt, and a click reveals the input line', async () => {
    const input = path.join(dir, 'greet.jsonl');
    const results = path.join(dir, 'greet.results.jsonl');
    await fs.writeFile(
      input,
      [
        JSON.stringify({
          key: 'request_2',
          request: { contents: [{ parts: [{ text: 'Explain quantum computing' }] }] },
        }),
        JSON.stringify({ key: 'request_1', request: { contents: [{ parts: [{ text: 'What is AI?' }] }] } }),
      ].join('\n'),
    );
    await fs.copyFile(path.join(FIXTURES, 'gemini-batch-generate-output.results.jsonl'), results);
    const joined = path.join(dir, 'greet.joined.jsonl');
    await joinResults(input, results, undefined, joined);
    const panel = await openView(view, joined);
    const revealed = until(
      'the input line to be revealed',
      () =>
        vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === input && e.selection.active.line === 0),
      [vscode.window.onDidChangeVisibleTextEditors, vscode.window.onDidChangeTextEditorSelection],
    );
    await showRow(panel, 0);
    const probe = await panel.probe();
    assert.ok(probe.detailText.includes('Explain quantum computing'), probe.detailText);
    await revealed;
  });

  test('"Open in Results View" on a batch file of requests opens its results, or says that none are here', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const input = path.join(dir, 'asked.jsonl');
    await fs.writeFile(
      input,
      `${JSON.stringify({ key: 'request_1', request: { contents: [{ parts: [{ text: 'What is AI?' }] }] } })}\n`,
    );
    const none = await answering('showErrorMessage', undefined, () =>
      vscode.commands.executeCommand('geminiBatch.results.openView', vscode.Uri.file(input)),
    );
    assert.match(
      none.questions.map((q) => q.message).join('\n'),
      /^asked\.jsonl is a batch file of requests, not results/,
    );
    const results = vscode.Uri.file(path.join(dir, 'asked.results.jsonl'));
    await fs.copyFile(path.join(FIXTURES, 'gemini-batch-generate-output.results.jsonl'), results.fsPath);
    const opened = view.whenPanel(results);
    await vscode.commands.executeCommand('geminiBatch.results.openView', vscode.Uri.file(input));
    assert.equal((await opened).state().scanned, 2, "the input's results, not the input read as results");
  });

  test('"Show Result of This Line" opens the results of an input line by key, with its prompt from the input', async () => {
    const input = path.join(dir, 'pair.jsonl');
    await fs.writeFile(
      input,
      [
        JSON.stringify({ key: 'request_2', request: { contents: [{ parts: [{ text: 'Second prompt' }] }] } }),
        JSON.stringify({ key: 'request_1', request: { contents: [{ parts: [{ text: 'First prompt' }] }] } }),
      ].join('\n'),
    );
    await fs.copyFile(
      path.join(FIXTURES, 'gemini-batch-generate-output.results.jsonl'),
      path.join(dir, 'pair.results.jsonl'),
    );
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(input));
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const panelOpened = view.whenPanel(vscode.Uri.file(path.join(dir, 'pair.results.jsonl')));
    const found = await vscode.commands.executeCommand<boolean>('geminiBatch.results.openForLine');
    assert.equal(found, true);
    const panel = await panelOpened;
    await showRow(panel, 0);
    const probe = await panel.probe();
    assert.ok(probe.detailText.includes('request_1') && probe.detailText.includes('First prompt'), probe.detailText);
    // A click on request_2's row (input line 1) selects it in the editor already showing the input: no second copy.
    const onInput = () => vscode.window.visibleTextEditors.filter((e) => e.document.uri.fsPath === input);
    const revealed = until('input line 1 to be revealed', () => onInput().some((e) => e.selection.active.line === 0), [
      vscode.window.onDidChangeVisibleTextEditors,
      vscode.window.onDidChangeTextEditorSelection,
    ]);
    await showRow(panel, 1);
    await revealed;
    assert.deepEqual(
      onInput().map((e) => e.viewColumn),
      [editor.viewColumn],
      'the input is shown once, in its own group',
    );
    assert.equal(vscode.window.tabGroups.all.length, 2, 'the input and the results view: no third group');
  });

  test('a results file rewritten while it is shown reloads its view (the merge after a retry rewrites it)', async () => {
    const file = path.join(dir, 'rewritten.results.jsonl');
    const line = (key: string, ok: boolean) =>
      JSON.stringify(
        ok
          ? { key, response: { candidates: [{ content: { parts: [{ text: 'yes' }] }, finishReason: 'STOP' }] } }
          : { key, error: { code: 8, status: 'RESOURCE_EXHAUSTED', message: 'quota' } },
      );
    await fs.writeFile(file, [line('a', true), line('b', false)].join('\n'));
    const panel = await openView(view, file);
    assert.deepEqual([panel.state().summary.succeeded, panel.state().summary.failed], [1, 1]);
    const reopened = new Promise<ResultsPanel>((resolve) => {
      const sub = view.onDidOpen((p) => {
        if (p.uri.fsPath === file) {
          sub.dispose();
          resolve(p);
        }
      });
    });
    // As the merge writes: a temporary file renamed over the old one.
    await fs.writeFile(`${file}.tmp`, [line('a', true), line('b', true)].join('\n'));
    await fs.rename(`${file}.tmp`, file);
    const fresh = await reopened;
    await until('the rewritten file to be read', () => fresh.state().done, [fresh.onDidChange]);
    assert.deepEqual([fresh.state().summary.succeeded, fresh.state().summary.failed], [2, 0]);
    assert.equal(view.panelFor(vscode.Uri.file(file)), fresh, 'the old panel is gone');
  });

  test('a results file written just before it opens is not reloaded when its write is reported late', async () => {
    // Another watch on the folder (in a run, the previous test's view, still closing) sees the write and reports it
    // once the view is open, to every watcher whose pattern matches: the view took it for a rewrite and reloaded,
    // and whoever waited on the panel it had opened waited forever (the flaky timeouts of this suite).
    const file = path.join(dir, 'written-late.results.jsonl');
    const folder = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '*'));
    cleanup.push(folder);
    const reported = (name: string) =>
      new Promise<void>((resolve) => {
        const on = (uri: vscode.Uri) => path.basename(uri.fsPath) === name && resolve();
        cleanup.push(folder.onDidCreate(on), folder.onDidChange(on));
      });
    // A watch starts a while after it is asked for, and says nothing when it has: a probe file is written again
    // until the watch reports it.
    const watching = reported('probe.txt');
    for (let n = 0; n < 40 && !(await Promise.race([watching.then(() => true), later(250)])); n++) {
      await fs.writeFile(path.join(dir, 'probe.txt'), `probe ${n}`);
    }
    await watching;
    let opened = 0;
    cleanup.push(view.onDidOpen((p) => (opened += p.uri.fsPath === file ? 1 : 0)));
    const written = reported(path.basename(file));
    await fs.writeFile(
      file,
      JSON.stringify({ key: 'a', error: { code: 8, status: 'RESOURCE_EXHAUSTED', message: 'q' } }),
    );
    const panel = await openView(view, file);
    await written;
    // The view heard of the write too (its watcher came after the test's): its panel still answers, and is the one.
    await showRow(panel, 0);
    assert.match((await panel.probe()).detailText, /RESOURCE_EXHAUSTED/);
    assert.equal(opened, 1, 'opened once, not reloaded by its own write');
    assert.equal(view.panelFor(vscode.Uri.file(file)), panel, 'the panel opened is the one showing the file');
  });

  test('filters, search and sort from the toolbar: failed only, a search, most tokens first', async () => {
    const file = path.join(dir, 'mixed.results.jsonl');
    const ok = (key: string, total: number) =>
      JSON.stringify({
        key,
        response: {
          candidates: [{ content: { parts: [{ text: `answer ${key}` }] }, finishReason: 'STOP' }],
          usageMetadata: { totalTokenCount: total },
        },
      });
    await fs.writeFile(
      file,
      [
        ok('a', 5),
        JSON.stringify({ key: 'b', error: { code: 8, status: 'RESOURCE_EXHAUSTED', message: 'quota' } }),
        ok('c', 50),
        JSON.stringify({ key: 'd', error: { code: 3, status: 'INVALID_ARGUMENT', message: 'bad' } }),
        ok('needle', 9),
      ].join('\n'),
    );
    const panel = await openView(view, file);
    assert.deepEqual([panel.state().summary.succeeded, panel.state().summary.failed], [3, 2]);
    const listed = async (query: Parameters<ResultsPanel['applyQuery']>[0], search: string, count: number) => {
      await panel.applyQuery(query, search);
      await until(`${count} rows for ${JSON.stringify(query)} "${search}"`, () => panel.state().matching === count, [
        panel.onDidChange,
      ]);
    };
    await listed({ status: 'failed' }, '', 2);
    await showRow(panel, 1);
    assert.match((await panel.probe()).detailText, /RESOURCE_EXHAUSTED/);
    // For a screen reader: the list names its selected option, which says it is selected; glyphs have words.
    const a11y = await panel.probe();
    assert.equal(a11y.activeDescendant, 'row-1');
    assert.deepEqual(a11y.selectedRows, ['row-1']);
    assert.deepEqual(a11y.statusLabels, ['Failed', 'Failed']);
    assert.equal(a11y.unnamedControls, 0, 'every filter, the search and the order have a name');
    await listed({ errorCode: 'INVALID_ARGUMENT' }, '', 1);
    await listed({}, 'NEEDLE', 1);
    await listed({ sort: 'tokensDesc' }, '', 5);
    // A search nothing matches says so, rather than leaving an empty list.
    await listed({}, 'no-such-text', 0);
    assert.match((await panel.probe()).emptyText, /No rows match “no-such-text”/);
    await listed({ status: 'all' }, '', 5);
    assert.equal((await panel.probe()).emptyText, '');
  });

  test('an answer with a markdown table shows a table, and Copy Answer puts the answer text on the clipboard', async () => {
    const file = path.join(dir, 'table.results.jsonl');
    const answer = '| City | Temp |\n|:--|--:|\n| Paris | 21 |\n| Oslo | 9 |';
    await fs.writeFile(
      file,
      JSON.stringify({
        key: 'k',
        response: {
          candidates: [
            {
              content: { parts: [{ text: 'private reasoning', thought: true }, { text: answer }] },
              finishReason: 'STOP',
            },
          ],
        },
      }),
    );
    const panel = await openView(view, file);
    await showRow(panel, 0);
    const probe = await panel.probe();
    assert.match(probe.detailHtml, /<table>.*<th[^>]*>City<\/th>.*<td[^>]*>Oslo<\/td>/s);
    const copied = new Promise<number>((resolve) => {
      const sub = panel.onDidCopy((index) => {
        sub.dispose();
        resolve(index);
      });
    });
    await vscode.env.clipboard.writeText('before');
    await panel.clickCopyAnswer();
    assert.equal(await copied, 0);
    assert.equal(await vscode.env.clipboard.readText(), answer, 'the answer as text, its thoughts left out');
  });

  test('responses without an answer: counted apart, filtered, and the detail says why (blocked, out of tokens)', async () => {
    const file = path.join(dir, 'unanswered.results.jsonl');
    // Shapes of the @google/genai types (FinishReason, SafetyRating.blocked, promptFeedback.blockReason).
    const response = (key: string, candidate: Record<string, unknown>) =>
      JSON.stringify({ key, response: { candidates: [candidate], usageMetadata: { totalTokenCount: 9 } } });
    await fs.writeFile(
      file,
      [
        response('a', { content: { parts: [{ text: 'fine' }] }, finishReason: 'STOP' }),
        response('blocked', {
          finishReason: 'SAFETY',
          safetyRatings: [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH', blocked: true }],
        }),
        response('thinking', { content: { parts: [{ text: 'hmm', thought: true }] }, finishReason: 'MAX_TOKENS' }),
        response('cut', { content: { parts: [{ text: '{"a": [1,' }] }, finishReason: 'MAX_TOKENS' }),
      ].join('\n'),
    );
    const panel = await openView(view, file);
    const s = panel.state().summary;
    assert.deepEqual([s.succeeded, s.noAnswer, s.failed], [2, 2, 0]);
    await panel.applyQuery({ status: 'noAnswer' }, '');
    await until('the 2 rows without an answer', () => panel.state().matching === 2, [panel.onDidChange]);
    // In the filtered list the blocked row is first and the one out of tokens second.
    await showRow(panel, 1, 0);
    const blocked = (await panel.probe()).detailText;
    for (const text of ['⚠ Blocked', 'SAFETY', 'HARM_CATEGORY_HARASSMENT', 'blocked again']) {
      assert.ok(blocked.includes(text), `"${text}" in ${blocked}`);
    }
    await showRow(panel, 2, 1);
    const thinking = (await panel.probe()).detailText;
    for (const text of ['⚠ No answer', 'MAX_TOKENS', 'Raise maxOutputTokens or lower the thinking budget']) {
      assert.ok(thinking.includes(text), `"${text}" in ${thinking}`);
    }
    await panel.applyQuery({ status: 'all' }, '');
    await until('every row again', () => panel.state().matching === 4, [panel.onDidChange]);
    await showRow(panel, 3);
    assert.match((await panel.probe()).detailText, /cut short/);
  });

  test('model output holding <script>, <img onerror> and a javascript: link runs nothing and stays text', async () => {
    const payloads = [
      '<script>window.__pwned = 1</script>',
      '<img src=x onerror="window.__pwned = 2">',
      '[click me](javascript:window.__pwned=3)',
      '<a href="javascript:window.__pwned=4">x</a> <svg onload="window.__pwned=5"></svg>',
    ];
    const hostile = path.join(dir, 'hostile.results.jsonl');
    await fs.writeFile(
      hostile,
      [
        JSON.stringify({
          key: '<img src=x onerror="window.__pwned=6">',
          response: {
            candidates: [
              {
                content: { parts: payloads.map((text) => ({ text })) },
                finishReason: '<b onmouseover="window.__pwned=7">STOP</b>',
              },
            ],
            modelVersion: '<script>window.__pwned=8</script>',
          },
        }),
        JSON.stringify({
          key: 'err',
          error: { code: 3, status: 'INVALID_ARGUMENT', message: '<img src=x onerror="window.__pwned=9">' },
        }),
      ].join('\n'),
    );
    const panel = await openView(view, hostile);
    for (const index of [0, 1]) {
      await showRow(panel, index);
      const probe = await panel.probe();
      assert.equal(probe.pwned, false, 'no injected script or handler ran');
      assert.deepEqual(probe.violations, [], 'nothing injected was even attempted (the CSP saw nothing to block)');
      assert.equal(probe.handlers, 0, 'no element has an on… attribute');
      assert.deepEqual(probe.badHrefs, [], 'no javascript: target anywhere');
      assert.equal(probe.scripts, 0, 'no script element where results are rendered');
      assert.ok(
        !/<(script|img|svg|b)\b/i.test(probe.detailHtml.replace(/<img class="thumb"[^>]*>/g, '')),
        `the payload is not markup: ${probe.detailHtml}`,
      );
    }
    await showRow(panel, 0);
    const shown = await panel.probe();
    assert.ok(shown.detailText.includes('<script>window.__pwned = 1</script>'), 'the payload is shown as text');
    assert.ok(shown.detailText.includes('click me (javascript:window.__pwned=3'), 'a javascript: link is plain text');
    // The control: the same page does block a script without the nonce, and the probe would have seen it.
    const control = await panel.cspCheck();
    assert.equal(control.ran, false, 'a script without the nonce does not run');
    assert.ok(
      control.violations.some((v) => v.startsWith('script-src')),
      `the CSP reported it: ${control.violations.join('; ')}`,
    );
  });
});
