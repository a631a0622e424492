import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createOpenAiBatch, pollUntil, withEmulator, writeJsonl } from './helpers';

suite('emulator: a crash after results are published leaves no orphan', () => {
  const env = withEmulator({}, 'crash');

  test('an OpenAI batch re-run after a kill between publishing and recording publishes under the same ids', async () => {
    let client = env.openai('/v1/');
    // Two lines: one answered, one failing (an unknown endpoint body), so there is an output and an error file.
    const lines = [
      {
        custom_id: 'a',
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
      },
      {
        custom_id: 'b',
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'gpt-4o-mini', messages: 'not a list' },
      },
    ];
    const batch = await createOpenAiBatch(client, writeJsonl(env.dir, 'in.jsonl', lines));
    env.runJobs();
    const first = await pollUntil(
      () => client.batches.retrieve(batch.id),
      (b) => b.status === 'completed',
    );
    const before = (await client.files.list()).data.map((f) => f.id).sort();

    // What `kill -9` leaves when it lands after the publish and before the job's final state is written.
    const jobFile = path.join(env.dir, 'data', 'jobs', `${batch.id.replace(/^batch_/, '')}.json`);
    const job = JSON.parse(readFileSync(jobFile, 'utf8')) as Record<string, unknown>;
    delete job.final;
    writeFileSync(jobFile, JSON.stringify(job));
    await env.restart({});
    client = env.openai('/v1/'); // the restarted emulator has another port
    env.runJobs(); // the re-run waits on the (restarted emulator's same) clock

    const again = await pollUntil(
      () => client.batches.retrieve(batch.id),
      (b) => b.status === 'completed',
    );
    assert.equal(again.output_file_id, first.output_file_id);
    assert.equal(again.error_file_id, first.error_file_id);
    assert.deepEqual((await client.files.list()).data.map((f) => f.id).sort(), before, 'no extra result files');
    const onDisk = readdirSync(path.join(env.dir, 'data', 'files')).filter((n) => n.endsWith('.data'));
    assert.equal(onDisk.length, before.length);
  });

  test('a data file without its record (a crash between rename and record) is removed at start', async () => {
    const stray = path.join(env.dir, 'data', 'files', 'file-stray.data');
    writeFileSync(stray, 'half');
    await env.restart({});
    assert.deepEqual(readdirSync(path.join(env.dir, 'data', 'files')), []);
  });
});
