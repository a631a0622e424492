import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answering, messagesAnswerable } from '../helpers/answeringMessages';
import { fixtureUri } from '../helpers/extension';
import { SettingsScope, batchApi } from '../jobs/runHelpers';

/**
 * A Gemini file submitted while the provider is OpenAI (or Gemini's OpenAI-compatible layer, which runs OpenAI-format
 * files only) is refused before anything is asked or uploaded: it was uploaded, left on the account, then refused
 * with "This provider does not support that operation."
 */
suite('submit: a file the provider cannot run', function () {
  this.timeout(60000);
  const settings = new SettingsScope();
  suiteTeardown(() => settings.restore());

  for (const provider of ['openai', 'geminiOpenAI']) {
    test(`a Gemini file and the ${provider} provider: one error with Switch Provider…, no question, no upload`, async function () {
      if (!messagesAnswerable) {
        this.skip();
      }
      const api = await batchApi();
      await settings.set('provider.name', provider);
      const before = api.logLines().length;
      const { result, questions } = await answering('showErrorMessage', undefined, () =>
        vscode.commands.executeCommand<string | undefined>('geminiBatch.job.submit', fixtureUri('run', 'slow.jsonl'), {
          model: 'gemini-2.5-flash',
          displayName: 'wrong provider',
        }),
      );
      assert.equal(result, undefined);
      assert.equal(questions.length, 1, questions.map((q) => q.message).join('\n'));
      assert.match(
        questions[0].message,
        /^slow\.jsonl holds Gemini generateContent requests; .* runs OpenAI-format files only/,
      );
      assert.deepEqual(questions[0].items, ['Switch Provider…']);
      const calls = api
        .logLines()
        .slice(before)
        .filter((l) => /\[api\] (POST|GET) /.test(l));
      assert.deepEqual(calls, [], 'nothing was sent');
    });
  }
});
