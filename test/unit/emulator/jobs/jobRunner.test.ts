import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { JobRun } from '../../../../src/emulator/jobs/jobRunner';
import { ManualClock } from '../manualClock';
import { Store } from '../../../../src/emulator/store';
import type { JobRecord } from '../../../../src/emulator/contract';
import { tempDir } from '../helpers';

suite('emulator: job runner', () => {
  let tmp: ReturnType<typeof tempDir>;
  setup(() => {
    tmp = tempDir();
  });
  teardown(() => tmp.cleanup());

  test('a run that fails unexpectedly records FAILED and leaves no temp results behind', async () => {
    const store = new Store(path.join(tmp.dir, 'data'));
    await store.open();
    // No `<id>.input.jsonl`: reading the input throws mid-run, after the temp result files were opened.
    const job: JobRecord = {
      id: 'broken1',
      api: 'gemini',
      kind: 'generate',
      model: 'models/gemini-2.5-flash',
      displayName: 'broken',
      inline: true,
      total: 1,
      createMs: Date.now(),
      jobMs: 0,
      expiryMs: 3_600_000,
      seq: store.nextSeq(),
    };
    const run = new JobRun(store, new ManualClock(), job);
    await run.done;
    assert.equal(job.final?.state, 'FAILED');
    assert.match(job.final?.error ?? '', /ENOENT/);
    assert.deepEqual(readdirSync(store.tmpDir), [], 'the -out/-err temp files were removed');
  });
});
