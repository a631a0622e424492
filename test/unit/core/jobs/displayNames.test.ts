import * as assert from 'node:assert/strict';
import { mergeJobs, type JobRecord } from '../../../../src/core/jobs/jobRecords';
import { storeJobs } from '../../../../src/core/jobs/jobsFetch';
import type { BatchJob } from '../../../../src/core/providers/types';
import { openaiLine } from '../providers/emulatorHarness';
import { withEmulatorHarness } from '../providers/harnessSuite';

const record = (jobName: string, displayName: string): JobRecord => ({
  jobName,
  provider: 'emulator',
  kind: 'openai',
  model: 'gemini-2.5-flash',
  displayName,
  inputPath: '/w/in.jsonl',
  createdAt: '2026-01-01T00:00:00Z',
});

suite('display names the user typed survive the service view (issue 11)', function () {
  const h = withEmulatorHarness(this);

  test('an OpenAI-format job on the Gemini compat layer: the service names it, the workspace keeps the typed name', async () => {
    const provider = h.provider('emulator');
    const uploaded = await provider.uploadFile(await h.file('named.jsonl', [openaiLine('r1', 'gemini-2.5-flash')]), {
      displayName: 'named',
    });
    const created = await provider.createJob({
      kind: 'openai',
      model: 'gemini-2.5-flash',
      displayName: 'my run',
      inputFile: uploaded.name,
      endpoint: '/v1/chat/completions',
    });
    const done = await h.waitDone(provider, created.name);
    // The compat layer takes no metadata, so the service's own view carries a generated name: what the bug showed.
    assert.notEqual(done.displayName, 'my run');

    const listed = (await provider.listJobs({ pageSize: 10 })).jobs;
    const merged = mergeJobs(listed, [record(created.name, 'my run')], new Map());
    assert.equal(
      merged.find((j) => j.name === created.name)?.displayName,
      'my run',
      'the listing merged with the record',
    );

    // A poll brings the service's view back (as does a cancel): the stored job and the end toast keep the name.
    const byName = new Map<string, BatchJob>(merged.map((j) => [j.name, { ...j, state: 'running' }]));
    const diff = storeJobs(byName, [done], false);
    assert.equal(byName.get(created.name)?.displayName, 'my run');
    assert.deepEqual(
      diff.finishedJobs.map((j) => j.displayName),
      ['my run'],
    );
  });

  test('a job with no record keeps the name the service gave it', () => {
    const job: BatchJob = {
      name: 'batches/x',
      provider: 'gemini',
      displayName: 'from service',
      state: 'running',
      rawState: '',
      progress: {},
    };
    assert.equal(mergeJobs([job], [], new Map())[0].displayName, 'from service');
    const byName = new Map<string, BatchJob>();
    storeJobs(byName, [job], false);
    storeJobs(byName, [{ ...job, state: 'succeeded' }], false);
    assert.equal(byName.get('batches/x')?.displayName, 'from service');
  });
});
