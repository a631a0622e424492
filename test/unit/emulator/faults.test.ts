import * as assert from 'node:assert/strict';
import { ApiError } from '@google/genai';
import OpenAI from 'openai';
import { FaultController } from '../../../src/emulator/faults';
import { withEmulator, writeJsonl } from './helpers';

const line = { key: 'a', request: { contents: [{ parts: [{ text: 'hi' }] }] } };

suite('emulator: fault injection', () => {
  const env = withEmulator();

  test('an injected 429 carries Retry-After and is decided before the create: no job is made', async () => {
    const ai = env.genai();
    const file = await ai.files.upload({
      file: writeJsonl(env.dir, 'in.jsonl', [line]),
      config: { mimeType: 'jsonl' },
    });
    env.emu.setFaults({ rate429: 1, retryAfterSeconds: 7 });
    await assert.rejects(
      ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! }),
      (e) => e instanceof ApiError && e.status === 429 && /RESOURCE_EXHAUSTED/.test(e.message),
    );
    const err = await env
      .openai('/v1beta/openai/')
      .batches.list()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(err instanceof OpenAI.RateLimitError);
    assert.equal(err.headers?.get('retry-after'), '7');
    env.emu.setFaults({});
    assert.equal((await ai.batches.list()).page.length, 0);
  });

  test('the admin endpoint toggles faults (500/503); ambiguousCreate makes the job and still answers 500', async () => {
    const ai = env.genai();
    const admin = (body: unknown): Promise<Response> =>
      fetch(`${env.emu.baseUrl}/emulator/faults`, { method: 'POST', body: JSON.stringify(body) });
    assert.equal((await admin({ rate500: 1 })).status, 200);
    await assert.rejects(ai.files.list(), (e) => e instanceof ApiError && e.status === 500);
    assert.equal((await admin({ rate503: 1 })).status, 200);
    await assert.rejects(ai.files.list(), (e) => e instanceof ApiError && e.status === 503);
    assert.equal((await admin({ bogus: 1 })).status, 400);
    assert.equal((await admin({ ambiguousCreate: true })).status, 200);
    await assert.rejects(
      ai.batches.create({ model: 'gemini-2.5-flash', src: [{ contents: 'x' }] }),
      (e) => e instanceof ApiError && e.status === 500,
    );
    assert.equal((await admin({})).status, 200);
    assert.equal((await ai.batches.list()).page.length, 1, 'the ambiguous create did make a job');
  });

  test('a reset upload chunk fails the SDK upload without leaving a file; a retry succeeds', async () => {
    const ai = env.genai();
    const input = writeJsonl(
      env.dir,
      'in.jsonl',
      Array.from({ length: 200 }, () => line),
    );
    env.emu.setFaults({ resetUpload: 1 });
    await assert.rejects(ai.files.upload({ file: input, config: { mimeType: 'jsonl' } }));
    env.emu.setFaults({});
    assert.equal((await ai.files.list()).page.length, 0);
    const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl' } });
    assert.equal((await ai.files.list()).page.length, 1);
    assert.equal(file.state, 'ACTIVE');
  });

  test('latency is added; the same seed replays the same fault sequence', async () => {
    env.emu.setFaults({ latencyMs: 150 });
    const t0 = Date.now();
    await env.genai().files.list();
    assert.ok(Date.now() - t0 >= 140);
    const a = new FaultController({ rate429: 0.3, rate500: 0.2, seed: 42 });
    const b = new FaultController({ rate429: 0.3, rate500: 0.2, seed: 42 });
    const seqA = Array.from({ length: 50 }, () => a.pick()?.status ?? 0);
    const seqB = Array.from({ length: 50 }, () => b.pick()?.status ?? 0);
    assert.deepEqual(seqA, seqB);
    assert.ok(seqA.includes(429) && seqA.includes(500) && seqA.includes(0));
  });
});
