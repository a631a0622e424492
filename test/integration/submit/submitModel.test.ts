import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { answering, answeringWarnings, messagesAnswerable, type AskedMessage } from '../helpers/answeringMessages';
import { type EstimateApi, lensMatching } from '../helpers/codeLens';
import { collectJobEnds, emulatorSuite, scratchFolder } from '../jobs/runHelpers';
import { pressingEnter } from '../helpers/quickPick';
import { stampParts } from '../../../src/core/split';

const geminiLine = (i: number): string =>
  JSON.stringify({ key: `k${i}`, request: { contents: [{ role: 'user', parts: [{ text: `Question ${i}?` }] }] } });

type Window = { showInputBox: unknown; showQuickPick: unknown };

/** The submit confirmations among the messages shown (a job's end notice may be shown meanwhile). */
const confirmations = (questions: AskedMessage[]): AskedMessage[] =>
  questions.filter((q) => q.message.startsWith('Submit '));

/** Runs `action` with the display name (and any plain quick pick) answered; the originals are put back. */
async function withAnswers<T>(
  answers: { name?: string; pick?: string; offered?: string[] },
  action: () => Thenable<T>,
): Promise<T> {
  const window = vscode.window as unknown as Window;
  const saved = { showInputBox: window.showInputBox, showQuickPick: window.showQuickPick };
  window.showInputBox = () => Promise.resolve(answers.name);
  window.showQuickPick = async (items: Thenable<{ label: string }[]> | { label: string }[]) => {
    answers.offered?.push(...(await items).map((i) => i.label));
    return answers.pick === undefined ? undefined : { label: answers.pick };
  };
  try {
    return await action();
  } finally {
    Object.assign(window, saved);
  }
}

