import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answering, messagesAnswerable } from '../helpers/answeringMessages';
import { activateExtension, fixtureUri } from '../helpers/extension';

/** A file that is not a batch: its messages offer a button that leads somewhere (issue 11, "Syntax errors" item). */
suite('validation: buttons of the "not a batch file" messages', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('Submit refuses a log file with "Set Batch Kind…", not a "Show Problems" that opens an empty panel', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const { result, questions } = await answering('showErrorMessage', undefined, () =>
      vscode.commands.executeCommand('geminiBatch.job.submit', fixtureUri('validation', 'logs.jsonl'), {
        model: 'gemini-2.5-flash',
        displayName: 'never',
      }),
    );
    assert.equal(result, undefined, 'no job');
    const refusal = questions.find((q) => /is not a batch file/.test(q.message));
    assert.ok(refusal, JSON.stringify(questions));
    assert.deepEqual(refusal.items, ['Set Batch Kind…']);
  });

  test('Validate Batch File… on a log file offers to set its kind', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const { questions } = await answering('showInformationMessage', undefined, () =>
      vscode.commands.executeCommand('geminiBatch.validate.file', fixtureUri('validation', 'logs.jsonl')),
    );
    assert.equal(questions.length, 1, JSON.stringify(questions));
    assert.deepEqual(questions[0].items, ['Set Batch Kind for This File…']);
  });

  test('a clean batch file has nothing to show: no button', async function () {
    if (!messagesAnswerable) {
      this.skip();
    }
    const { questions } = await answering('showInformationMessage', undefined, () =>
      vscode.commands.executeCommand('geminiBatch.validate.file', fixtureUri('validation', 'clean.jsonl')),
    );
    assert.equal(questions.length, 1, JSON.stringify(questions));
    assert.deepEqual(questions[0].items, []);
  });
});
