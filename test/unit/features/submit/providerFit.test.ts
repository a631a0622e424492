import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type * as Fit from '../../../../src/features/submit/providerFit';
import { englishL10n, requireWithFakeVscode } from '../../helpers/fakeVscode';

/** A `vscode` whose warning answers `answer` and which records what was shown and what command was run. */
const fake = {
  answer: undefined as string | undefined,
  warnings: [] as { message: string; buttons: string[] }[],
  ran: [] as string[],
  l10n: englishL10n,
  window: {
    showWarningMessage: (message: string, _options: unknown, ...buttons: string[]) => {
      fake.warnings.push({ message, buttons });
      return Promise.resolve(fake.answer);
    },
  },
  commands: {
    executeCommand: (id: string) => {
      fake.ran.push(id);
      return Promise.resolve();
    },
  },
};

suite('providerFit: the submit warns of a model the provider does not serve, before the upload', () => {
  const fit = requireWithFakeVscode<typeof Fit>(
    fake,
    path.resolve(__dirname, '../../../../src/features/submit/providerFit'),
  );
  const logged: string[] = [];
  const log = { warn: (m: string) => void logged.push(m) };
  setup(() => {
    fake.warnings.length = 0;
    fake.ran.length = 0;
    logged.length = 0;
  });

  test('gpt-4o-mini on the emulator: asked with Switch Provider… and Submit Anyway; only Submit Anyway goes on', async () => {
    fake.answer = undefined;
    assert.equal(await fit().modelServed('emulator', 'gpt-4o-mini', 'big.jsonl', false, log), false);
    assert.deepEqual(fake.warnings[0].buttons, ['Switch Provider…', 'Submit Anyway']);
    assert.match(fake.warnings[0].message, /^big\.jsonl names model gpt-4o-mini: Local Emulator does not serve it/);
    fake.answer = 'Submit Anyway';
    assert.equal(await fit().modelServed('emulator', 'gpt-4o-mini', 'big.jsonl', false, log), true);
    fake.answer = 'Switch Provider…';
    assert.equal(await fit().modelServed('emulator', 'gpt-4o-mini', 'big.jsonl', false, log), false);
    assert.deepEqual(fake.ran, ['geminiBatch.provider.select']);
  });

  test('a served model, a real provider (list unknown offline) or a scripted submit: nothing is asked', async () => {
    assert.equal(await fit().modelServed('emulator', 'gemini-2.5-flash', 'a.jsonl', false, log), true);
    assert.equal(await fit().modelServed('openai', 'gpt-4o-mini', 'a.jsonl', false, log), true);
    assert.equal(await fit().modelServed('gemini', 'gpt-4o-mini', 'a.jsonl', false, log), true);
    assert.equal(await fit().modelServed('emulator', 'gpt-4o-mini', 'a.jsonl', true, log), true);
    assert.equal(fake.warnings.length, 0);
    assert.equal(logged.length, 1);
  });
});
