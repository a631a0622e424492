import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { EstimateSummary } from '../../../../src/core/estimate/estimateTotals';
import type * as Confirm from '../../../../src/features/estimate/confirmCost';
import { englishL10n, requireWithFakeVscode } from '../../helpers/fakeVscode';

interface Asked {
  message: string;
  options: { modal?: boolean; detail?: string };
  items: string[];
}

/** The window's messages, answered by the test: what was asked is recorded. */
const asked: Asked[] = [];
const answer: { with?: string } = {};
const fakeVscode = {
  l10n: englishL10n,
  ProgressLocation: { Notification: 15 },
  window: {
    withProgress: (_options: unknown, task: () => Promise<unknown>) => task(),
    showInformationMessage: (message: string, options: Asked['options'], ...items: string[]) => {
      asked.push({ message, options, items });
      return Promise.resolve(answer.with);
    },
  },
};

const uri = (fsPath: string) => ({ fsPath }) as unknown as import('vscode').Uri;
const parts = [uri('/x/data.part-01.jsonl'), uri('/x/data.part-02.jsonl'), uri('/x/data.part-03.jsonl')];
const target = { model: 'gemini-2.5-flash', provider: 'gemini' as const };

suite('confirmCost: the cost question of an interactive submit is always asked', () => {
  const mod = requireWithFakeVscode<typeof Confirm>(
    fakeVscode,
    path.join(__dirname, '../../../../src/features/estimate/confirmCost'),
  );
  setup(() => {
    asked.length = 0;
  });

  const gonePart = {
    log: { warn: () => undefined },
    assumedOutputTokens: () => 1000,
    enqueuedLimits: () => ({ limits: {}, tier: 'tier1' as const }),
    estimateFile: (filePath: string): Promise<EstimateSummary> =>
      Promise.reject(new Error(`Cannot read ${filePath}: ENOENT`)),
  };

  test('a part that cannot be estimated still gets the question, saying why; dismissed, nothing goes', async () => {
    answer.with = undefined;
    const decision = await mod().confirmCost(gonePart, parts, target);
    assert.equal(decision.go, false);
    assert.equal(asked.length, 1);
    assert.equal(
      asked[0].message,
      'Submit 3 parts to gemini-2.5-flash (Gemini API)? No estimate of tokens or cost could be made.',
    );
    assert.equal(asked[0].options.modal, true);
    assert.match(asked[0].options.detail ?? '', /Cannot read \/x\/data\.part-01\.jsonl: ENOENT/);
    assert.deepEqual(asked[0].items, ['Submit']);
  });

  test('answered Submit, it goes on, without an estimate to keep', async () => {
    answer.with = 'Submit';
    const decision = await mod().confirmCost(gonePart, [parts[0]], target);
    assert.deepEqual(decision, { go: true });
    assert.equal(
      asked[0].message,
      'Submit to gemini-2.5-flash (Gemini API)? No estimate of tokens or cost could be made.',
    );
  });

  test('on the local emulator the question says the cost is what the real service would charge', async () => {
    const estimated = {
      ...gonePart,
      estimateFile: (): Promise<EstimateSummary> =>
        Promise.resolve({
          requests: 2,
          inputTokens: 20,
          outputTokensAssumed: 2000,
          unknownMedia: 0,
          approximateTokens: 0,
          approximateRequests: 0,
          unsizedItems: 0,
          model: 'gemini-2.5-flash',
          costBatch: 0.01,
          costStandard: 0.02,
          unpricedModels: [],
        }),
    };
    answer.with = undefined;
    await mod().confirmCost(estimated, [parts[0]], { ...target, provider: 'emulator' });
    assert.match(asked[0].options.detail ?? '', /The local emulator bills nothing/);
    await mod().confirmCost(estimated, [parts[0]], target);
    assert.doesNotMatch(asked[1].options.detail ?? '', /emulator/);
  });
});
