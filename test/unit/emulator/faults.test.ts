import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ApiError } from '@google/genai';
import OpenAI from 'openai';
import { FaultController } from '../../../src/core/emulator/faults';
import { genai, openai, startTestEmulator, tempDir, writeJsonl } from './helpers';
import type { RunningEmulator } from '../../../src/core/emulator';

const line = { key: 'a', request: { contents: [{ parts: [{ text: 'hi' }] }] } };

suite('emulator: fault injection', () => {
  let emu: RunningEmulator;
  let tmp: ReturnType<typeof tempDir>;

  setup(async () => {
    tmp = tempDir();
    emu = await startTestEmulator(path.join(tmp.dir, 'data'));
  });
  teardown(async () => {
    await emu.close();
    tmp.cleanup();
  });

  test('an injected 429 carries Retry-After and is decided before the create: no job is made', async () => {
    const ai = genai(emu.baseUrl);
    const file = await ai.files.upload({ file: writeJsonl(tmp.dir, 'in.jsonl', [line]), config: { mimeType: 'jsonl' } });
    emu.setFaults({ rate429: 1, retryAfterSeconds: 7 });
    await assert.rejects(ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! }), (e) => e instanceof ApiError && e.status === 429 && /RESOURCE_EXHAUSTED/.test(e.message));
    const err = await openai(`${emu.baseUrl}/v1beta/openai/`).batches.list().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof OpenAI.RateLimitError);
    assert.equal(err.headers?.get('retry-after'), '7');
    emu.setFaults({});
    assert.equal((await ai.batches.list()).page.length, 0);
  });

  test('the admin endpoint toggles faults (500/503); ambiguousCreate makes the job and still answers 500', async () => {
    const ai = genai(emu.baseUrl);
    const admin = (body: unknown): Promise<Response> => fetch(`${emu.baseUrl}/emulator/faults`, { method: 'POST', body: JSON.stringify(body) });
    assert.equal((await admin({ rate500: 1 })).status, 200);
    await assert.rejects(ai.files.list(), (e) => e instanceof ApiError && e.status === 500);
    assert.equal((await admin({ rate503: 1 })).status, 200);
    await assert.rejects(ai.files.list(), (e) => e instanceof ApiError && e.status === 503);
    assert.equal((await admin({ bogus: 1 })).status, 400);
    assert.equal((await admin({ ambiguousCreate: true })).status, 200);
    await assert.rejects(ai.batches.create({ model: 'gemini-2.5-flash', src: [{ contents: 'x' }] }), (e) => e instanceof ApiError && e.status === 500);
    assert.equal((await admin({})).status, 200);
    assert.equal((await ai.batches.list()).page.length, 1, 'the ambiguous create did make a job');
  });

  test('a reset upload chunk fails the SDK upload without leaving a file; a retry succeeds', async () => {
    const ai = genai(emu.baseUrl);
    const input = writeJsonl(tmp.dir, 'in.jsonl', Array.from({ length: 200 }, () => line));
    emu.setFaults({ resetUpload: 1 });
    await assert.rejects(ai.files.upload({ file: input, config: { mimeType: 'jsonl' } }));
    emu.setFaults({});
    assert.equal((await ai.files.list()).page.length, 0);
    const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl' } });
    assert.equal((await ai.files.list()).page.length, 1);
    assert.equal(file.state, 'ACTIVE');
  });

  test('latency is added; the same seed replays the same fault sequence', async () => {
    emu.setFaults({ latencyMs: 150 });
    const t0 = Date.now();
    await genai(emu.baseUrl).files.list();
    assert.ok(Date.now() - t0 >= 140);
    const a = new FaultController({ rate429: 0.3, rate500: 0.2, seed: 42 });
    const b = new FaultController({ rate429: 0.3, rate500: 0.2, seed: 42 });
    const seqA = Array.from({ length: 50 }, () => a.pick()?.status ?? 0);
    const seqB = Array.from({ length: 50 }, () => b.pick()?.status ?? 0);
    assert.deepEqual(seqA, seqB);
    assert.ok(seqA.includes(429) && seqA.includes(500) && seqA.includes(0));
  });
});
