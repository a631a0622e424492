import * as assert from 'node:assert/strict';
import { guardedCount } from '../../../../src/emulator/model/promptCount';

const LINE = { request: { contents: [] } };

suite('emulator: the guarded prompt counter', () => {
  test('no hook: no counter at all (callers skip the work)', () => {
    assert.equal(guardedCount(undefined), undefined);
  });

  test("a hook's count passes; the line and the model reach it", async () => {
    const seen: unknown[] = [];
    const count = guardedCount(async (line, model) => {
      seen.push(line, model);
      return 42;
    })!;
    assert.equal(await count(LINE, 'gemini-2.5-flash'), 42);
    assert.deepEqual(seen, [LINE, 'gemini-2.5-flash']);
  });

  test('a hook that throws, rejects or answers no count gives undefined', async () => {
    const answers: (() => Promise<number | undefined>)[] = [
      () => {
        throw new Error('sync');
      },
      () => Promise.reject(new Error('async')),
      async () => -1,
      async () => 1.5,
      async () => Number.NaN,
      async () => '7' as unknown as number,
      async () => undefined,
    ];
    for (const hook of answers) {
      assert.equal(await guardedCount(hook)!(LINE, undefined), undefined, String(hook));
    }
  });

  test('a hook that never answers gives undefined after the timeout', async () => {
    const count = guardedCount(() => new Promise<number>(() => undefined), 20)!;
    assert.equal(await count(LINE, undefined), undefined);
  });
});
