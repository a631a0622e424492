import * as assert from 'node:assert/strict';
import { scanGeminiFile, scanOpenAIFile } from '../../../src/emulator/jobs/jobScan';
import { TimeSlice } from '../../../src/emulator/jobs/timeSlice';
import { tempDir, writeJsonl } from './helpers';

/** A slice that counts how often the scan offers the event loop a turn. */
class CountingSlice extends TimeSlice {
  offers = 0;
  override async tick(): Promise<void> {
    this.offers += 1;
    await super.tick();
  }
}

// How long the loop stalls with the default slice is measured by the bench (emulator_health_stall_ms), not here.
suite('emulator: create-time scans give the event loop turns', () => {
  let tmp: ReturnType<typeof tempDir>;
  setup(() => {
    tmp = tempDir('scan');
  });
  teardown(() => tmp.cleanup());

  test('a time slice of 0 ms lets a setImmediate callback run at every tick', async () => {
    const slice = new TimeSlice(0);
    let ran = 0;
    for (let i = 0; i < 5; i++) {
      setImmediate(() => (ran += 1));
      await slice.tick();
    }
    assert.equal(ran, 5);
  });

  test('the Gemini scan offers a turn at every line, and stops after 1000 bad lines', async () => {
    // Broken JSON: a cheap failure to check (an unknown field costs the validator's suggestion search).
    const bad = writeJsonl(
      tmp.dir,
      'bad.jsonl',
      Array.from({ length: 1500 }, (_, i) => `{"key":"k${i}","request":`),
    );
    const slice = new CountingSlice();
    const scan = await scanGeminiFile(bad, 'gemini-generate', slice);
    assert.equal(slice.offers, 1000);
    assert.equal(scan.errors.length, 1001);
    assert.match(scan.errors[1000], /checking stopped after 1000 lines/);
    const good = writeJsonl(
      tmp.dir,
      'good.jsonl',
      Array.from({ length: 300 }, (_, i) => ({ key: `k${i}`, request: { contents: [{ parts: [{ text: 'hi' }] }] } })),
    );
    const again = new CountingSlice();
    assert.deepEqual((await scanGeminiFile(good, 'gemini-generate', again)).errors, []);
    assert.equal(again.offers, 300);
  });

  test('the OpenAI scan offers a turn at every line', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => ({
      custom_id: `c${i}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'm', messages: [] },
    }));
    const slice = new CountingSlice();
    const scan = await scanOpenAIFile(writeJsonl(tmp.dir, 'ok.jsonl', lines), '/v1/chat/completions', slice);
    assert.deepEqual(scan.errors, []);
    assert.equal(slice.offers, 400);
  });
});