/** The model a submit is made at is the one the user chose for the file, and every confirmation says which. */
suite('submit: the model picked and confirmed', function () {
  this.timeout(120000);
  const emu = emulatorSuite(1);
  const ends = collectJobEnds(emu);
  const folder = scratchFolder('submit-model');

  test('the picker starts on the model the file was priced at in the lens; the confirmation names it and the provider', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const input = vscode.Uri.file(path.join(folder.path, 'priced.jsonl'));
    await fs.writeFile(input.fsPath, `${geminiLine(1)}\n${geminiLine(2)}\n`);
    await vscode.window.showTextDocument(input);
    // The lens's own picker (a showQuickPick) prices the file at gemini-2.5-flash; a generate file is not offered
    // the embedding model.
    const offered: string[] = [];
    await withAnswers({ pick: 'gemini-2.5-flash', offered }, () =>
      vscode.commands.executeCommand('geminiBatch.estimate.pickModel', input),
    );
    assert.ok(offered.includes('gemini-2.5-flash') && !offered.includes('gemini-embedding-001'), offered.join(', '));
    await lensMatching(
      input,
      /^2 requests · ≈ \d+ input tokens · gemini-2\.5-flash · (≈ \$|< \$0\.01)/,
      emu.api as unknown as EstimateApi,
    );

    const { result: name, questions: asked } = await answering('showInformationMessage', 'Submit', () =>
      withAnswers({ name: 'priced run' }, () =>
        pressingEnter(vscode.commands.executeCommand<string | undefined>('geminiBatch.job.submit', input)),
      ),
    );
    assert.ok(name, 'submitted');
    assert.equal(emu.api.model.records.get(name)?.model, 'gemini-2.5-flash', 'Enter took the priced model');
    const questions = confirmations(asked);
    assert.equal(questions.length, 1, JSON.stringify(questions));
    assert.match(
      questions[0].message,
      /^Submit 2 requests to gemini-2\.5-flash \(Local Emulator\): ≈ \d+ input tokens, (≈ \$[\d.,]+|< \$0\.01) at batch price \((\$[\d.,]+|< \$0\.01) standard\)\?$/,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the picker starts on the model the file was last submitted at; a succeeded job warns before a resubmit', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const input = vscode.Uri.file(path.join(folder.path, 'again.jsonl'));
    await fs.writeFile(input.fsPath, `${geminiLine(3)}\n`);
    const first = await vscode.commands.executeCommand<string>('geminiBatch.job.submit', input, {
      model: 'gemini-2.5-flash',
      displayName: 'first run',
    });
    assert.equal((await ends.ended(first)).job.state, 'succeeded');

    // Declined: nothing else is asked, nothing is created.
    const declined = await answeringWarnings(undefined, () =>
      vscode.commands.executeCommand<string | undefined>('geminiBatch.job.submit', input),
    );
    assert.equal(declined.result, undefined);
    const warned = declined.questions.filter((q) => q.message.includes('Submit again'));
    assert.equal(warned.length, 1, JSON.stringify(declined.questions));
    assert.match(
      warned[0].message,
      new RegExp(
        `^This file was submitted on .+ as job "first run" \\(${first}\\), which succeeded\\. Submit again\\?$`,
      ),
    );
    assert.ok(warned[0].modal);

    // Accepted: the picker starts on the model of that job.
    const again = await answeringWarnings('Submit Again', () =>
      answering('showInformationMessage', 'Submit', () =>
        withAnswers({ name: 'second run' }, () =>
          pressingEnter(vscode.commands.executeCommand<string | undefined>('geminiBatch.job.submit', input)),
        ),
      ),
    );
    const second = again.result.result;
    assert.ok(second && second !== first, 'submitted again');
    assert.equal(emu.api.model.records.get(second)?.model, 'gemini-2.5-flash');

    // Scripted, it asks nothing, as before.
    const scripted = await answeringWarnings(undefined, () =>
      vscode.commands.executeCommand<string>('geminiBatch.job.submit', input, {
        model: 'gemini-2.5-flash',
        displayName: 'x',
      }),
    );
    assert.ok(scripted.result);
    assert.deepEqual(
      scripted.questions.filter((q) => q.message.includes('Submit again')),
      [],
    );
  });

  test('"Submit All Parts" asks the cost once for the group, with the total', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const source = path.join(folder.path, 'grouped.jsonl');
    await fs.writeFile(source, Array.from({ length: 6 }, (_, i) => `${geminiLine(i)}\n`).join(''));
    const split = await vscode.commands.executeCommand<{ parts: string[] }>(
      'geminiBatch.file.split',
      vscode.Uri.file(source),
      { maxLines: 2 },
    );
    const parts = split.parts.map((p) => vscode.Uri.file(p));
    assert.equal(parts.length, 3);
    await withAnswers({ pick: 'gemini-2.5-flash' }, () =>
      vscode.commands.executeCommand('geminiBatch.estimate.pickModel', vscode.Uri.file(source)),
    );
    const submitParts = (answer: string | undefined) =>
      answering('showInformationMessage', answer, () =>
        withAnswers({ name: 'grouped' }, () =>
          pressingEnter(
            vscode.commands.executeCommand<string[] | undefined>('geminiBatch.job.submitParts', parts, { source }),
          ),
        ),
      );
    const before = emu.api.model.records.all().length;
    const cancelled = await submitParts(undefined);
    assert.equal(cancelled.result, undefined);
    assert.equal(emu.api.model.records.all().length, before, 'no part was submitted');
    const asked = confirmations(cancelled.questions);
    assert.equal(asked.length, 1, JSON.stringify(cancelled.questions));
    assert.match(
      asked[0].message,
      /^Submit 6 requests in 3 parts to gemini-2\.5-flash \(Local Emulator\): ≈ \d+ input tokens, .* at batch price/,
    );

    const submitted = await submitParts('Submit');
    assert.equal(submitted.result?.length, 3, JSON.stringify(submitted.result));
    assert.equal(confirmations(submitted.questions).length, 1, 'one confirmation for the whole group');
    for (const name of submitted.result ?? []) {
      assert.equal(emu.api.model.records.get(name)?.model, 'gemini-2.5-flash');
      assert.equal(emu.api.model.records.get(name)?.estimate?.requests, 2, 'each part keeps its share');
    }

    // Sent again from the menu once a part has succeeded: warned first, as a single file is; declined, nothing goes.
    assert.equal((await ends.ended(submitted.result![0])).job.state, 'succeeded');
    const count = emu.api.model.records.all().length;
    const declined = await answeringWarnings(undefined, () =>
      vscode.commands.executeCommand<string[] | undefined>('geminiBatch.job.submitParts', parts, { source }),
    );
    assert.equal(declined.result, undefined);
    assert.equal(
      declined.questions.filter((q) => q.message.includes('Submit again')).length,
      1,
      JSON.stringify(declined.questions),
    );
    assert.equal(emu.api.model.records.all().length, count, 'no part was submitted again');
  });

  test('before any upload: a model the emulator does not serve is said, and a file over the enqueued limit offers a split', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const openaiLine = (model: string, k: string) =>
      JSON.stringify({
        custom_id: k,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model, messages: [{ role: 'user', content: 'Why is the sky blue on a clear day?' }] },
      });
    const before = emu.api.model.records.all().length;
    // gpt-4o-mini: the lens prices it, but the emulator (Gemini's compat layer) would fail every line.
    const gpt = vscode.Uri.file(path.join(folder.path, 'gpt.jsonl'));
    await fs.writeFile(gpt.fsPath, `${openaiLine('gpt-4o-mini', 'a')}\n${openaiLine('gpt-4o-mini', 'b')}\n`);
    const refused = await answeringWarnings(undefined, () =>
      vscode.commands.executeCommand<string | undefined>('geminiBatch.job.submit', gpt),
    );
    assert.equal(refused.result, undefined);
    assert.equal(refused.questions.length, 1, JSON.stringify(refused.questions));
    assert.match(refused.questions[0].message, /^gpt\.jsonl names model gpt-4o-mini: Local Emulator does not serve it/);
    assert.deepEqual(refused.questions[0].items, ['Switch Provider…', 'Submit Anyway']);
    assert.equal(emu.api.model.records.all().length, before, 'nothing was submitted');

    // Over the enqueued-token limit set for gemini-2.5-flash: the submit question says so and offers a split.
    const settings = vscode.workspace.getConfiguration('geminiBatch');
    await settings.update(
      'limits.enqueuedTokens',
      { 'gemini-2.5-flash': { tier1: 20 } },
      vscode.ConfigurationTarget.Global,
    );
    try {
      const big = vscode.Uri.file(path.join(folder.path, 'big.jsonl'));
      await fs.writeFile(
        big.fsPath,
        ['a', 'b', 'c', 'd'].map((k) => `${openaiLine('gemini-2.5-flash', k)}\n`).join(''),
      );
      const asked = await answeringWarnings(undefined, () =>
        withAnswers({ name: 'big' }, () =>
          vscode.commands.executeCommand<string | undefined>('geminiBatch.job.submit', big),
        ),
      );
      assert.equal(asked.result, undefined);
      const question = confirmations(asked.questions);
      assert.equal(question.length, 1, JSON.stringify(asked.questions));
      assert.match(
        question[0].message,
        /This file is over the enqueued-token limit: ≈ \d+ input tokens, the limit is 20 for gemini-2\.5-flash \(tier1/,
      );
      assert.deepEqual(question[0].items, ['Split into Parts', 'Submit']);
      assert.equal(emu.api.model.records.all().length, before, 'nothing was submitted');
    } finally {
      await settings.update('limits.enqueuedTokens', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('"Submit All Parts…" of an earlier split whose parts a later split replaced: refused, nothing asked or sent', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    // The walkthrough: split into 4, split again into 2 (part-01/02 rewritten, part-03/04 removed), then the first
    // notification's button. It used to create parts 1 and 2 unasked, then fail on part-03.
    const source = path.join(folder.path, 'resplit.jsonl');
    await fs.writeFile(source, Array.from({ length: 8 }, (_, i) => `${geminiLine(i)}\n`).join(''));
    const split = (maxLines: number) =>
      vscode.commands.executeCommand<{ parts: string[] }>('geminiBatch.file.split', vscode.Uri.file(source), {
        maxLines,
      });
    const first = await split(2);
    assert.equal(first.parts.length, 4);
    const stamps = await stampParts(first.parts);
    assert.equal((await split(4)).parts.length, 2);
    await withAnswers({ pick: 'gemini-2.5-flash' }, () =>
      vscode.commands.executeCommand('geminiBatch.estimate.pickModel', vscode.Uri.file(source)),
    );
    const before = emu.api.model.records.all().length;
    let asked: AskedMessage[] = [];
    const refused = await answering('showErrorMessage', undefined, async () => {
      const run = await answering('showInformationMessage', 'Submit', () =>
        withAnswers({ name: 'stale' }, () =>
          pressingEnter(
            vscode.commands.executeCommand<string[] | undefined>(
              'geminiBatch.job.submitParts',
              first.parts.map((p) => vscode.Uri.file(p)),
              { source, stamps },
            ),
          ),
        ),
      );
      asked = run.questions;
      return run.result;
    });
    assert.equal(refused.result, undefined);
    assert.equal(emu.api.model.records.all().length, before, 'no part was submitted');
    assert.deepEqual(confirmations(asked), [], 'refused before the cost question');
    assert.equal(refused.questions.length, 1, JSON.stringify(refused.questions));
    assert.match(
      refused.questions[0].message,
      /^These parts changed since the split: resplit\.part-01\.jsonl was rewritten, resplit\.part-02\.jsonl was rewritten, resplit\.part-03\.jsonl is gone, resplit\.part-04\.jsonl is gone\. Nothing was submitted\./,
    );
    assert.deepEqual(refused.questions[0].items, ['Submit the 2 Current Parts…', 'Show Logs']);
  });

  test('"Submit Split Parts as One Group" from the palette: a file without parts beside it is said, nothing sent', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const lone = path.join(folder.path, 'lone.jsonl');
    await fs.writeFile(lone, `${geminiLine(0)}\n`);
    const before = emu.api.model.records.all().length;
    const run = await answering('showInformationMessage', undefined, () =>
      vscode.commands.executeCommand<string[] | undefined>('geminiBatch.job.submitParts', vscode.Uri.file(lone)),
    );
    assert.equal(run.result, undefined);
    assert.deepEqual(
      run.questions.map((q) => q.message),
      ['lone.jsonl has no parts beside it: use Split into Parts first.'],
    );
    assert.equal(emu.api.model.records.all().length, before, 'nothing was submitted');
  });
});
